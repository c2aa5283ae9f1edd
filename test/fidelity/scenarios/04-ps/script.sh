# images: alpine:latest nginx:latest busybox:latest
# docker ps: empty lists, -a -q -n -l -s --no-trunc, filters
docker ps
docker ps -a
docker ps -q
docker container ls
docker run -d --name web -p 8080:80 nginx
docker run -d --name cache --label tier=backend --label team=ops alpine sleep 300
docker run --name done0 alpine true
docker run --name done3 alpine sh -c 'exit 3'
docker create --name fresh busybox echo never started
docker ps
docker ps -a
docker ps -q | wc -l
docker ps -aq | wc -l
docker ps -n 2
docker ps -l
docker ps --last 3 --format '{{.Names}}'
docker ps -s --format 'table {{.Names}}\t{{.Size}}'
docker ps --no-trunc --format '{{.Command}}'
docker ps -a --no-trunc --format 'table {{.Names}}\t{{.Command}}'
docker container ls --all --quiet | wc -l
docker container list -a --format '{{.Names}}'
# filters
docker ps -a --filter status=exited
docker ps -a --filter status=created
docker ps -a -f status=running --format '{{.Names}}'
docker ps -a --filter exited=3 --format '{{.Names}}'
docker ps -a --filter exited=0 --format '{{.Names}}'
docker ps --filter name=web
docker ps -a --filter name=done --format '{{.Names}}'
docker ps -a --filter ancestor=alpine --format '{{.Names}}'
docker ps -a --filter ancestor=nginx:latest --format '{{.Names}}'
docker ps --filter label=tier=backend --format '{{.Names}} {{.Labels}}'
docker ps --filter label=team --format '{{.Names}} {{.Label "team"}}'
docker ps -a --filter "id=$(docker ps -aq --filter name=fresh)" --format '{{.Names}}'
docker ps --filter publish=8080 --format '{{.Names}} {{.Ports}}'
docker ps --filter expose=80 --format '{{.Names}}'
docker ps -a --filter status=paused
docker ps --filter status=bogus
docker ps --filter foo=bar
docker ps --filter name
