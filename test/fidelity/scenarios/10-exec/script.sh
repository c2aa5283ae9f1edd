# images: alpine:latest nginx:latest
# docker exec: run another process in a running container
docker run -d --name web nginx
docker run -d --name box alpine sleep 300
sleep 1
docker exec web ls /usr/share/nginx/html
docker exec web ls /docker-entrypoint.d
docker exec web cat /etc/hostname | wc -c
docker exec web sh -c 'echo $NGINX_VERSION'
docker exec box pwd
docker exec -w /etc box pwd
docker exec --workdir /tmp box sh -c 'pwd; ls'
docker exec -e GREETING=hi box sh -c 'echo $GREETING'
docker exec --env A=1 --env B=2 box sh -c 'echo $A$B'
docker exec -u nobody box whoami
docker exec --user 1000:1000 box id
docker exec box sh -c 'exit 4'
docker exec box false
# a file written by exec is there for the next exec
docker exec box sh -c 'echo saved > /tmp/note'
docker exec box cat /tmp/note
docker exec box ls /nonexistent
# missing binaries and non-executables
docker exec box foo
docker exec box /etc
docker exec box /etc/hostname
docker exec web bash
# -it without a terminal, -i with piped input, -d
docker exec -it box sh
echo 'echo from stdin' | docker exec -i box sh
docker exec -d box sh -c 'sleep 1; echo bg > /tmp/bg'
sleep 2
docker exec box cat /tmp/bg
docker exec -u nosuchuser box id
# stopped, paused and missing containers
docker run --name stopped alpine true
docker exec stopped ls
docker pause box
docker exec box ls
docker unpause box
docker exec nothere ls
docker exec box
docker exec
