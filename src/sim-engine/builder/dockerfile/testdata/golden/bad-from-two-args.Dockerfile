FROM alpine foo
