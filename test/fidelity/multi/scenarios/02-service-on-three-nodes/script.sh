# images: nginx:1.17 nginx:1.18 nginx:latest
# nodes: 3
# the course notes' service commands on a swarm of three: create with a published port (waiting), tasks spread one per node, scale to 10 (per-node counts), a rolling update of the image (waiting), an update two at a time with a delay, the history of one slot, inspect --pretty (the scenario ends with every node out of the swarm)
docker swarm init --advertise-addr 10.99.0.11 > /dev/null
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
sleep 2
docker service create --name web --replicas 3 -p 8080:80 nginx:1.17
docker service ls
docker service ps web --format '{{.Name}} {{.Image}} {{.DesiredState}} {{.CurrentState}}' | sort
docker service ps web --format '{{.Node}}' | sort | uniq -c
@node2 docker ps --format '{{.Image}} {{.Status}} {{.Ports}}'
docker service scale web=10
docker service ls
docker service ps web --format '{{.Node}}' | sort | uniq -c | awk '{print $1}' | sort
@node3 docker ps --format '{{.Image}}' | sort -u
docker service update --image nginx:1.18 web
docker service ps web --filter desired-state=running --format '{{.Image}} {{.CurrentState}}' | cut -d' ' -f1,2 | sort | uniq -c
docker service ps web --filter desired-state=shutdown --format '{{.Image}} {{.CurrentState}}' | cut -d' ' -f1,2 | sort | uniq -c
docker service ps web --filter desired-state=running --format '{{.Node}}' | sort | uniq -c | awk '{print $1}' | sort
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service update --image nginx:latest --update-parallelism 2 --update-delay 10s web
# the CLI is done once every task runs and the 5 s monitor passed; the updater still waits the 10 s delay after the last batch
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service ps web --filter desired-state=running --format '{{.Image}}' | sort | uniq -c
docker service ps web --format '{{.Name}} {{.Image}} {{.DesiredState}}' | grep -c 'web\.1 '
docker service ps web --filter name=web.1 --format '{{.Name}} {{.Image}} {{.DesiredState}} {{.Error}}'
docker service ps web --filter name=web.1 --format 'table {{.Name}}\t{{.Image}}\t{{.DesiredState}}'
sleep 20
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service inspect --pretty web
docker service rm web
sleep 15
@node2 docker ps -aq | wc -l
@node2 docker swarm leave
@node3 docker swarm leave
docker swarm leave --force
