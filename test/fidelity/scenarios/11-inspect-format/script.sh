# images: alpine:latest nginx:latest
# docker inspect --format: Go templates over the container JSON
docker run -d --name web -e MODE=prod -e LEVEL=3 -p 8080:80 --label app=shop --label tier=front nginx
docker run --name job alpine sh -c 'exit 5'
docker inspect --format '{{.State.Status}}' web
docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}' job
docker inspect -f '{{.Name}} {{.Config.Image}} {{.Path}} {{.Args}}' web
docker inspect -f '{{.Config.Env}}' web
docker inspect -f '{{.Config.Cmd}} {{.Config.Entrypoint}}' web
docker inspect -f '{{.Config.ExposedPorts}}' web
docker inspect -f '{{.HostConfig.PortBindings}}' web
docker inspect -f '{{.NetworkSettings.Ports}}' web
docker inspect -f '{{.NetworkSettings.IPAddress}}' web
docker inspect -f '{{.NetworkSettings.IPAddress}}' job
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web
docker inspect -f '{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{$net.Gateway}}{{end}}' web
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' web
docker inspect -f '{{range $i, $e := .Config.Env}}{{$i}}={{$e}} {{end}}' web
docker inspect -f '{{index .Config.Labels "app"}}' web
docker inspect -f '{{index .Config.Env 1}}' web
docker inspect -f '{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' web
docker inspect -f '{{join .Config.Cmd " "}}' web
docker inspect -f '{{upper .State.Status}} {{lower .Name}} {{title .State.Status}}' web
docker inspect -f '{{len .Config.Env}} {{len .Config.Labels}}' web
docker inspect -f '{{if .State.Running}}running{{else}}stopped{{end}}' web job
docker inspect -f '{{if eq .State.ExitCode 0}}ok{{else}}failed with {{.State.ExitCode}}{{end}}' job
docker inspect -f '{{println .Name}}{{println .State.Status}}' web
docker inspect -f '{{split .Config.Image ":"}}' web
docker inspect -f '{{json .Config.Labels}}' web
docker inspect -f '{{json .Config.Cmd}}' web
docker inspect -f '{{json .State.Running}} {{json .Config.Env}}' job
docker inspect -f '{{json .Mounts}}' web
docker inspect -f '{{json .Config}}' job
docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.AutoRemove}} {{.HostConfig.NetworkMode}}' web
docker inspect -f '{{.Config.Hostname}}' web | wc -c
docker inspect -f '{{.Config.StopSignal}} {{.Config.WorkingDir}}' web
docker inspect -f '{{.Id}}' web | wc -c
docker inspect --format '{{.State.Status}}' web job
docker inspect -f '{{.State.Nope}}' web
docker inspect -f '{{.Nope}}' web
docker inspect -f '{{.State.Status' web
docker inspect -f '{{index .Config.Labels "missing"}}|' web
