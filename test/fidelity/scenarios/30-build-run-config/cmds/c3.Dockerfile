FROM alpine
ENTRYPOINT ["echo", "entry"]
