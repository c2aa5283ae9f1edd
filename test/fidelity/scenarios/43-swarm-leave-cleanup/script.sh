# images: nginx:latest alpine:latest
# what a one-node swarm leaves behind: a task container removed with `rm -f` (the task Failed, `task: non-zero exit (137)`, its last container status kept, a replacement), then `service rm` and `swarm leave --force` (no container left, docker_gwbridge kept); leaving with services still running: the node's task containers go, an exited one too, a plain container stays and one on an attachable overlay is disconnected
docker swarm init > /dev/null
docker service create --name web --replicas 2 nginx > /dev/null
docker ps --format '{{.Names}}' | wc -l
docker rm -f $(docker ps -q --filter name=web.1.)
sleep 8
docker service ps web
docker service ps --no-trunc web
docker service ps --filter desired-state=shutdown --format '{{.Name}} {{.CurrentState}} {{.Error}}' web
docker inspect --format '{{.Status.State}} {{.Status.Message}} {{.Status.Err}} {{.Status.ContainerStatus.ExitCode}} {{.DesiredState}}' $(docker service ps -q --filter desired-state=shutdown web)
docker inspect --format '{{.Status.ContainerStatus.ContainerID}} {{gt .Status.ContainerStatus.PID 0}}' $(docker service ps -q --filter desired-state=shutdown web)
docker inspect --format '{{.Status.State}} {{.Status.Message}} {{.Status.ContainerStatus.ExitCode}}' $(docker service ps -q --filter desired-state=running web | head -1)
docker ps -a --format '{{.Names}} {{.State}}' | wc -l
docker service rm web
docker swarm leave --force
docker ps -a
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}' | sort
docker network inspect --format '{{.Name}} {{.Driver}} {{.Scope}} {{len .Containers}}' docker_gwbridge
docker swarm init > /dev/null
docker network create -d overlay --attachable app > /dev/null
docker service create -d --name left --replicas 2 --network app alpine sleep 1000 > /dev/null
docker service create -d --name fail --restart-condition none alpine sh -c 'exit 3' > /dev/null
docker run -d --name att --network app alpine sleep 1000 > /dev/null
docker create --name plain alpine > /dev/null
sleep 5
docker ps -a --format '{{.Names}} {{.State}} {{.Networks}}' | sort
docker swarm leave --force
docker ps -a --format '{{.Names}} {{.State}} {{.Networks}}' | sort
docker inspect --format '{{json .NetworkSettings.Networks}}' att
docker network ls --format '{{.Name}}' | sort
docker rm -f att plain
docker network rm docker_gwbridge
