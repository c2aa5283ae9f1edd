# images: nginx:1.17 nginx:latest alpine:latest
# the services scenario of the fidelity fixtures (36) takes three minutes of real time; this one takes the same API paths in twenty seconds: create, update (waiting: the CLI's own progress), rollback (waiting), update --rollback, a failing update rolled back on its own, scale, rm
docker swarm init > /dev/null
docker service create -d --name web --replicas 2 nginx:1.17
sleep 3
docker service inspect --format '{{json .UpdateStatus}}' web
docker service update --image nginx:latest web
docker service ps web --format '{{.Name}} {{.Image}} {{.DesiredState}}'
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}' web
docker service rollback web | grep -v '^overall progress: rolling back update'
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service ps --filter desired-state=running --format '{{.Image}}' web | sort | uniq -c
docker service update -d --rollback web
sleep 3
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service update -d --env-add MODE=blue --publish-add 8080:80 web
sleep 3
docker service ls --format '{{.Name}} {{.Replicas}} {{.Ports}}'
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Env}}' web
docker service scale web=3
docker service ls --format '{{.Name}} {{.Replicas}}'
docker service update --update-failure-action rollback --update-monitor 2s --image alpine:latest --args 'sh -c "sleep 1; exit 1"' web | grep -v '^overall progress: rolling back update'
docker service inspect --format '{{.UpdateStatus.State}}' web
docker service update --rollback --image nginx:1.17 web
docker service rm web
docker service ls -q | wc -l
docker swarm leave --force
