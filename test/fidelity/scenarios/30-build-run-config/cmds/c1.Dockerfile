FROM alpine
CMD ["echo", "exec", "cmd"]
