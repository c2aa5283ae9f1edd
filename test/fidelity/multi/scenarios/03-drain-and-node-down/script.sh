# images: nginx:1.17
# nodes: 3
# a node drained and a node that dies: drain moves node2's tasks (counts per node), they stay where they went when node2 is active again; node3's machine stops, goes Down after the heartbeat timeout and its tasks are rescheduled; node3 boots again (the scenario ends with every node out of the swarm)
docker swarm init --advertise-addr 10.99.0.11 > /dev/null
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
sleep 2
docker service create -d --name web --replicas 6 nginx:1.17
sleep 10
docker service ps web --format '{{.Node}} {{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f1-3 | sort | uniq -c
docker node update --availability drain node2
sleep 10
docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'
docker node inspect --pretty node2 | grep Availability
docker service ps web --format '{{.Node}} {{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f1-3 | sort | uniq -c
@node2 docker ps -q | wc -l
@node2 docker ps -a --format '{{.Status}}' | cut -d' ' -f1,2 | sort | uniq -c
docker service ls --format '{{.Name}} {{.Replicas}}'
docker node update --availability active node2
sleep 5
docker service ps web --filter desired-state=running --format '{{.Node}}' | sort | uniq -c
docker node ps node2 --format '{{.Name}} {{.DesiredState}}' | sed 's/web\.[0-9]*/web.N/' | sort | uniq -c
lab stop node3
sleep 5
docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'
sleep 30
docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'
docker node inspect node3 --format '{{.Status.State}} {{.Status.Message}}'
docker service ps web --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' | cut -d' ' -f1,2 | sort | uniq -c
docker service ps web --filter node=node3 --format '{{.Name}} {{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f2,3 | sort | uniq -c
docker service ps web --format '{{.Name}}' | sort | uniq -c | awk '{print $1}' | sort | uniq -c
docker service ls --format '{{.Name}} {{.Replicas}}'
lab start node3
sleep 20
docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'
docker service ps web --filter node=node3 --format '{{.DesiredState}} {{.CurrentState}}' | cut -d' ' -f1,2 | sort | uniq -c
@node3 docker ps -a --format '{{.Status}}' | cut -d' ' -f1 | sort | uniq -c
@node3 docker info --format '{{.Swarm.LocalNodeState}}'
docker service ps web --filter desired-state=running --format '{{.Node}}' | sort | uniq -c
docker service scale -d web=9
sleep 10
docker service ps web --filter desired-state=running --format '{{.Node}}' | sort | uniq -c
docker service rm web
@node2 docker swarm leave
@node3 docker swarm leave
docker swarm leave --force
