# images: alpine:latest nginx:latest
# docker ps --format: Go templates, table vs plain, json, template errors
docker run -d --name web -p 8080:80 -v webdata:/usr/share/nginx/html nginx
docker run -d --name worker --network host alpine sleep 300
docker run --name job alpine sh -c 'exit 2'
docker ps --format '{{.Names}}'
docker ps -a --format '{{.Names}}\t{{.Image}}\t{{.State}}'
docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.State}}'
docker ps -a --format 'table {{.ID}}\t{{.Names}}'
docker ps -a --format '{{.Names}} {{.Networks}} [{{.Mounts}}] {{.LocalVolumes}}'
docker ps --format '{{.Names}}: {{.Ports}}'
docker ps -a --format '{{.Names}} {{.Command}}'
docker ps -a --format 'table {{.Names}}\t{{.Status}}'
docker ps -a --format '{{.Names}} created {{.RunningFor}} at {{.CreatedAt}}'
docker ps -a --format '{{upper .Names}} {{lower .State}} {{len .Names}}'
docker ps -a --format '{{printf "%-8s|" .Names}}{{.Image}}'
docker ps -a --format '{{if eq .State "running"}}{{.Names}} is up{{else}}{{.Names}} is down{{end}}'
docker ps -a --format '{{json .Names}}'
docker ps --filter name=web --format '{{json .}}'
docker ps --filter name=web --format json
docker ps -a --format 'table'
docker ps --format '{{.Nope}}'
docker ps --format '{{.Names'
docker ps --format '{{.Label}}'
docker ps -q --format '{{.Names}}'
