FROM alpine
FOO
RUN <<EOF
