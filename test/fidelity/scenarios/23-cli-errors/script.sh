# images: alpine:latest
# how the docker CLI rejects what is typed: unknown commands and flags, missing values and arguments
docker foo
docker contianer ls
docker network foo
docker container foo
docker run --foo alpine
docker ps --foo
docker ps -z
docker run -z alpine
docker ps --filter
docker run --name
docker run -e
docker ps -n abc
docker ps --all=maybe
docker run
docker rm
docker network create
docker volume create a b
docker network connect onlyone
docker image tag one
docker container
docker image
docker volume
docker system
docker ps extra-arg
docker version extra-arg
