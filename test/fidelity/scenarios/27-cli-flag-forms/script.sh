# images: alpine:latest
# how the docker CLI parses flags: --flag=value, -fvalue, combined short flags, booleans, --, global flags
# flag forms: --flag=value, --flag value, -fvalue, combined short flags, repeated flags, booleans
docker run --name=eq alpine echo equals
docker run --name spaced alpine echo spaced
docker run --name envs -eA=1 --env=B=2 -e C=3 alpine sh -c 'echo $A$B$C'
docker run --rm -ie X=1 alpine sh -c 'echo $X'
docker run --rm=false --name kept alpine echo rm is false
docker ps --all=true --format '{{.Names}}'
docker ps -a=false
docker run --rm -dt --name combo alpine
docker inspect -f '{{.Config.Tty}} {{.Config.OpenStdin}} {{.HostConfig.AutoRemove}}' combo
docker rm -f combo
docker ps -aq --no-trunc | head -1 | wc -c
docker ps -qa | wc -l
# everything after the image is the container's command, flags included
docker run --rm alpine ls -d /etc
docker run --rm alpine echo --name not-a-flag -e X=1
docker run --rm -- alpine echo after double dash
docker run --rm alpine -- echo hi
docker container run --rm alpine echo long form
docker container ps --format '{{.Names}}' --filter name=eq --all
# global flags go before the command
docker --debug ps --format '{{.Names}}' --filter name=eq -a
docker ps --debug
docker -l bogus ps
docker --log-level=error ps -a --format '{{.Names}}' --filter name=spaced
