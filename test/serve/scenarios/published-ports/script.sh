# images: nginx:latest httpd:latest alpine:latest
# published ports from the machine: dockersim serve forwards what the first node publishes to the machine's 127.0.0.1, so curl on the machine reaches the container as curl on a Docker host does (ports 18080-18083, which the test checks are free)
docker run -d --name web -p 18080:80 nginx
docker run -d --name apache -p 127.0.0.1:18081:80 httpd
sleep 1
curl -s localhost:18080 | grep -o '<title>.*</title>'
curl -s -o /dev/null -w '%{http_code}\n' http://localhost:18080/nothere
curl -sI localhost:18081 | head -1
curl -s localhost:18081
docker logs web 2>/dev/null | tail -2
docker rm -f web apache
sleep 1
curl -s localhost:18080
docker swarm init > /dev/null
docker service create -d --name svc --replicas 2 -p 18082:80 nginx
sleep 4
curl -s localhost:18082 | grep -o '<title>.*</title>'
docker service update -d --publish-rm 18082 --publish-add 18083:80 svc
sleep 4
curl -s localhost:18082
curl -s localhost:18083 | grep -o '<title>.*</title>'
docker swarm leave --force
