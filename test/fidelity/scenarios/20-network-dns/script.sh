# images: alpine:latest nginx:latest traefik/whoami:latest
# container-to-container traffic: names resolve on user-defined bridges, not on the default bridge
docker network create appnet
docker run -d --name web --network appnet nginx
docker run -d --name who --network appnet --network-alias api traefik/whoami
sleep 1
docker run --rm --network appnet alpine wget -qO- http://web | head -4
docker run --rm --network appnet alpine wget -qO- http://who | grep -E '^(GET |Host:)'
docker run --rm --network appnet alpine wget -qO- http://api | grep -E '^(GET |Host:)'
docker run --rm --network appnet alpine ping -c 1 -W 2 web | grep -c '1 packets received'
docker run --rm --network appnet alpine ping -c 1 -W 2 nosuchname
docker run -d --name client --network appnet alpine sleep 300
docker exec client wget -qO- http://web | grep -o '<title>.*</title>'
docker exec client ping -c 1 -W 2 who | grep -c '1 packets received'
docker exec client ping -c 1 -W 2 api | grep -c '1 packets received'
# the default bridge has no name resolution; IP addresses work
docker run -d --name oldweb nginx
sleep 1
docker run --rm alpine ping -c 1 -W 2 oldweb
docker run --rm alpine ping -c 1 -W 2 "$(docker inspect -f '{{.NetworkSettings.IPAddress}}' oldweb)" | grep -c '1 packets received'
docker exec client ping -c 1 -W 2 oldweb
# a container on two networks
docker network create other
docker run -d --name lonely --network other alpine sleep 300
docker exec lonely ping -c 1 -W 2 web
docker network connect appnet lonely
docker exec lonely ping -c 1 -W 2 web | grep -c '1 packets received'
docker inspect -f '{{len .NetworkSettings.Networks}}' lonely
docker network disconnect appnet lonely
docker exec lonely ping -c 1 -W 2 web
# host and none
docker run --rm --network host alpine hostname
docker run --rm --network none alpine ip -o link show | awk '{print $2}'
docker run --rm --network none alpine ping -c 1 -W 2 web
docker run --rm --network host -p 8080:80 alpine true
docker inspect -f '{{.HostConfig.NetworkMode}}' web
docker inspect -f '{{.HostConfig.NetworkMode}}' oldweb
docker run --rm --network nothere alpine true
docker network inspect -f '{{range .Containers}}{{.Name}} {{end}}' appnet | tr ' ' '\n' | sort | grep .
