# images: alpine:latest
# CMD and ENTRYPOINT (the Dockerfile reference's table, one image per cell), then an image
# with EXPOSE, VOLUME, WORKDIR, USER, STOPSIGNAL, SHELL, ONBUILD, HEALTHCHECK and MAINTAINER
for i in 0 1 2 3 4 5 6 7 8; do docker build -q -t c$i -f cmds/c$i.Dockerfile cmds > /dev/null 2>&1 || echo "c$i failed"; done
docker images --format '{{.Repository}}' | grep -c '^c[0-8]$'
docker run --rm c0
docker run --rm c1
docker run --rm c1 echo replaced
docker run --rm c2
docker run --rm c3
docker run --rm c3 more args
docker run --rm c4
docker run --rm c4 more args
docker run --rm c5
docker run --rm c6
docker run --rm c6 more args
docker run --rm c7
docker run --rm c8
docker run --rm --entrypoint echo c4 overridden
docker image inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' c5 c6 c2
docker build -q -t cfg ./img
docker image inspect -f '{{.Author}}|{{json .Config.ExposedPorts}}|{{.Config.WorkingDir}}|{{.Config.User}}|{{json .Config.Volumes}}|{{.Config.StopSignal}}|{{json .Config.Shell}}|{{json .Config.OnBuild}}' cfg
docker image inspect -f '{{json .Config.Healthcheck}}' cfg
docker history --format '{{.CreatedBy}}|{{.Comment}}' cfg
docker run --rm cfg sh -c 'pwd; id'
docker run -d -P --name box cfg
docker ps --format '{{.Names}} {{.Status}}'
docker port box | sed -E 's/:[0-9]+$/:PORT/' | sort
docker exec box pwd
docker exec box id
docker exec -u root box id
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}' box
docker volume ls -q | wc -l
docker exec box ls /data
sleep 3
docker ps --format '{{.Names}} {{.Status}}'
docker exec box touch /tmp/healthy
sleep 3
docker ps --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' box
docker rm -f box
