FROM alpine
ENTRYPOINT echo shell entry
CMD echo shell cmd
