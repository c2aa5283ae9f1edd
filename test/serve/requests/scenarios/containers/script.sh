# images: nginx:latest busybox:latest
# the container commands the course teaches, each after the state it needs
docker pull alpine
docker images
docker image inspect nginx
docker history nginx
docker tag nginx mynginx:1
docker version
docker info
docker run -d --name web -p 8080:80 nginx
docker run --rm alpine echo hi
docker run hello-world
docker run --name once busybox echo hello
docker ps
docker ps -a
docker ps -q --filter status=exited
docker inspect web
docker inspect --format '{{.State.Status}}' web
docker logs web
docker logs --tail 5 web
docker exec web ls /
docker exec -e GREETING=hi web env
docker port web
docker top web
docker stop web
docker start web
docker restart web
docker create --name later alpine echo later
docker rename later later2
docker start -a later2
docker kill web
docker start web
docker rm once
docker rm -f web
docker run -d --name old busybox true
docker container prune -f
docker rm -f nothere
docker stop nothere
docker network create appnet
docker network ls
docker run -d --name db --network appnet -e POSTGRES_PASSWORD=x alpine sleep 1000
docker network connect bridge db
docker network inspect appnet
docker network disconnect bridge db
docker volume create data
docker volume ls
docker volume inspect data
docker run --rm -v data:/data alpine ls /data
docker rm -f db
docker network rm appnet
docker volume rm data
docker rmi alpine
docker image prune -f
docker volume prune -f
docker network prune -f
docker system df
