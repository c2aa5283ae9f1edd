# images: nginx:latest alpine:latest traefik/whoami:latest
# swarm networking on a one-node swarm: ingress and docker_gwbridge after init, overlay networks (create, --attachable, inspect, errors), services on an overlay (VIPs, DNS of the service name and tasks.<name>, dnsrr), standalone containers on attachable and non-attachable overlays, published ports (ingress and host mode), network rm of a network in use, cleanup
docker swarm init > /dev/null
# the node sets up its ingress sandbox (and with it docker_gwbridge) shortly after init, asynchronously
sleep 2
docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network inspect ingress --format '{{.Driver}} {{.Scope}} {{.Ingress}} {{.Attachable}} {{.Internal}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}'
docker network inspect docker_gwbridge --format '{{.Driver}} {{.Scope}} {{index .Options "com.docker.network.bridge.name"}} {{index .Options "com.docker.network.bridge.enable_icc"}} {{index .Options "com.docker.network.bridge.enable_ip_masquerade"}}'
docker network create -d overlay app
docker network create -d overlay --attachable att
# the manager's allocator gives a new network its driver state asynchronously; until then `driver=overlay` does not match it
sleep 1
docker network ls --filter driver=overlay --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network inspect app --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Attachable}} {{.Ingress}} {{.Internal}} {{len .IPAM.Config}}'
docker network inspect att --format '{{.Attachable}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}'
docker network inspect app --format '{{json .Options}}'
docker network create -d overlay app
docker network create -d overlay --ingress ing2
docker network create -d overlay --subnet 10.10.0.0/24 --gateway 10.10.0.1 sub
docker network inspect sub --format '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}'
docker network create -d overlay --subnet 10.10.0.0/33 badsub
# a standalone container on a non-attachable overlay (given by ID: the node has no instance of app yet, so
# the daemon asks the manager with the ID as typed) and on an attachable one
docker run --rm --network "$(docker network inspect -f '{{.Id}}' app)" alpine true
# by name: Docker names the network as typed in both places
docker run --rm --network app alpine true
docker run --rm --network att alpine echo attached
docker service create -d --name web --replicas 2 --network att nginx
docker service create -d --name priv --network app alpine sleep 1000
sleep 4
docker service inspect --format '{{len .Endpoint.VirtualIPs}} {{.Endpoint.Spec.Mode}}' web
docker service inspect --format '{{json .Endpoint.VirtualIPs}}' web
docker service inspect --format '{{range .Endpoint.VirtualIPs}}{{if eq .NetworkID "'"$(docker network inspect -f '{{.Id}}' att)"'"}}on att{{end}}{{end}}' web
docker network ls --filter driver=overlay --format '{{.Name}}' | sort
docker run --rm --network att alpine ping -c 1 -W 2 web | sed -n 1p
[ "$(docker run --rm --network att alpine ping -c 1 -W 2 web | sed -n 1p | cut -d'(' -f2 | cut -d')' -f1)" = "$(docker service inspect -f '{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}' web | cut -d/ -f1)" ] && echo the name is the VIP
docker run --rm --network att alpine ping -c 1 -W 2 tasks.web | sed -n 1p
docker run --rm --network att alpine wget -qO- http://tasks.web | grep -o '<title>.*</title>'
docker run --rm --network att alpine ping -c 1 -W 2 priv
docker exec $(docker ps -q -f name=priv.1) ping -c 1 -W 2 web
docker exec $(docker ps -q -f name=priv.1) ping -c 1 -W 2 priv | sed -n 1p
docker service create -d --name rr --replicas 2 --endpoint-mode dnsrr --network att traefik/whoami
sleep 4
docker service inspect --format '{{.Spec.EndpointSpec.Mode}}' rr
# no VirtualIPs: a nil slice in the CLI's swarm.Service; a dnsrr service without published ports is never
# allocated, so its Endpoint stays empty
docker service inspect --format '{{len .Endpoint.VirtualIPs}}' rr
docker service inspect --format '{{json .Endpoint}}' rr
docker run --rm --network att alpine wget -qO- http://rr | grep -c '^Hostname:'
docker service create -d --name who --replicas 3 -p 8080:80 traefik/whoami
sleep 4
docker service ls --filter name=who --format '{{.Name}} {{.Replicas}} {{.Ports}}'
docker service inspect --format '{{len .Endpoint.VirtualIPs}} {{json .Endpoint.Ports}}' who
for i in 1 2 3 4 5 6; do curl -s localhost:8080 | grep '^Hostname:'; done | sort -u | wc -l
docker service create -d --name hostmode --publish mode=host,published=8081,target=80 traefik/whoami
sleep 4
docker service ps --format '{{.Name}} {{.Ports}}' hostmode
docker service ls --filter name=hostmode --format '{{.Name}} {{.Ports}}'
curl -s localhost:8081 | grep -c '^Hostname:'
docker ps --filter name=hostmode --format '{{.Ports}}'
docker network rm att
docker network rm ingress
docker service rm web priv rr who hostmode
# priv's task runs `sleep`, which ignores SIGTERM: its container stops after the 10 s grace period
sleep 15
docker network rm app att sub
docker network ls --filter driver=overlay --format '{{.Name}}'
docker swarm leave --force
docker network ls --format '{{.Name}}' | sort
