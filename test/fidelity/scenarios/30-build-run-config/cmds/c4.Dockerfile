FROM alpine
ENTRYPOINT ["echo", "entry"]
CMD ["exec", "cmd"]
