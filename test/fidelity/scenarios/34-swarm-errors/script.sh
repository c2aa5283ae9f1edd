# images: alpine:latest
# swarm and node commands on a node in no swarm, bad tokens and addresses, init twice
docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeID}}'
docker swarm leave
docker swarm leave --force
docker swarm join-token worker
docker swarm join-token -q manager
docker swarm update --task-history-limit 3
docker swarm unlock-key
docker node ls
docker node inspect self
docker node inspect nothere
docker node update --availability drain nothere
docker node promote nothere
docker node rm nothere
docker swarm join --token SWMTKN-1-bad 192.0.2.99:2377
docker swarm join --token SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl 192.0.2.99:2377
docker swarm join --token nope 192.0.2.99:2377
docker swarm init --advertise-addr 0.0.0.0
docker swarm init --advertise-addr nosuchif
docker swarm init --listen-addr nosuchif:2377
docker swarm init --availability bogus
docker swarm join --availability bogus --token x 192.0.2.99:2377
docker swarm join-token
docker swarm join
docker info --format '{{.Swarm.LocalNodeState}}'
docker swarm init --listen-addr 0.0.0.0:2377 > /dev/null
docker swarm init
docker swarm init --advertise-addr 127.0.0.1
docker swarm join --token SWMTKN-1-bad 192.0.2.99:2377
docker swarm join-token worker | grep -c SWMTKN
docker swarm leave
docker swarm leave --force
docker swarm leave --force
docker node ls
