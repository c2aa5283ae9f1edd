# images: alpine:latest busybox:latest
# Multi-stage builds (COPY --from, --target), ARG and --build-arg, .dockerignore
docker build -q -t multi ./multi
docker run --rm multi
docker run --rm multi ls /app
docker run --rm multi ls /src
docker run --rm multi cat /test.txt
docker image inspect -f '{{len .RootFS.Layers}}' multi
docker history --format '{{.CreatedBy}}|{{.Comment}}' multi
docker build -q --target build -t multi:build ./multi
docker run --rm multi:build sh -c 'pwd; ls'
docker images --filter dangling=true -q | wc -l
docker images --format '{{.Repository}}:{{.Tag}}' multi | sort
# ARG: defaults, --build-arg, ${VAR:-default}, an ARG before FROM, ARG is not kept at run time
docker build -q -t args1 ./args
docker run --rm args1
docker build -q -t args2 --build-arg VERSION=2.0 --build-arg GREETING=hi ./args
docker run --rm args2
docker run --rm args2 sh -c 'echo "APP_VERSION=$APP_VERSION VERSION=$VERSION GREETING=$GREETING"'
docker image inspect -f '{{json .Config.Env}}' args2
docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' args1
docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' args2
docker build -q -t args3 --build-arg BASE=busybox ./args
docker run --rm args3
docker history --format '{{.CreatedBy}}' args3 | tail -1
# .dockerignore: ignored files never reach the builder; ! makes an exception
docker build -q -t ign ./ignore
docker run --rm ign find /ctx -type f | sort
