# images: alpine:latest
# docker build: a context folder, its Dockerfile, the image it makes, and how it runs
docker build -q -t hello ./app
docker images --format '{{.Repository}}:{{.Tag}}' hello
docker run --rm hello
docker run --rm hello sh -c 'pwd; echo $GREETING; cat built.txt'
docker run --rm hello find /app /data -type f | sort
docker run --rm hello stat -c '%u:%g %n' /data/owned.txt /app/hello.txt
docker image inspect -f '{{json .Config.Cmd}} {{.Config.WorkingDir}} {{json .Config.Labels}}' hello
docker image inspect -f '{{json .Config.Env}}' hello
docker image inspect -f '{{len .RootFS.Layers}}' hello
docker history hello
docker history --no-trunc --format '{{.CreatedBy}}|{{.Comment}}' hello
# -f names another Dockerfile (relative to where the command runs); -t twice tags one image twice
cd app && docker build -q -f other.Dockerfile -t other:1.0 -t other:latest .
docker images --format '{{.Repository}}:{{.Tag}}' other | sort
[ "$(docker images -q other:1.0)" = "$(docker images -q other:latest)" ] && echo same image
docker run --rm other
docker run --rm other /etc/alpine-release /srv/hello.txt
docker run --rm --entrypoint ls other /srv
docker image inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' other
docker history --format '{{.CreatedBy}}|{{.Comment}}' other
docker images --format '{{.Repository}}:{{.Tag}}' | sort
