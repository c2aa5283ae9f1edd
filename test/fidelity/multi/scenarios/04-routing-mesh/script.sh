# images: nginx:latest traefik/whoami:latest
# nodes: 3
# the routing mesh: a port published by a service of two replicas answers on every node's address, the one without a task too, and balances over both tasks; a host-mode port answers only where a task runs, from that task (the recording machine's kernel has no IPVS, so the mesh's answers are golden28 edits) (the scenario ends with every node out of the swarm)
docker swarm init --advertise-addr 10.99.0.11 > /dev/null
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
sleep 2
docker service create -d --name web --replicas 2 -p 8080:80 traefik/whoami
sleep 10
docker service ls
docker service inspect --format '{{json .Endpoint.Ports}}' web
docker service ps web --format '{{.Node}}' | sort -u | wc -l
curl -s --max-time 5 10.99.0.11:8080 | grep -c '^Hostname:'
curl -s --max-time 5 10.99.0.12:8080 | grep -c '^Hostname:'
curl -s --max-time 5 10.99.0.13:8080 | grep -c '^Hostname:'
@node3 curl -s --max-time 5 localhost:8080 | grep -c '^Hostname:'
for i in 1 2 3 4; do curl -s --max-time 5 10.99.0.13:8080 | grep '^Hostname:'; done | sort -u | wc -l
docker service create -d --name nginx --replicas 1 --constraint node.hostname==node2 -p 8090:80 nginx
sleep 10
curl -s --max-time 5 10.99.0.13:8090 | grep '<title>'
docker service create -d --name who --mode global --publish mode=host,published=8081,target=80 traefik/whoami
sleep 10
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Ports}}'
docker service ps who --format '{{.Node}} {{.CurrentState}} {{.Ports}}' | cut -d' ' -f1,2,5- | sort
@node2 docker ps --filter name=who --format '{{.Ports}}'
[ "$(curl -s --max-time 5 10.99.0.11:8081 | sed -n 1p)" = "Hostname: $(@node1 docker ps -q --filter name=who)" ] && echo node1 answered itself
[ "$(curl -s --max-time 5 10.99.0.12:8081 | sed -n 1p)" = "Hostname: $(@node2 docker ps -q --filter name=who)" ] && echo node2 answered itself
[ "$(curl -s --max-time 5 10.99.0.13:8081 | sed -n 1p)" = "Hostname: $(@node3 docker ps -q --filter name=who)" ] && echo node3 answered itself
@node2 curl -s --max-time 5 10.99.0.13:8081 | grep -E '^(GET|Host:)'
docker service create -d --name one --replicas 1 --constraint node.hostname==node2 --publish mode=host,published=8082,target=80 traefik/whoami
sleep 10
curl -s --max-time 5 10.99.0.12:8082 | grep -c '^Hostname:'
curl -s --max-time 5 10.99.0.13:8082; echo "curl exit $?"
docker service create -d --name two --replicas 1 --constraint node.hostname==node2 --publish mode=host,published=8082,target=80 traefik/whoami
sleep 5
docker service ps --no-trunc two --format '{{.DesiredState}} {{.CurrentState}} {{.Error}}' | cut -d' ' -f1,2,5-
docker service rm web nginx who one two
@node2 docker swarm leave
@node3 docker swarm leave
docker swarm leave --force
