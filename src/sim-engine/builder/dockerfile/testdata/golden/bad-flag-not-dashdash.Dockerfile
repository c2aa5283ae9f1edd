FROM alpine
RUN --network=none --mount=type=cache,target=/x -- -v
