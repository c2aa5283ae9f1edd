FROM alpine
COPY --from=a --from=b a b
