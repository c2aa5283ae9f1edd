ARG =x
FROM alpine
