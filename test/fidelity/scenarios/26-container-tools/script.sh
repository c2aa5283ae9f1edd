# images: alpine:latest nginx:latest
# cp, diff, commit, top, stats: looking at and saving what changed in a container
docker run -d --name box alpine sleep 300
docker cp hello.txt box:/tmp/hello.txt
docker exec box cat /tmp/hello.txt
docker cp box:/tmp/hello.txt /tmp/dockyard-fixture-copy.txt
cat /tmp/dockyard-fixture-copy.txt
rm -f /tmp/dockyard-fixture-copy.txt
docker cp box:/no/such/file /tmp/x
docker cp nothere:/etc/hostname /tmp/x
docker exec box sh -c 'mkdir /app && echo v1 > /app/version && rm /etc/alpine-release'
docker diff box | sort -k2
docker container diff box | wc -l
docker commit box myimage:v1
docker commit -m 'add app' -a 'Learner' --change 'CMD ["cat", "/app/version"]' box myimage:v2
docker run --rm myimage:v2
docker run --rm myimage:v1 cat /tmp/hello.txt
docker image inspect -f '{{.Comment}} | {{.Author}} | {{.Config.Cmd}}' myimage:v2
docker history --format '{{.CreatedBy}} | {{.Comment}}' myimage:v2 | head -2
docker commit nothere x
# top and stats: only the stable columns
docker top box | head -1
docker top box | wc -l
docker top nothere
docker stats --no-stream --format '{{.Name}}'
docker stats --no-stream --format '{{.Container}}' box | wc -c
docker run --name stopped alpine true
docker top stopped
docker stats --no-stream --format '{{.Name}} {{.CPUPerc}}' stopped
