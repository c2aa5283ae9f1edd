FROM alpine
COPY --frobnicate a b
