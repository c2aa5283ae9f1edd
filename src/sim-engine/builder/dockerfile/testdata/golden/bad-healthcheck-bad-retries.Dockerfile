FROM alpine
HEALTHCHECK --retries=x CMD true
