# images: nginx:latest
# nodes: 3
# a swarm of three: init, join tokens, joins, node ls/inspect/update/promote/demote/ps/rm, a service across the nodes
docker swarm init --advertise-addr 192.168.0.11
docker swarm join-token worker
docker swarm join-token -q manager
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 192.168.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 192.168.0.11:2377
docker node ls
docker node inspect --pretty node2
docker node update --availability drain node3
docker node update --label-add zone=a node2
docker node promote node2
docker node demote node2
docker service create --name web --replicas 2 -d nginx
sleep 3
docker node ps node2
docker service ps web
docker node update --availability active node3
@node3 docker swarm leave
docker node rm --force node3
docker service rm web
@node2 docker swarm leave
docker swarm leave --force
