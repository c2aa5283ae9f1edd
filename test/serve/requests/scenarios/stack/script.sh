# images: nginx:latest alpine:latest
# a stack: deploy, ls, services, ps, rm
docker swarm init > /dev/null
docker stack deploy -c stack.yml shop
sleep 3
docker stack ls
docker stack services shop
docker stack ps shop
docker stack rm shop
docker swarm leave --force
