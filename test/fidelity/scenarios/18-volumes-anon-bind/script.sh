# images: alpine:latest nginx:latest redis:7 redis:latest postgres:16
# anonymous volumes (-v /path, image VOLUME), bind mounts of host files, volume prune
docker run -d --name a1 -v /data alpine sleep 300
docker volume ls -q | wc -l
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.Driver}} {{.RW}} {{len .Name}}{{end}}' a1
docker run -d --name r7 redis:7
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}}{{end}}' r7
docker image inspect -f '{{.Config.Volumes}}' redis:7
docker image inspect -f '{{.Config.Volumes}}' redis:latest
docker run -d --name r8 redis:latest
docker inspect -f '{{len .Mounts}}' r8
docker image inspect -f '{{.Config.Volumes}}' postgres:16
docker volume ls -q | wc -l
# a name instead of a path makes a named volume, not a bind mount
docker run --rm -v site:/usr/share/nginx/html alpine ls /usr/share/nginx/html
docker volume ls --filter name=site --format '{{.Name}}'
# bind mounts: an absolute host path (or one starting with ./)
docker run --rm -v "$(pwd)/notes.txt:/notes.txt" alpine cat /notes.txt
docker run --rm -v ./notes.txt:/notes.txt:ro alpine sh -c 'echo x >> /notes.txt'
docker run --rm -v ./notes.txt:/notes.txt:ro alpine wc -l /notes.txt
docker run --rm --mount "type=bind,source=$(pwd)/site,target=/site,readonly" alpine ls /site
docker run -d --name web -p 8080:80 -v "$(pwd)/site:/usr/share/nginx/html:ro" nginx
sleep 1
curl -s localhost:8080
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}} {{.Mode}}{{end}}' web
docker run --rm --mount type=bind,source=/no/such/dir,target=/x alpine true
docker run --rm -v /data:relative alpine true
# removing containers leaves their anonymous volumes behind unless --rm or rm -v
docker rm -f a1 r7 r8 web
docker volume ls -q | wc -l
docker run --rm -v /tmpdata alpine true
docker volume ls -q | wc -l
docker volume prune -f | grep -c '^[0-9a-f]\{64\}$'
docker volume ls --format '{{.Name}}'
docker volume create keep
docker volume prune -f
docker volume ls --format '{{.Name}}'
docker volume prune --all --force | grep -c -x -E 'keep|site'
docker volume ls -q | wc -l
docker volume prune
