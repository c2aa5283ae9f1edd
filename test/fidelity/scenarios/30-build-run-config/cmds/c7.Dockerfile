FROM alpine
ENTRYPOINT echo shell entry
