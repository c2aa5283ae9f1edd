# images: alpine:latest ubuntu:latest
# stdin: -i keeps stdin open; without -i the container sees no input
echo 'echo hello from stdin' | docker run -i alpine sh
printf 'cherry\napple\nbanana\n' | docker run -i --rm alpine sort
echo 'some words here' | docker run --interactive alpine wc -w
echo 'ignored without -i' | docker run alpine cat
docker run -i alpine cat
echo 'uname -s; exit 5' | docker run -i ubuntu bash
# -t needs a terminal only when stdin is attached too
echo hi | docker run -it alpine cat
docker run -t alpine echo with a tty | od -c | head -2
# -dit: detached with a tty and open stdin works without a terminal, and keeps sh alive
docker run -dit --name box alpine
docker ps --format '{{.Names}} {{.Command}} {{.Status}}'
docker inspect --format '{{.Config.Tty}} {{.Config.OpenStdin}} {{.Config.AttachStdin}}' box
docker exec box echo still running
docker run -d --name quick alpine
sleep 1
docker ps -a --format '{{.Names}} {{.Status}}' --filter name=quick
docker run -a stdout alpine sh -c 'echo to stdout; echo to stderr >&2'
docker run -a stderr alpine sh -c 'echo to stdout; echo to stderr >&2'
docker run alpine sh -c 'echo to stdout; echo to stderr >&2' 2>/dev/null
docker run alpine sh -c 'echo to stdout; echo to stderr >&2' >/dev/null
