# images: alpine:latest nginx:latest
# docker logs: what a container printed, also after it exited; stdout and stderr stay apart
docker run --name hello alpine echo hello world
docker logs hello
docker container logs hello
docker run --name counter alpine sh -c 'for i in 1 2 3 4 5; do echo line $i; done'
docker logs counter
docker logs --tail 2 counter
docker logs -n 1 counter
docker logs --tail 0 counter
docker logs --tail all counter
docker logs -t counter
docker logs --timestamps --tail 1 counter
# a restarted container appends to the same log
docker start counter
sleep 1
docker logs counter
docker start -a counter
docker logs --tail 3 counter
# stderr of the container goes to docker's stderr
docker run --name errs alpine sh -c 'echo to stderr >&2'
docker logs errs
docker logs errs 2>/dev/null
docker logs errs 2>&1 >/dev/null
# nginx: entrypoint lines on stdout, notices on stderr, one access-log line per request on stdout
docker run -d --name web -p 8080:80 nginx
sleep 1
docker logs web 2>/dev/null
docker logs web 2>&1 >/dev/null | head -2
curl -s -o /dev/null localhost:8080
curl -s -o /dev/null localhost:8080/index.html
sleep 1
docker logs --tail 2 web 2>/dev/null
docker logs --since 1h --tail 1 web 2>/dev/null
docker logs
docker logs hello counter
