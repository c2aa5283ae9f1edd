# images: alpine:latest nginx:latest
# create/start/stop/restart/kill/pause/unpause/rename/wait/rm: what each prints
docker create --name app alpine sleep 300
docker ps -a --format '{{.Names}} {{.Status}}'
docker start app
docker pause app
docker ps --format '{{.Names}} {{.State}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Paused}}' app
docker unpause app
docker stop app
docker ps -a --format '{{.Names}} {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' app
docker start app
docker restart -t 2 app
docker inspect -f '{{.State.Status}} {{.RestartCount}}' app
docker kill app
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' app
docker start app
docker kill --signal SIGTERM app
docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' app
docker rename app renamed
docker ps -a --format '{{.Names}}'
docker stop -t 1 renamed
docker rm renamed
docker ps -a --format '{{.Names}}'
# nginx stops on SIGQUIT quickly; exit code 0
docker run -d --name web nginx
sleep 1
docker stop web
docker inspect -f '{{.State.ExitCode}}' web
docker restart -t 0 web
sleep 1
docker ps --format '{{.Names}} {{.State}}'
# wait prints the exit code
docker run -d --name job alpine sh -c 'sleep 1; exit 7'
docker wait job
docker container stop web
docker container rm web job
# several containers at once; arguments are echoed as typed
docker run -d --name c1 alpine sleep 300
docker run -d --name c2 alpine sleep 300
docker stop -t 1 c1 c2
docker start c1 c2
docker kill c2 c1
docker rm c1 c2
