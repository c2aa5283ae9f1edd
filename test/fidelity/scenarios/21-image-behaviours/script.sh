# images: nginx:latest nginx:1.17 redis:latest postgres:16 httpd:latest python:3.12-slim node:20-alpine ubuntu:latest
# what the popular images do when run the way a beginner runs them
# redis: a server that keeps running; redis-cli through exec
docker run -d --name cache redis
sleep 1
docker logs cache | grep -c 'Ready to accept connections'
docker exec cache redis-cli ping
docker exec cache redis-cli set greeting hello
docker exec cache redis-cli get greeting
docker exec cache redis-cli get missing
docker exec cache redis-cli incr visits
docker exec cache redis-cli incr visits
docker exec cache redis-cli --version
docker run --rm --network container:cache redis redis-cli ping
docker ps --format '{{.Names}} {{.Command}} {{.Ports}}'
# postgres refuses to start without a password
docker run --name db postgres:16
docker ps -a --filter name=db --format '{{.Status}}'
docker logs db 2>&1 | head -3
docker run -d --name db2 -e POSTGRES_PASSWORD=secret postgres:16
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}' db2
docker inspect -f '{{index .Config.Env 0}}' db2
# nginx versions: 1.17 has no entrypoint script, so its log starts with the first request
docker run --rm nginx:1.17 nginx -v
docker run --rm nginx nginx -v 2>&1 >/dev/null
docker run --rm nginx nginx -v 2>/dev/null | head -2
docker run -d --name old -p 8081:80 nginx:1.17
sleep 1
docker logs old
curl -s localhost:8081 | grep -o '<title>.*</title>'
sleep 1
docker logs old
docker inspect -f '{{.Config.Entrypoint}} {{.Config.Cmd}} {{.Config.StopSignal}}' old
# httpd
docker run -d --name apache -p 8082:80 httpd
sleep 1
curl -s localhost:8082
docker exec apache httpd -v | head -1
docker run --rm httpd pwd
# language runtimes answer --version and run one-liners
docker run --rm python:3.12-slim python --version
docker run --rm python:3.12-slim python3 -c "print('hello from python')"
docker run --rm python:3.12-slim
docker run --rm node:20-alpine node --version
docker run --rm node:20-alpine node -e "console.log('hello from node')"
docker run --rm node:20-alpine
docker run --rm ubuntu:latest bash -c 'echo $HOME'
