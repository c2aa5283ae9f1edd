# images: alpine:latest
# a one-node swarm: init, the Swarm part of info, join tokens, node ls/inspect/update/promote/demote/rm, swarm update, leave (the scenario ends with the swarm left)
docker swarm init
docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}} {{.Swarm.Managers}} {{len .Swarm.RemoteManagers}}'
docker info --format '{{.Swarm.Cluster.Spec.Name}} {{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}} {{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}} {{.Swarm.Cluster.Spec.Raft.ElectionTick}} {{.Swarm.Cluster.Spec.CAConfig.NodeCertExpiry}} {{.Swarm.Cluster.SubnetSize}} {{.Swarm.Cluster.DataPathPort}}'
docker info --format '{{.Swarm.NodeID}}' | grep -c .
docker info 2>/dev/null | sed -n '/^ Swarm:/,/^  Node Address/p' | grep -v -e NodeID -e ClusterID
docker swarm join-token worker
docker swarm join-token manager
docker swarm join-token -q worker
docker swarm join-token --rotate worker
docker swarm join-token --rotate -q manager
docker swarm join-token foo
docker node ls
docker node ls -q
docker node ls --format '{{.Hostname}} {{.Self}} {{.Status}} {{.Availability}} {{.ManagerStatus}} {{.TLSStatus}}'
docker node ls --format 'table {{.Hostname}}\t{{.Status}}'
docker node ls --filter role=manager --format '{{.Hostname}}'
docker node ls --filter role=worker
docker node ls --filter role=bogus
docker node ls --filter foo=bar
docker node ls --filter name=nothere -q
docker node inspect self --format '{{.Spec.Role}} {{.Spec.Availability}} {{.Status.State}} {{.ManagerStatus.Leader}} {{.ManagerStatus.Reachability}} {{.Description.Platform.OS}}'
docker node inspect self --format '{{json .Spec}}'
docker node inspect --pretty self | sed '/^Resources:/,$d'
docker node inspect --format '{{.ID}}' self nothere
docker node update --availability drain self
docker node update --availability drain $(hostname)
docker node ls --format '{{.Hostname}} {{.Availability}}'
docker node update --availability pause $(hostname)
docker node inspect --pretty self | grep Availability
docker node update --availability active $(hostname)
docker node update --availability bogus $(hostname)
docker node update --label-add zone=east --label-add ssd $(hostname)
docker node inspect self --format '{{json .Spec.Labels}}'
docker node inspect --pretty self | sed -n '/^Labels:/,/^Hostname/p'
docker node ls --filter node.label=zone=east --format '{{.Hostname}}'
docker node ls --filter node.label=zone=west --format '{{.Hostname}}'
docker node update --label-rm ssd $(hostname)
docker node update --label-rm nope $(hostname)
docker node update --role worker $(hostname)
docker node demote $(hostname)
docker node promote $(hostname)
docker node rm $(hostname)
docker node rm --force $(hostname)
docker node inspect nothere
docker node rm nothere
docker swarm update --task-history-limit 10
docker info --format '{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}}'
docker swarm update --dispatcher-heartbeat 10s
docker info --format '{{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}}'
docker swarm update --cert-expiry 30m
docker swarm update --cert-expiry 48h
docker info 2>/dev/null | grep -A1 'CA Configuration'
docker swarm unlock-key
docker swarm leave
docker swarm init
docker swarm leave --force
docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'
docker swarm init --availability drain --task-history-limit 2
docker node ls --format '{{.Availability}} {{.ManagerStatus}}'
docker info --format '{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}}'
docker swarm leave --force
