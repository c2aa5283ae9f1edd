# images: nginx:latest nginx:alpine alpine:latest
# swarm and services: init, nodes, services detached and waiting, scale, update, rollback, secrets
docker swarm init
docker node ls
docker info --format '{{.Swarm.LocalNodeState}}'
docker service create --name web -d --replicas 2 -p 8080:80 nginx
docker service create --name api --replicas 2 nginx:alpine
docker service ls
docker service ps web
docker service inspect web
docker service inspect --pretty web
docker service scale web=3
docker service update --image nginx:alpine web
docker service rollback web
docker service update -d --replicas 1 web
docker service logs api
printf s3cret | docker secret create db_pass -
docker secret ls
docker secret inspect db_pass
docker service create --name db -d --secret db_pass alpine sleep 1000
docker service rm web api db
docker secret rm db_pass
docker swarm leave --force
