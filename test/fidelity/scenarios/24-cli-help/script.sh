# images: alpine:latest
# help output (printed by the CLI alone, no daemon needed)
docker --help
docker run --help
docker ps --help
docker network create --help
docker help ps
docker images -h
docker volume ls --help
docker exec --help
docker logs --help
