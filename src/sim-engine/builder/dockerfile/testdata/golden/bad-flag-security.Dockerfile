FROM alpine
RUN --security=insecure id
