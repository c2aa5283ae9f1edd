FROM alpine
RUN --mount=type=bind,"src=a true
