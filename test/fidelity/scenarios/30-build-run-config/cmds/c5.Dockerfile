FROM alpine
ENTRYPOINT ["echo", "entry"]
CMD echo shell cmd
