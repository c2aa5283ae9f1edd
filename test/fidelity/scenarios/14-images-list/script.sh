# images: alpine:latest alpine:3.20 nginx:latest nginx:1.18 busybox:latest
# docker images / image ls: listing, filtering, formatting
docker images
docker image ls
docker image list --format '{{.Repository}}:{{.Tag}}'
docker images -q | wc -l
docker images alpine
docker images 'nginx:1.*'
docker images nosuchrepo
docker images --filter reference=alpine
docker images --filter 'reference=*:latest' --format '{{.Repository}}'
docker images -f reference=nginx -f reference=busybox --format '{{.Repository}}:{{.Tag}}'
docker images --filter dangling=true
docker images --filter before=alpine:latest --format '{{.Repository}}:{{.Tag}}'
docker images --filter since=nginx:1.18 --format '{{.Repository}}:{{.Tag}}'
docker images --filter label=maintainer --format '{{.Repository}}:{{.Tag}}'
docker images --format 'table {{.Repository}}\t{{.Tag}}'
docker images --format '{{.Repository}} {{.Tag}} {{.Size}} {{.CreatedSince}}' nginx
docker images --format '{{json .Repository}}' busybox
docker images --no-trunc --format '{{.ID}}' busybox | wc -c
docker images --digests busybox
docker images --filter bogus=1
docker images a b
# tags share one image ID; a commit makes a new image; re-using a tag leaves a dangling image
docker tag alpine:latest myalpine:v1
docker tag alpine myalpine:v2
docker images myalpine
docker run --name c1 alpine sh -c 'echo one > /one.txt'
docker commit c1 snap:latest
docker run --name c2 alpine sh -c 'echo two > /two.txt'
docker commit c2 snap:latest
docker images snap
docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
docker images -a --format '{{.Repository}}:{{.Tag}}' | sort
docker image ls --filter dangling=false --format '{{.Repository}}:{{.Tag}}' | sort
