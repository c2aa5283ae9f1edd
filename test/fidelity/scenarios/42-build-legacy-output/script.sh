# images: nginx:alpine alpine:latest
# The legacy builder's own output (DOCKER_BUILDKIT=0, no -q): what the docker CLI 28 prints
# when it builds through the classic POST /build (a CLI without buildx, or BuildKit turned
# off). Steps, the ID after each, the intermediate containers, the cache, a RUN's output
# (stderr in colour), the tags; the lesson's Dockerfile first.
DOCKER_BUILDKIT=0 docker build -t site site
DOCKER_BUILDKIT=0 docker build -t site site
[ "$(docker images -q site)" = "$(DOCKER_BUILDKIT=0 docker build -t site site 2>/dev/null | sed -n 's/^Successfully built //p')" ] && echo built is the image
[ "$(DOCKER_BUILDKIT=0 docker build site 2>/dev/null | sed -n '/^Step 1\//{n;s/^ ---> //p;}')" = "$(docker images -q nginx:alpine)" ] && echo from is the base image
DOCKER_BUILDKIT=0 docker build -t site -t site:v1 site
rm -rf /tmp/dockyard-legacy && cp -r site /tmp/dockyard-legacy && echo '<h1>Changed</h1>' > /tmp/dockyard-legacy/index.html
DOCKER_BUILDKIT=0 docker build -t site /tmp/dockyard-legacy
docker run --rm site cat /usr/share/nginx/html/index.html
rm -rf /tmp/dockyard-legacy
DOCKER_BUILDKIT=0 docker build -t app app
docker run --rm app
DOCKER_BUILDKIT=0 docker build -t app app
DOCKER_BUILDKIT=0 docker build --no-cache -t app app
DOCKER_BUILDKIT=0 docker build -t app app 2>/dev/null | grep -c 'Using cache'
DOCKER_BUILDKIT=0 docker build -t multi multi
docker run --rm multi
DOCKER_BUILDKIT=0 docker build --target build -t multi:build multi
DOCKER_BUILDKIT=0 docker build --label stage=test --label course=dockyard -t site site
DOCKER_BUILDKIT=0 docker build --build-arg UNUSED=1 -t site site
DOCKER_BUILDKIT=0 docker build -q -t site site
# mistakes
DOCKER_BUILDKIT=0 docker build fail
DOCKER_BUILDKIT=0 docker build -q fail
DOCKER_BUILDKIT=0 docker build typo
DOCKER_BUILDKIT=0 docker build nofile
DOCKER_BUILDKIT=0 docker build --target nope multi
