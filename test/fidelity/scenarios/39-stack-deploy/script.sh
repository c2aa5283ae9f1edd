# images: nginx:1.17 nginx:1.18 traefik/whoami:latest redis:7 alpine:latest
# stacks on a one-node swarm: a three-service stack (two overlay networks, a published port, update_config, a placement constraint, limits, an x- extension with an anchor and a merge key, ${VAR:-default}); ls/services/ps; the specs docker/cli converts it to (names, stack labels, network aliases, the UpdateConfig defaults); no .env is read; a redeploy with one image changed (WEB_TAG=1.18) replaces only web's tasks, one at a time; --prune; -c -; --detach=false with the progress display; rm
docker swarm init > /dev/null
docker stack deploy -c stack.yml app
docker stack ls
docker stack services app --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}} {{.Ports}}'
sleep 8
docker stack services app
docker stack ps app --format '{{.Name}} {{.Image}} {{.Node}} {{.DesiredState}} {{.CurrentState}}'
docker stack ps app --filter desired-state=running -q | wc -l
docker service inspect --format '{{json .Spec.Labels}}' app_web
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Labels}}' app_web
docker service inspect --format '{{json .Spec.UpdateConfig}} {{json .Spec.TaskTemplate.RestartPolicy}}' app_web
docker service inspect --format '{{json .Spec.EndpointSpec}} {{json .Endpoint.Ports}}' app_web
docker service inspect --format '{{len .Spec.TaskTemplate.Networks}} {{range .Spec.TaskTemplate.Networks}}{{json .Aliases}} {{end}}' app_api
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Env}}' app_api
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Args}} {{json .Spec.TaskTemplate.Placement.Constraints}} {{json .Spec.TaskTemplate.Resources}}' app_redis
docker service inspect --format '{{json .Spec.Mode}} {{json .Spec.UpdateConfig}} {{json .Spec.RollbackConfig}}' app_api
docker network ls --filter label=com.docker.stack.namespace=app --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network inspect --format '{{json .Labels}} {{.Attachable}}' app_front
docker secret ls --format '{{.Name}} {{.Labels}}'
docker config ls --format '{{.Name}} {{.Labels}}'
docker service inspect --format '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}} {{json .File}}{{end}} {{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}} {{json .File}}{{end}}' app_redis
docker exec "$(docker ps -q -f name=app_redis)" sh -c 'cat /run/secrets/db_password /etc/redis/extra.conf; ls -l /etc/redis/extra.conf | cut -c1-10'
docker ps --format '{{.Names}}' | sed 's/\.[a-z0-9]*$//' | sort
WEB_TAG=1.18 docker stack deploy -c stack.yml app
sleep 30
docker stack ps app --format '{{.Name}} {{.Image}} {{.DesiredState}}' | sort
docker stack ps app
docker service inspect --format '{{.Spec.Labels}} {{if .UpdateStatus}}{{.UpdateStatus.State}}{{else}}none{{end}}' app_web app_api app_redis
docker stack services app
WEB_TAG=1.18 docker stack deploy --prune -c stack-pruned.yml app
docker stack services app --format '{{.Name}} {{.Image}}'
cat one.yml | docker stack deploy -c - --detach=false other
docker stack ls
docker stack rm app other
sleep 5
docker stack ls
docker network ls --filter label=com.docker.stack.namespace --format '{{.Name}}'
docker swarm leave --force > /dev/null
