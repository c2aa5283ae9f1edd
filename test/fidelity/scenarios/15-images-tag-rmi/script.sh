# images: alpine:latest nginx:latest busybox:latest
# docker tag and docker rmi, with the conflicts a beginner runs into
docker tag alpine myapp
docker tag alpine:latest myapp:1.0
docker tag myapp:1.0 registry.example.com/team/myapp:1.0
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker tag nothere:latest foo
docker tag alpine Bad:Tag
docker tag alpine
docker rmi myapp
docker rmi myapp:1.0 registry.example.com/team/myapp:1.0
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rmi nothere
docker rmi nothere:1.0 alpine:nothere
# an image used by a container
docker run --name user busybox true
docker rmi busybox
docker tag busybox mybox
docker rmi busybox
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker rmi mybox
docker rmi $(docker images -q mybox)
docker rmi -f mybox
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker ps -a --format '{{.Names}} {{.Image}}'
# removing by ID: several tags, running and stopped containers
docker tag alpine a1
docker tag alpine a2
docker rmi $(docker images -q alpine)
docker run -d --name web nginx
docker rmi $(docker images -q nginx)
docker rmi -f $(docker images -q nginx)
docker rmi nginx
docker rm -f web
docker run --name stopped nginx:latest true
docker rmi $(docker images -q nginx)
docker rmi -f nginx
docker images --format '{{.Repository}}:{{.Tag}}' | sort
docker image rm a1 a2
docker image remove alpine
docker images -q | wc -l
docker rmi
