# images: alpine:latest
# nodes: 3
# a swarm of three real machines: init on node1 with its lab address, two workers join with the token, node ls/inspect from the manager and a worker, info's Swarm section on both, promote/demote, join tokens, leave (the scenario ends with every node out of the swarm)
docker swarm init --advertise-addr 10.99.0.11
docker swarm join-token worker
docker swarm join-token manager
@node2 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node3 docker swarm join --token $(@node1 docker swarm join-token -q worker) 10.99.0.11:2377
@node2 docker swarm init
sleep 2
docker node ls
docker node ls --format '{{.Hostname}} {{.Self}} {{.Status}} {{.Availability}} {{.ManagerStatus}}'
docker node ls --filter role=worker --format '{{.Hostname}}'
docker node inspect --pretty node2 | sed '/^Resources:/,$d'
docker node inspect node3 --format '{{.Spec.Role}} {{.Spec.Availability}} {{.Status.State}} {{.Status.Addr}} {{.Description.Hostname}} {{.ManagerStatus}}'
docker info 2>/dev/null | sed -n '/^ Swarm:/,/^ [A-Z]/p' | grep -v -e NodeID -e ClusterID -e '^ [A-Z]'
@node2 docker info 2>/dev/null | sed -n '/^ Swarm:/,/^ [A-Z]/p' | grep -v -e NodeID -e ClusterID -e '^ [A-Z]'
@node2 docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}} {{.Swarm.Managers}} {{len .Swarm.RemoteManagers}}'
@node2 docker node ls
@node2 docker node inspect self --format '{{.Description.Hostname}}'
@node2 docker service ls
docker node promote node2
sleep 5
docker node ls --format '{{.Hostname}} {{.ManagerStatus}}'
@node2 docker node ls --format '{{.Hostname}} {{.Self}} {{.ManagerStatus}}'
@node2 docker info --format '{{.Swarm.ControlAvailable}} {{.Swarm.Managers}} {{.Swarm.Nodes}}'
docker node promote node2
docker node demote node2
sleep 5
docker node ls --format '{{.Hostname}} {{.ManagerStatus}}'
docker node demote node2
@node2 docker node ls
docker swarm join-token --rotate worker
@node2 docker swarm leave
sleep 2
docker node ls --format '{{.Hostname}} {{.Status}}'
docker node rm node2
sleep 20
docker node ls --format '{{.Hostname}} {{.Status}} {{.Availability}}'
docker node inspect node2 --format '{{.Status.State}} {{.Status.Message}}'
docker node rm node2
docker node ls --format '{{.Hostname}} {{.Status}}'
@node3 docker swarm leave
docker swarm leave
docker swarm leave --force
@node2 docker info --format '{{.Swarm.LocalNodeState}}'
