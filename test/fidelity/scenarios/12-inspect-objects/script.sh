# images: alpine:latest nginx:latest
# docker inspect on every kind of object, and on names that do not exist
docker inspect nothere
docker inspect --format '{{.Id}}' nothere
docker container inspect nothere
docker image inspect nothere
docker volume inspect nothere
docker network inspect nothere
docker inspect alpine nothere --format '{{.Os}}'
docker inspect
# images
docker inspect --format '{{.Os}}/{{.Architecture}} {{.Config.Cmd}}' alpine
docker image inspect --format '{{.RepoTags}} {{.Config.Entrypoint}} {{.Config.Cmd}}' nginx
docker image inspect -f '{{.Config.ExposedPorts}} {{.Config.StopSignal}}' nginx:latest
docker image inspect -f '{{json .Config.Env}}' alpine
docker image inspect -f '{{len .RootFS.Layers}} {{.RootFS.Type}}' nginx
docker image inspect -f '{{.Config.Labels.maintainer}}' nginx
docker image inspect -f '{{index .RepoTags 0}}' alpine:latest
docker image inspect -f '{{len .Id}} {{len .RepoDigests}}' alpine
# volumes
docker volume create data
docker volume inspect data
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}}' data
docker inspect --type volume -f '{{.Name}}' data
# networks
docker network create appnet
docker network inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}} {{.Attachable}}' appnet
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' appnet
docker network inspect -f '{{.Name}} {{.Driver}}' bridge host none
docker inspect -f '{{.Name}}' appnet
# containers, and name clashes between kinds
docker run -d --name appnet alpine sleep 300
docker inspect -f '{{.Name}}' appnet
docker inspect --type network -f '{{.Name}} {{.Driver}}' appnet
docker inspect --type container -f '{{.Name}} {{.State.Status}}' appnet
docker inspect --type image -f '{{.Id}}' appnet
docker inspect --type bogus appnet
docker container inspect -f '{{.State.Status}}' appnet alpine
