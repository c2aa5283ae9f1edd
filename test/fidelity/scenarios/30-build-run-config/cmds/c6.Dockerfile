FROM alpine
ENTRYPOINT echo shell entry
CMD ["exec", "cmd"]
