FROM alpine
ADD a
