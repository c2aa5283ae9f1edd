# images: nginx:latest alpine:latest
# services on a one-node swarm: create (detached and with progress), ls/ps/inspect and their flags, scale (several at once, a global service), create errors, an unschedulable constraint, failing tasks and their restart history, node ps, the task containers, rm (the scenario ends with the swarm left)
docker swarm init > /dev/null
docker service create -d --name web --replicas 3 nginx
docker service create --name api --replicas 2 nginx
docker service ls
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}} {{.Ports}}'
docker service ls -q | wc -l
docker service ls --filter name=we
docker service ls --filter name=nothere -q
docker service ps web
docker service ps --no-trunc web
docker service ps -q web | wc -l
docker service ps --filter desired-state=running --format '{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}} {{.CurrentState}} {{.Error}}' web
docker service ps --format '{{.Name}}' web api
docker service inspect web --format '{{.Spec.Mode.Replicated.Replicas}}'
docker service inspect web --format '{{.Spec.Name}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.TaskTemplate.RestartPolicy.Condition}} {{.Spec.EndpointSpec.Mode}}'
docker service inspect --pretty web
docker ps --format '{{.Names}}' | sort
docker service scale web=5
docker service ps web --format '{{.Name}} {{.DesiredState}}'
docker service scale web=4
docker service scale -d web=2
sleep 2
docker service ps web --format '{{.Name}} {{.DesiredState}} {{.CurrentState}}'
docker service scale -d web=3 api=1
sleep 2
docker service ls --format '{{.Name}} {{.Replicas}}'
docker service create -d --name mon --mode global alpine sleep 1000
docker service scale mon=2
sleep 2
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}}'
docker service create -d --name web nginx
docker service create --replicas abc nginx
docker service create --replicas -1 nginx
docker service create --mode foo nginx
docker service create
docker service create -d --name stuck --constraint node.role==nope nginx
sleep 2
docker service ps stuck
docker service ps --no-trunc --format '{{.Error}}' stuck
docker service ls --filter name=stuck --format '{{.Name}} {{.Replicas}}'
docker service create -d --name fail --restart-condition none alpine sh -c 'exit 3'
docker service create -d --name retry --restart-max-attempts 2 --restart-delay 1s alpine sh -c 'exit 3'
sleep 8
docker service ps fail
docker service ps retry
docker service ps --filter desired-state=shutdown -q retry | wc -l
docker node ps self --format '{{.Name}} {{.DesiredState}}'
docker service rm web
docker service rm nothere
docker service rm api mon nothere
docker service ls --format '{{.Name}}'
docker swarm leave --force
