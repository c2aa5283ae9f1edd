FROM alpine
rnu echo
