# images: alpine:latest nginx:latest
# restart policies: on-failure with a limit, always, unless-stopped, and what stop does to them
docker run -d --name flaky --restart on-failure:3 alpine sh -c 'echo attempt; exit 1'
sleep 8
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' flaky
docker ps -a --filter name=flaky --format '{{.Names}} {{.Status}}'
docker logs flaky
# on-failure does not restart a clean exit
docker run -d --name clean --restart on-failure alpine true
sleep 2
docker inspect -f '{{.RestartCount}} {{.State.Status}}' clean
# always restarts a clean exit too; docker stop ends it for good
docker run -d --name forever --restart always alpine sh -c 'sleep 1; exit 0'
sleep 4
docker inspect -f '{{if gt .RestartCount 0}}restarted{{else}}not restarted{{end}} {{.HostConfig.RestartPolicy.Name}}' forever
docker stop forever
docker inspect -f '{{.State.Status}} {{.State.Restarting}}' forever
sleep 3
docker ps -a --filter name=forever --format '{{.Names}} {{.State}}'
# a long-running server with a policy
docker run -d --name web --restart unless-stopped nginx
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web
docker update --restart no web
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web
docker update --restart always web
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' web
docker rm web
# invalid policies
docker run -d --restart on-failure:x alpine true
docker run -d --restart always:3 alpine true
docker run -d --restart never alpine true
docker run --rm --restart on-failure alpine true
