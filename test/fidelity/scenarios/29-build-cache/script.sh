# images: alpine:latest
# The build cache: the same build twice gives the same image; a changed file rebuilds from
# its COPY on; --no-cache rebuilds everything. The context is copied to /tmp to be changed.
rm -rf /tmp/dockyard-cache && cp -r ctx /tmp/dockyard-cache
docker build -q -t cacheapp /tmp/dockyard-cache
docker tag cacheapp cacheapp:v1
docker build -q -t cacheapp /tmp/dockyard-cache
[ "$(docker images -q cacheapp:latest)" = "$(docker images -q cacheapp:v1)" ] && echo same image
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker image inspect -f '{{len .RootFS.Layers}}' cacheapp
echo 'app v2' > /tmp/dockyard-cache/app.txt
docker build -q -t cacheapp /tmp/dockyard-cache
[ "$(docker images -q cacheapp:latest)" != "$(docker images -q cacheapp:v1)" ] && echo new image
docker run --rm cacheapp
docker run --rm cacheapp:v1
for i in 0 1 2; do [ "$(docker image inspect -f "{{index .RootFS.Layers $i}}" cacheapp:v1)" = "$(docker image inspect -f "{{index .RootFS.Layers $i}}" cacheapp)" ] && echo "layer $i shared" || echo "layer $i differs"; done
[ "$(docker image inspect -f '{{index .RootFS.Layers 3}}' cacheapp:v1)" != "$(docker image inspect -f '{{index .RootFS.Layers 3}}' cacheapp)" ] && echo layer 3 differs
docker tag cacheapp cacheapp:v2
docker build -q -t cacheapp /tmp/dockyard-cache
[ "$(docker images -q cacheapp:latest)" = "$(docker images -q cacheapp:v2)" ] && echo same image again
docker build -q --no-cache -t cacheapp /tmp/dockyard-cache
[ "$(docker images -q cacheapp:latest)" != "$(docker images -q cacheapp:v2)" ] && echo rebuilt without cache
docker run --rm cacheapp
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker images --filter dangling=true -q | wc -l
echo 'base v2' > /tmp/dockyard-cache/base.txt
docker build -q -t cacheapp:v3 /tmp/dockyard-cache
[ "$(docker image inspect -f '{{index .RootFS.Layers 1}}' cacheapp:v2)" != "$(docker image inspect -f '{{index .RootFS.Layers 1}}' cacheapp:v3)" ] && echo layer 1 differs
docker run --rm cacheapp:v3
rm -rf /tmp/dockyard-cache
