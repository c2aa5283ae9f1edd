FROM alpine
CMD echo shell cmd $HOME
