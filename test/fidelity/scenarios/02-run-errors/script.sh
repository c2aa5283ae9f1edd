# images: alpine:latest ubuntu:latest nginx:latest
# docker run mistakes: exit 125 (docker itself), 126 (cannot invoke), 127 (not found)
docker run
docker run --memory abc alpine
docker run --cpus lots alpine
docker run -p 99999:80 nginx
docker run --restart sometimes alpine
docker run Alpine
docker run alpine:Latest echo hi
docker run my_image:
docker run --rm --restart always alpine
docker run -d --attach stdout alpine
docker run --env-file missing.env alpine
docker run alpine /etc
docker run alpine /etc/hostname
docker run alpine foo
docker run alpine nosuchcommand --version
docker run --entrypoint /nope alpine
docker run ubuntu bash -c 'exit 126'
docker run -u nosuchuser alpine id
# the failed containers stay behind in the Created state
docker ps -a --format '{{.Command}} {{.Status}}'
# name conflicts
docker run --name web -d nginx
docker run --name web -d nginx
docker run --name web alpine echo hi
docker run --name x alpine true
# -it without a terminal, and -t alone
docker run -it alpine sh
docker run -it --rm alpine echo hi
docker run -t alpine echo tty | od -c | head -1
docker run -i alpine echo no stdin needed
