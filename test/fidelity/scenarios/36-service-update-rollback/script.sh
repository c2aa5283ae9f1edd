# images: nginx:1.17 nginx:latest alpine:latest
# rolling updates and rollback on a one-node swarm: update --image (waiting), UpdateStatus (json, --pretty), PreviousSpec, parallelism and delay seen through service ps, service rollback and update --rollback (history rows), --force, env, replicas, published ports, an update that fails (automatic rollback, pause), start-first, and the refusals
docker swarm init > /dev/null
docker service create -d --name web --replicas 4 nginx:1.17
sleep 3
# UpdateStatus is a nil pointer in the CLI's swarm.Service before any update: null
docker service inspect --format '{{json .UpdateStatus}}' web
docker service rollback web
docker service update --rollback web
docker service update --image nginx:latest web
docker service ps web --format '{{.Name}} {{.Image}} {{.DesiredState}} {{.CurrentState}}'
docker service ps web
docker service ps --filter desired-state=running --format '{{.Name}} {{.Image}}' web
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service inspect --format '{{json .UpdateStatus}}' web
docker service inspect --pretty web | grep -A4 '^UpdateStatus'
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}' web
# two tasks at a time, 10 s apart: one batch replaced after 6 s, both after 22 s, completed after 45 s
docker service update -d --update-parallelism 2 --update-delay 10s --image nginx:1.17 web
sleep 6
docker service ps --filter desired-state=running --format '{{.Image}}' web | sort | uniq -c
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
sleep 16
docker service ps --filter desired-state=running --format '{{.Image}}' web | sort | uniq -c
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
sleep 23
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service inspect --format '{{.Spec.UpdateConfig.Parallelism}} {{.Spec.UpdateConfig.FailureAction}} {{.Spec.UpdateConfig.Order}} {{.Spec.UpdateConfig.MaxFailureRatio}}' web
# durations are Go time.Durations: printed by their String() (`10s`), marshalled as nanoseconds
docker service inspect --format '{{.Spec.UpdateConfig.Delay}} {{.Spec.UpdateConfig.Monitor}} {{.Spec.RollbackConfig.Delay}}' web
docker service inspect --format '{{json .Spec.UpdateConfig.Delay}} {{printf "%d" .Spec.UpdateConfig.Delay}} {{if gt .Spec.UpdateConfig.Delay 1000}}long{{end}}' web
docker inspect --format '{{.Spec.UpdateConfig.Delay}} {{.Spec.TaskTemplate.RestartPolicy.Delay}}' web
docker service inspect --pretty web | sed -n '/^UpdateConfig:/,/^RollbackConfig:/p'
# the rollback's progress lines ("overall progress: rolling back update: K out of N tasks") depend on timing
docker service rollback web | grep -v '^overall progress: rolling back update'
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service ps --filter desired-state=running --format '{{.Image}}' web | sort | uniq -c
docker service update -d --rollback web
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
sleep 25
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' web
docker service ps --filter desired-state=running --format '{{.Image}}' web | sort | uniq -c
docker service ps --format '{{.Name}}|{{.DesiredState}}' web | sort | uniq -c
docker service update --rollback --image nginx:latest web
docker service update -d --replicas 2 web
sleep 3
docker service ls --format '{{.Name}} {{.Replicas}} {{.Image}} {{.Ports}}'
docker service update -d --force web
sleep 15
docker service ps -q web | wc -l
docker service update -d --env-add GREETING=hi --env-add COLOR=blue web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Env}}' web
docker service update -d --env-rm COLOR web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Env}}' web
sleep 12
docker service update -d --publish-add 8080:80 web
docker service ls --format '{{.Name}} {{.Replicas}} {{.Image}} {{.Ports}}'
docker service inspect --format '{{json .Spec.EndpointSpec.Ports}}' web
docker service update -d --publish-rm 80 web
docker service ls --format '{{.Name}} {{.Replicas}} {{.Image}} {{.Ports}}'
# an update whose tasks exit 1 a second after they start, within the monitoring period (sleep ignores
# SIGTERM: a 1 s grace period keeps each stop short)
docker service create -d --name bad --replicas 2 --stop-grace-period 1s alpine sleep 1000
sleep 3
docker service update --update-failure-action rollback --update-monitor 10s --args "sh -c 'sleep 1; exit 1'" bad | grep -v '^overall progress: rolling back update'
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' bad
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Args}}' bad
# an automatic rollback clears PreviousSpec (swarmkit updater.go rollbackUpdate); the CLI runs the template on
# its swarm.Service struct: a nil pointer
docker service inspect --format '{{.PreviousSpec.TaskTemplate.ContainerSpec.Args}}' bad
docker service inspect --format '{{if .PreviousSpec}}previous spec{{else}}no previous spec{{end}}' bad
docker service update -d --update-failure-action pause --update-monitor 10s --args "sh -c 'sleep 1; exit 1'" bad
sleep 15
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}}' bad
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Args}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Args}}' bad
docker service rollback -d bad
sleep 15
docker service inspect --format '{{.UpdateStatus.State}} {{.UpdateStatus.Message}} {{.Spec.TaskTemplate.ContainerSpec.Args}}' bad
docker service update -d --update-order start-first --args 'sleep 999' bad
sleep 12
docker service inspect --format '{{.Spec.UpdateConfig.Order}} {{.UpdateStatus.State}} {{.Spec.TaskTemplate.ContainerSpec.Args}}' bad
docker service ps --filter desired-state=running --format '{{.Name}}' bad
# refusals
docker service create -d --name mon --mode global alpine sleep 1000
docker service update --replicas 2 mon
docker service update --name other web
docker service update --mode global web
docker service update --update-parallelism abc web
docker service update --update-delay soon web
docker service update --replicas -2 web
docker service update --update-failure-action explode web
docker service update --update-order sideways web
docker service update --image nginx:latest nothere
docker service update
docker service rollback nothere
docker service rm web bad mon
docker swarm leave --force
