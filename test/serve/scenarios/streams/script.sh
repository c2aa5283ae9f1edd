# images: alpine:latest nginx:latest busybox:latest
# the Engine API's streams, which the in-process CLI never sees as bytes: logs (stdcopy frames without a TTY, raw with one), logs --follow to the container's end, attach, events between two times, a pull's progress, exec with piped input, wait
docker run --name both alpine sh -c 'echo out; echo err >&2; echo out2'
docker logs both
docker logs both 2>/dev/null
docker logs both 2>&1 >/dev/null
docker logs -t both | sed 's/^[^ ]* //'
docker run -t --name tty alpine sh -c 'echo one; echo two >&2'
docker logs tty | od -c | head -3
docker run -d --name counter alpine sh -c 'for i in 1 2 3; do echo tick $i; sleep 1; done'
docker logs -f counter
docker wait counter
docker start -a counter
docker run -d --name web nginx
echo hello | docker exec -i web cat
docker exec web sh -c 'echo to-stderr >&2; exit 3'
docker exec -t web echo tty | od -c | head -2
docker pull busybox:latest
docker pull alpine:3.19
docker images --format '{{.Repository}}:{{.Tag}}' | sort
sleep 1
docker events --since "$(docker inspect -f '{{.Created}}' both)" --until 0s --filter container=both --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'
docker events --since "$(docker inspect -f '{{.Created}}' web)" --until 0s --filter event=exec_die --format '{{.Action}} {{.Actor.Attributes.exitCode}}'
docker stats --no-stream --format '{{.Name}}' web
docker top web | head -1
docker rm -f web both tty counter
