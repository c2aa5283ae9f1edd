# images: nginx:latest alpine:latest
# Overlay networks, ingress and docker_gwbridge on a three-node swarm.
# Off a swarm, an overlay is refused (moby daemon/network.go createNetwork).
docker network create -d overlay early
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
# swarm init/join: ingress (overlay, swarm) and docker_gwbridge (bridge, local) appear
# (docker/docs engine/swarm/networking.md; swarmkit manager.go newIngressNetwork;
# libnetwork default_gateway_linux.go createGWNetwork)
docker network ls
@node2 docker network ls
# a manager creates overlays in the cluster (network_routes.go postNetworkCreate → Cluster.CreateNetwork);
# a worker gets daemon/network.go's "not a swarm manager" text
docker network create -d overlay my-net
@node2 docker network create -d overlay other
docker network create -d overlay my-net
# the manager lists the cluster's networks (Cluster.GetNetworks); a worker only the
# ones it has instantiated
docker network ls --filter driver=overlay
@node2 docker network ls --filter driver=overlay
# convert.BasicNetworkFromGRPC: Containers null, no Peers; the allocator gave it the
# next /24 of 10.0.0.0/8 and VNI 4097 (ingress has 4096)
docker network inspect my-net
# the local instance of ingress: the node's ingress-sbox endpoint, networkdb's Peers
@node3 docker network inspect ingress
@node3 docker network inspect docker_gwbridge --format '{{json .Options}} {{json .IPAM.Config}}'
@node3 docker network inspect docker_gwbridge --format '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}'
docker network create -d overlay --attachable --subnet 10.10.0.0/24 --gateway 10.10.0.254 att
docker network inspect att --format '{{.Scope}} {{.Attachable}} {{json .IPAM.Config}} {{json .Options}}'
# swarmkit controlapi/network.go: predefined and ingress refusals
docker network rm ingress
docker network rm my-net att
docker network ls --filter driver=overlay -q | wc -l
# leaving removes the swarm's networks; docker_gwbridge stays
@node3 docker swarm leave
@node3 docker network ls
