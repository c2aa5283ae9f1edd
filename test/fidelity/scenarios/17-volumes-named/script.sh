# images: alpine:latest busybox:latest
# named volumes: data that outlives containers
docker volume ls
docker volume create mydata
docker volume create mydata
docker volume ls
docker volume ls -q
docker run --rm -v mydata:/data alpine sh -c 'echo hello from the first container > /data/msg.txt'
docker run --rm -v mydata:/data alpine cat /data/msg.txt
docker run --rm -v mydata:/data:ro alpine sh -c 'echo more >> /data/msg.txt'
docker run --rm --mount type=volume,source=mydata,target=/stuff busybox ls /stuff
# a volume named in -v is created on first use
docker run --rm -v autovol:/x alpine touch /x/created
docker volume ls --format '{{.Name}} {{.Driver}}'
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}}' autovol
docker volume create --label env=dev labelled
docker volume ls --filter label=env=dev
docker volume ls --filter name=auto --format '{{.Name}}'
docker volume ls --filter dangling=true --format '{{.Name}}'
docker volume inspect -f '{{.Labels}}' labelled
docker volume create
docker volume ls -q | wc -l
# in use: cannot remove
docker run -d --name holder -v mydata:/data alpine sleep 300
docker volume rm mydata
docker volume ls --filter dangling=true -q | wc -l
docker rm -f holder
docker run --name stopped -v mydata:/data alpine true
docker volume rm mydata
docker rm stopped
docker volume rm mydata
docker volume rm mydata
docker volume rm autovol labelled nothere
docker volume rm -f nothere
docker volume inspect mydata
docker volume create 'bad name'
docker volume create --driver nosuchdriver x
docker volume rm
docker volume ls -q | wc -l
