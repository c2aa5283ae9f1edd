# images: alpine:latest nginx:latest
# docker network ls/create/inspect/connect/disconnect/rm/prune and their errors
docker network ls
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network create mynet
docker network ls --format '{{.Name}} {{.Driver}}'
docker network ls --filter driver=bridge --format '{{.Name}}'
docker network ls --filter name=my --format '{{.Name}}'
docker network create mynet
docker network create --driver overlay ov
docker network create --driver nosuch x
docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 subnetted
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} via {{.Gateway}}{{end}}' subnetted
docker network create --subnet 10.10.0.0/24 clash
docker network create --internal --label purpose=test internalnet
docker network inspect -f '{{.Internal}} {{.Labels}}' internalnet
docker network create
# connect and disconnect
docker run -d --name web --network mynet nginx
docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' mynet
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' web
docker network connect subnetted web
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' web
docker inspect -f '{{(index .NetworkSettings.Networks "subnetted").IPAddress}}' web
docker network connect subnetted web
docker network disconnect subnetted web
docker network disconnect subnetted web
docker network connect nothere web
docker network connect mynet nothere
docker run -d --name fixed --network subnetted --ip 10.10.0.50 alpine sleep 300
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' fixed
# rm: in use, predefined, missing
docker network rm mynet
docker network rm bridge
docker network rm host none
docker network rm nothere
docker rm -f web fixed
docker network rm mynet internalnet
docker network ls --format '{{.Name}}'
docker network prune -f
docker network ls --format '{{.Name}}'
docker network prune -f
docker network prune
docker network
