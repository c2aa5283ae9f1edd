# check=experimental=all
FROM alpine AS Builder
from alpine AS lower
FROM alpine as mixed
# wrong description for the stage
FROM alpine AS described
FROM alpine AS builder
FROM alpine AS scratch
# VERSION the version to build
ARG VERSION=1
# not matching
ARG OTHER
# one two
ARG X Y
MAINTAINER someone
Run echo odd casing
copy a b
