# images: alpine:latest nginx:latest busybox:latest
# docker version / info / system df / system prune / events: the stable parts
docker --version
docker version --format '{{.Client.Version}}'
docker version --format '{{.Server.Version}}'
docker version --format 'client API {{.Client.APIVersion}}, server API {{.Server.APIVersion}} (min {{.Server.MinAPIVersion}})'
docker version --format '{{.Client.Os}}/{{.Client.Arch}} {{.Server.Os}}/{{.Server.Arch}} {{.Server.Experimental}}'
docker version --format '{{range .Server.Components}}{{.Name}} {{end}}'
docker version --format '{{.Nope}}'
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
docker info --format '{{.Driver}} {{.LoggingDriver}} {{.OSType}} {{.Architecture}} {{.DockerRootDir}}'
docker info --format '{{.Swarm.LocalNodeState}} {{.DefaultRuntime}} {{.Plugins.Volume}}'
docker info --format '{{.ServerVersion}}'
docker system info --format '{{.Containers}}'
# system df, before and after some activity
docker system df --format '{{.Type}} {{.TotalCount}} {{.Active}}'
docker run -d --name sysweb nginx
docker run --name sysdone alpine true
docker volume create sysvol
docker network create sysnet
docker system df --format '{{.Type}} {{.TotalCount}} {{.Active}}'
docker system df --format 'table {{.Type}}\t{{.TotalCount}}'
docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}}'
# events in a bounded window: since a marker container was created, until now (--until makes the command return)
docker create --name evmark alpine
docker network create evnet
docker volume create evvol
docker run --name evtest alpine sh -c 'exit 2'
docker rm evtest
docker network rm evnet
sleep 1
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter container=evtest --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.image}}'
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter container=evtest --filter event=die
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter container=evtest --filter event=die --format '{{.Action}} exit={{.Actor.Attributes.exitCode}}'
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter network=evnet --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}'
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter volume=evvol --format '{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}'
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter type=image
docker events --since "$(docker inspect -f '{{.Created}}' evmark)" --until 0s --filter container=nothing-here
# prune everything unused (volumes only with --volumes)
docker system prune -f
docker ps -a --format '{{.Names}}'
docker network ls --format '{{.Name}}'
docker volume ls --format '{{.Name}}'
docker system prune
