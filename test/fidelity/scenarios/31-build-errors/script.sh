# images: alpine:latest
# Mistakes with docker build: no context, a typo, a missing file, a failing RUN, no
# Dockerfile, a context that does not exist, an uppercase tag, an unused --build-arg
docker build
docker build -q ./typo
docker build -q ./nofile
docker build -q ./failrun
docker build -q ./empty
docker build -q ./nope
docker build -q -t Hello ./ok
docker build -q -t ok --build-arg UNUSED=1 ./ok
docker run --rm ok
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker ps -a -q | wc -l
