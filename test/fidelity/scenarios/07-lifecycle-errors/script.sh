# images: alpine:latest nginx:latest
# lifecycle mistakes and their exact errors
docker start nothere
docker stop nothere
docker restart nothere
docker kill nothere
docker pause nothere
docker rm nothere
docker rename nothere other
docker wait nothere
docker logs nothere
docker run -d --name web nginx
docker run -d --name db alpine sleep 300
docker run --name done alpine true
docker rm web
docker rm web db
docker stop done
docker stop done
docker kill done
docker pause done
docker unpause web
docker pause web
docker pause web
docker rm web
docker stop web
docker unpause web
docker rename web db
docker rename web web
docker rename web
docker start done nothere
docker stop web nothere db
docker rm nothere1 nothere2
docker rm -f nothere
docker rm -f web nothere
docker ps -a --format '{{.Names}} {{.State}}'
docker start
docker stop
docker rm
docker rename a b c
