# images: alpine:latest nginx:latest nginx:1.17 ubuntu:24.04
# docker history, image inspect, image prune, and pulls (this machine has no registry)
docker history alpine
docker history nginx
docker image history nginx:1.17
docker history ubuntu:24.04
docker history --no-trunc alpine
docker history -q nginx:1.17 | grep -c '<missing>'
docker history -q nginx:1.17 | head -1 | wc -c
docker history --format '{{.CreatedBy}}' nginx:1.17
docker history --format 'table {{.CreatedBy}}\t{{.Comment}}' --no-trunc alpine
docker history --human=false --format '{{.Size}}' alpine | sed -E 's/^[1-9][0-9]*$/<bytes>/'
docker history nothere
docker image inspect --format '{{.Config.Cmd}} {{.Config.WorkingDir}} {{len .RootFS.Layers}}' ubuntu:24.04
docker image inspect --format '{{.Config.Labels}}' ubuntu:24.04
# prune: dangling only, then -a removes everything no container uses
docker run --name c1 alpine sh -c 'echo 1 > /f'
docker commit c1 work:v1
docker run --name c2 alpine sh -c 'echo 2 > /f'
docker commit c2 work:v1
docker images --filter dangling=true -q | wc -l
docker image prune -f
docker images --filter dangling=true -q | wc -l
docker image prune -f
docker run --name keepme nginx:1.17 true
docker image prune -a -f | grep -c '^untagged: '
docker images --format '{{.Repository}}:{{.Tag}}'
docker image prune
# pulls: every pull reaches the registry
docker pull nosuchimage
docker pull nosuchuser/nosuchimage:1.0
docker pull alpine:nosuchtag
docker pull Alpine
docker pull -q nosuchimage
docker run nosuchimage
docker run -d nosuchimage:2.0
docker create nosuchimage
docker pull
