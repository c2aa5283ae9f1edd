# images: nginx:latest alpine:latest traefik/whoami:latest
# The ingress routing mesh, dnsrr and host-mode publishing on three nodes.
docker swarm init --advertise-addr 192.168.0.11
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
@node3 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
# two tasks on three nodes: node3 runs none yet answers (docs engine/swarm/ingress.md)
docker service create --name whoami --replicas 2 -p 8080:80 -d traefik/whoami
sleep 5
docker service ps whoami --format '{{.Name}} {{.Node}}'
docker service ls
# Endpoint: Spec, Ports and the ingress VIP (swarmkit allocator allocateService)
docker service inspect whoami --format '{{json .Endpoint}}'
# round robin across the tasks (IPVS rr); the task sees the node's ingress sandbox address
curl -s localhost:8080
curl -s localhost:8080 | head -1
@node3 curl -s localhost:8080 | grep -E 'Hostname|RemoteAddr'
@node3 curl -s localhost:8080 | grep -E 'Hostname|RemoteAddr'
@node2 curl -s node3:8080 | head -1
@node2 curl -s 192.168.0.11:8080 | head -1
# scaling adds a backend on every node's mesh
docker service scale whoami=3 -d
sleep 5
@node3 curl -s localhost:8080 | head -1
@node3 curl -s localhost:8080 | head -1
@node3 curl -s localhost:8080 | head -1
# ingress now has the service's tasks and each node's sandbox
@node3 docker network inspect ingress --format '{{range .Containers}}{{.Name}} {{.IPv4Address}}; {{end}}'
docker network rm ingress <<< y
# dnsrr: no VIP; the name resolves to the task addresses; ingress ports refused
# (swarmkit controlapi validateEndpointSpec)
docker network create -d overlay back
docker service create --name db --endpoint-mode dnsrr --replicas 3 --network back -d nginx
docker service create --name bad --endpoint-mode dnsrr -p 9090:80 -d nginx
docker service create --name probe --network back --constraint node.role==manager -d nginx
sleep 5
docker service inspect db --format '{{json .Endpoint}}'
docker exec $(docker ps -q --filter name=probe) curl -s -o /dev/null -w '%{remote_ip}\n' db
docker exec $(docker ps -q --filter name=probe) curl -s -o /dev/null -w '%{remote_ip}\n' db
docker exec $(docker ps -q --filter name=probe) curl -s -o /dev/null -w '%{remote_ip}\n' db
# host mode: only the task's node publishes (HostPortFilter keeps one per node)
docker service create --name edge --mode global -p mode=host,target=80,published=8088 -d traefik/whoami
sleep 5
docker service ls --filter name=edge
docker service ps edge --format '{{.Node}} {{.Ports}}'
docker service inspect edge --format '{{json .Endpoint.Ports}}'
@node2 curl -s localhost:8088 | grep -E 'Hostname|RemoteAddr'
curl -s localhost:9999
