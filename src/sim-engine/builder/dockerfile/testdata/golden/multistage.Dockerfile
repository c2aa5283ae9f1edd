ARG GO_VERSION=1.22
ARG ALPINE=3.20
FROM golang:${GO_VERSION}-alpine${ALPINE} AS build
ARG GO_VERSION
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=.,target=/src,rw \
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .

FROM build AS test
RUN go test ./...

FROM alpine:${ALPINE:-latest}
COPY --from=build /out/app /usr/local/bin/app
COPY --from=0 /etc/passwd /etc/passwd
ENTRYPOINT ["app"]
