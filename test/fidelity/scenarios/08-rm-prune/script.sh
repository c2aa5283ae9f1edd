# images: alpine:latest nginx:latest redis:7
# removing containers: rm -f, rm -v, container prune, the long forms
docker container run -d --name web nginx
docker container run --name once alpine echo once
docker container create --name idle alpine
docker container ls -a --format '{{.Names}} {{.State}}'
docker container rm -f web
docker container ls -a --format '{{.Names}} {{.State}}'
docker container rm --force idle
# rm -v also removes the container's anonymous volumes, never named ones
docker run -d --name cache redis:7
docker run -d --name keep -v /scratch -v named:/named alpine sleep 300
docker volume ls -q | wc -l
docker rm -fv cache
docker volume ls -q | wc -l
docker rm -f --volumes keep
docker volume ls --format '{{.Name}}'
# prune removes every stopped container
docker run --name s1 alpine true
docker run --name s2 alpine sh -c 'exit 1'
docker create --name s3 alpine
docker run -d --name alive alpine sleep 300
docker container prune -f
docker ps -a --format '{{.Names}} {{.State}}'
docker container prune --force
docker container prune -f --filter label=nothing
docker rm -f $(docker ps -aq)
docker ps -a -q | wc -l
docker container prune
