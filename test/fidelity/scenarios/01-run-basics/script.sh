# images: alpine:latest ubuntu:latest busybox:latest
# docker run: the first commands of a beginner; a container runs its command and exits
docker run alpine echo hi
docker run busybox echo hello world
docker run alpine
docker run ubuntu
docker run ubuntu echo "ubuntu says hi"
docker run alpine sh -c 'exit 3'
echo "exit code was $(docker run alpine sh -c 'exit 42' ; echo $?)"
docker run alpine ls /nonexistent
docker run alpine false
# environment: -e, --env=, --env-file; HOSTNAME is the short container ID
docker run -e FOO=bar alpine env
docker run --env GREETING=hi --env=COUNT=3 alpine sh -c 'echo $GREETING $COUNT'
docker run --env-file app.env alpine sh -c 'echo "$GREETING $NAME [$EMPTY]"'
PASSTHRU=fromhost docker run -e PASSTHRU -e UNSET_VAR alpine sh -c 'echo "$PASSTHRU [${UNSET_VAR-unset}]"'
# working directory, user, entrypoint, hostname
docker run -w /tmp alpine pwd
docker run --workdir /newdir alpine pwd
docker run -u 1000:1000 alpine id
docker run -u nobody alpine whoami
docker run --user root alpine id -u
docker run --entrypoint echo alpine hello from entrypoint
docker run --entrypoint ls alpine /etc/hostname
docker run --hostname myhost alpine hostname
docker run -h box1 alpine cat /etc/hostname
# --name, --rm, -d
docker run --name first alpine echo named
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=first
docker run --rm alpine echo removed after
docker ps -aq --filter ancestor=alpine | wc -l
docker run -d --name sleeper alpine sleep 300
docker ps --format '{{.Names}} {{.Command}}'
docker run --rm -d --name gone alpine true
sleep 1
docker ps -a --filter name=gone --format '{{.Names}}'
docker ps -a --format 'table {{.Image}}\t{{.Command}}\t{{.Names}}' --filter name=first --filter name=sleeper
