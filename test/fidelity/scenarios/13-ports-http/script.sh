# images: nginx:latest httpd:latest traefik/whoami:latest alpine:latest
# publishing ports and reaching the containers over HTTP from the host
docker run -d --name web -p 8080:80 nginx
sleep 1
curl -s localhost:8080
curl -s -o /dev/null -w '%{http_code}\n' http://localhost:8080/
docker logs web 2>/dev/null | tail -1
curl -sI localhost:8080 | head -1
docker port web
docker port web 80
docker port web 80/tcp
docker port web 443
docker ps --format '{{.Names}} {{.Ports}}'
# -P publishes every exposed port on a random host port
docker run -d --name rnd -P nginx
docker port rnd | sed -E 's/:[0-9]+$/:<port>/'
docker ps --filter name=rnd --format '{{.Ports}}' | sed -E 's/:[0-9]+->/:<port>->/g'
# bind to one address, pick the protocol, publish a range
docker run -d --name local -p 127.0.0.1:8081:80 nginx
docker port local
docker run -d --name udp -p 5353:53/udp alpine sleep 300
docker port udp
docker run -d --name range -p 9000-9001:9000-9001 alpine sleep 300
docker port range
docker ps --filter name=range --format '{{.Ports}}'
# the same host port twice
docker run -d --name web2 -p 8080:80 nginx
docker ps -a --filter name=web2 --format '{{.Names}} {{.Status}}'
docker start web2
# other HTTP images
docker run -d --name apache -p 8082:80 httpd
sleep 1
curl -s localhost:8082
docker run -d --name who -p 8083:80 traefik/whoami
sleep 1
curl -s localhost:8083 | grep -E '^(Hostname|GET|Host|User-Agent)'
# nothing listens on an unpublished port
curl -s localhost:8090
docker run -d --name hidden nginx
docker port hidden
docker port nothere
