# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended

ARG BASE=alpine:3.20
# base The image everything starts from
FROM --platform=$BUILDPLATFORM ${BASE} AS base
LABEL org.opencontainers.image.authors="me@example.com" version=1.0
LABEL description "legacy label form"
ENV PATH=/usr/local/bin:$PATH HOME=/root
ENV LEGACY value with spaces
ARG VERSION
ARG A=1 B="two words"
RUN apk add --no-cache curl
RUN ["/bin/sh", "-c", "echo exec form"]
RUN --mount=type=cache,target=/var/cache/apk --network=none apk add git
COPY --chown=1000:1000 --chmod=0644 --link --exclude=*.md --exclude=docs src/ /app/
COPY ["a b.txt", "/dst dir/"]
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/f.tgz /tmp/
ADD --keep-git-dir=true --unpack=false ctx.tar /opt/
WORKDIR /app
USER 1000:1000
VOLUME /data /cache
VOLUME ["/logs"]
EXPOSE 8080/tcp 80 53/udp
STOPSIGNAL SIGQUIT
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK NONE
ONBUILD RUN echo triggered
ENTRYPOINT ["/entrypoint.sh"]
ENTRYPOINT /entrypoint.sh --shell-form
ENTRYPOINT []
CMD ["--help"]
CMD echo shell form
