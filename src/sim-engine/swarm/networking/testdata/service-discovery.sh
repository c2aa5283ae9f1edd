# images: nginx:latest alpine:latest traefik/whoami:latest
# VIP and DNS service discovery on an overlay across three nodes.
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
docker network create -d overlay my-net
# the CLI names the network; the daemon stores its ID (daemon/cluster/networks.go populateNetworkID)
docker service create --name web --replicas 3 --network my-net -d traefik/whoami
docker service create --name client --network my-net -d nginx
sleep 5
docker service ps web client --format '{{.Name}} {{.Node}} {{.CurrentState}}'
# swarmkit allocator: one VIP per network (Endpoint.VirtualIPs), Spec copied from the spec
docker service inspect web --format '{{json .Endpoint}}'
docker service inspect web --format '{{range .Spec.TaskTemplate.Networks}}{{.Target}}{{end}}'
# Task.NetworksAttachments: an address per network for each task
docker inspect --format '{{range .NetworksAttachments}}{{.Network.Spec.Name}} {{.Addresses}}{{end}}' $(docker service ps -q web)
# on a node with tasks, the local instance: containers, the node's lb-<network> endpoint, Peers
@node2 docker network inspect my-net --format '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.MacAddress}}; {{end}}'
@node2 docker network inspect my-net --format '{{len .Peers}} peers'
# a worker lists the overlay once a task uses it there
@node2 docker network ls --filter driver=overlay
# the service name resolves to the VIP, balanced round robin across the tasks (IPVS rr);
# tasks.<name> to the task addresses (libnetwork service records)
docker exec $(docker ps -q --filter name=client) curl -s web
docker exec $(docker ps -q --filter name=client) curl -s web
docker exec $(docker ps -q --filter name=client) curl -s web
docker exec $(docker ps -q --filter name=client) curl -s -o /dev/null -w '%{remote_ip}\n' tasks.web
docker exec $(docker ps -q --filter name=client) curl -s -o /dev/null -w '%{remote_ip}\n' tasks.web
docker exec $(docker ps -q --filter name=client) curl -s -o /dev/null -w '%{remote_ip}\n' web
docker exec $(docker ps -q --filter name=client) curl -s -o /dev/null -w '%{remote_ip}\n' web.1.$(docker service ps -q --filter desired-state=running web | head -1)
# an attachable overlay takes standalone containers on any node (Cluster.AttachNetwork);
# they reach each other by name across nodes
docker network create -d overlay --attachable att
@node2 docker run -d --name box --network att nginx
@node2 docker network ls --filter name=att
@node2 docker inspect box --format '{{json .NetworkSettings.Networks.att.IPAMConfig}} {{.NetworkSettings.Networks.att.IPAddress}}'
docker run --rm --network att nginx curl -s -o /dev/null -w '%{http_code} %{remote_ip}\n' box
docker run --rm --network my-net alpine true
# swarmkit controlapi/network.go removeNetwork
docker network rm my-net
docker service rm client web
sleep 2
docker network rm my-net
@node2 docker network ls --filter driver=overlay
