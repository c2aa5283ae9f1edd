FROM alpine
RUN --mount=from=$STAGE,target=/x true
