# images: nginx:1.17 nginx:latest alpine:latest
# a stack from both sides: deploy (detached), ls, services, ps, the converted service specs, a redeploy of one service waiting (the CLI's own progress: one service, as the CLI waits on several in Go map order), rm
docker stack deploy -c stack.yml shop
docker swarm init > /dev/null
docker stack deploy -c stack.yml shop
sleep 4
docker stack ls
docker stack services shop --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}} {{.Ports}}'
docker stack ps shop --format '{{.Name}} {{.Image}} {{.DesiredState}} {{.CurrentState}}' | sed 's/ [0-9].*ago$//; s/ Less than a second ago$//' | sort
docker service inspect shop_web --format '{{json .Spec.Labels}} {{.Spec.UpdateConfig.Parallelism}} {{.Spec.UpdateConfig.Delay}}'
docker network ls --filter label=com.docker.stack.namespace=shop --format '{{.Name}} {{.Driver}} {{.Scope}}' | sort
docker stack deploy --detach=false -c web.yml shop
docker stack services shop --format '{{.Name}} {{.Replicas}} {{.Image}}'
docker stack rm shop
sleep 2
docker stack ls
docker network ls --filter label=com.docker.stack.namespace=shop -q | wc -l
docker stack rm nothere
docker swarm leave --force
