# images: nginx:latest alpine:latest
# inspect templates on a one-node swarm see every field of the CLI's Go structs: fields the daemon's JSON leaves out (omitempty) print their zero values ([] for a nil slice, map[] for a nil map, <nil> for a nil pointer, a zero struct whole), {{json}} prints the struct as Go encodes it; a service (before and after an update), a node, a task, a secret and a config; errors name the Go types; pointers inside a printed struct are addresses (masked with sed), a pointer to false is true and eq refuses a pointer then the keys of each object's whole JSON in the order the daemon wrote them (encoding/json's: the struct's declaration order; the node's plugin list left out, it is the daemon's own) (the scenario ends with the swarm left)
docker swarm init > /dev/null
docker service create -d --no-resolve-image --name web nginx > /dev/null
sleep 3
docker service inspect --format '{{.Spec.TaskTemplate.Placement.Constraints}}' web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Args}} {{.Spec.TaskTemplate.ContainerSpec.Env}}' web
docker service inspect --format '{{.Spec.TaskTemplate.Networks}} {{.Endpoint.Ports}}' web
docker service inspect --format '{{.Spec.Mode.Global}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.Mode.ReplicatedJob}}' web
docker service inspect --format '{{.Spec.TaskTemplate.Resources.Limits}} {{.Spec.TaskTemplate.Resources.Reservations}}' web
docker service inspect --format '{{.Spec.TaskTemplate.RestartPolicy.Window}} {{.Spec.TaskTemplate.RestartPolicy.Delay}} {{.Spec.TaskTemplate.RestartPolicy.Condition}}' web
docker service inspect --format '{{.Spec.UpdateConfig.Monitor}} {{.Spec.UpdateConfig.Delay}} {{.Spec.UpdateConfig.MaxFailureRatio}} {{.Spec.UpdateConfig.Order}}' web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec}}' web | sed -E 's/0xc[0-9a-f]+/0xADDR/g'
docker service inspect --format '{{.Spec.TaskTemplate.Placement}} {{.Spec.TaskTemplate.RestartPolicy}} {{printf "%v" .Spec.TaskTemplate.Placement}}' web | sed -E 's/0xc[0-9a-f]+/0xADDR/g'
docker service inspect --format '{{.Spec.TaskTemplate.LogDriver}} {{.Spec.TaskTemplate.ForceUpdate}} {{.Spec.TaskTemplate.ContainerSpec.Init}} {{.Spec.TaskTemplate.RestartPolicy.MaxAttempts}} {{.Spec.TaskTemplate.ContainerSpec.Secrets}} {{.Spec.TaskTemplate.ContainerSpec.Privileges}}' web
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec}}' web
docker service inspect --format '{{if .Spec.TaskTemplate.ContainerSpec.Init}}set{{end}} {{.Spec.Mode.Replicated}} {{printf "%v" .Spec.Mode.Replicated.Replicas}} {{json .Spec.Mode.Replicated.Replicas}}' web | sed -E 's/0xc[0-9a-f]+/0xADDR/g'
docker service inspect --format '{{eq .Spec.Mode.Replicated.Replicas 1}}' web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Labels}} {{.Spec.TaskTemplate.ContainerSpec.Mounts}} {{.Spec.TaskTemplate.ContainerSpec.Healthcheck}} {{.Spec.TaskTemplate.ContainerSpec.TTY}}' web
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.DNSConfig}} {{.Spec.TaskTemplate.ContainerSpec.DNSConfig.Nameservers}}' web
docker service inspect --format '{{.Spec.Labels}} {{.Spec.Annotations.Name}} {{.Spec.Networks}} {{.Spec.RollbackConfig.Order}}' web
docker service inspect --format '{{.Spec.EndpointSpec}} {{.Endpoint.Spec}} {{.Endpoint.VirtualIPs}}' web
docker service inspect --format '{{printf "%T %T %T" .Version .CreatedAt .Meta}} {{eq .Version.Index .Meta.Version.Index}} {{.CreatedAt.IsZero}} {{.ServiceStatus}} {{.JobStatus}}' web
docker service inspect --format '{{.PreviousSpec}} {{.UpdateStatus}} {{json .PreviousSpec}} {{json .UpdateStatus}}' web
docker service inspect --format '{{.PreviousSpec.Name}}' web
docker service inspect --format '{{.UpdateStatus.Nope}}' web
docker service inspect --format '{{.Spec.Nope}}' web
docker service inspect --format '{{.Spec.TaskTemplate.Placement.Nope}}' web
docker service inspect --format '{{.Nope}}' web
docker service update -d --env-add A=1 --limit-memory 64M web > /dev/null
docker service inspect --format '{{.PreviousSpec.Name}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Env}} {{.PreviousSpec.TaskTemplate.Resources}}' web | sed -E 's/0xc[0-9a-f]+/0xADDR/g'
docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}} {{.Spec.TaskTemplate.Resources.Limits.NanoCPUs}} {{.Spec.TaskTemplate.Resources.Reservations}}' web
docker service inspect --format '{{.PreviousSpec.Labels}} {{.PreviousSpec.Mode.Global}} {{.PreviousSpec.UpdateConfig.Monitor}}' web
docker service inspect --format '{{if .UpdateStatus}}set{{end}} {{printf "%T" .UpdateStatus.StartedAt}} {{.UpdateStatus.StartedAt.IsZero}}' web
docker service inspect --format '{{json .Spec.Mode}} {{json .Spec.TaskTemplate.Placement}} {{json .Endpoint}}' web
docker node inspect --format '{{.Spec.Labels}} {{.Spec.Name}} {{.Spec.Role}} {{.Spec.Availability}}' self
docker node inspect --format '{{.Description.Platform}} {{.Description.Platform.OS}}' self
docker node inspect --format '{{.ManagerStatus.Reachability}} {{.ManagerStatus.Leader}} {{.Status.State}}' self
docker node inspect --format '{{.Status}} {{.Status.Addr}} {{.Status.Message}}' self | sed -E 's/ +/ /g'
docker node inspect --format '{{.Description.Engine.Labels}} {{range .Description.Engine.Plugins}}{{if eq .Type "Volume"}}{{.Name}}{{end}}{{end}} {{.Description.CSIInfo}} {{.Description.Resources.GenericResources}}' self
docker node inspect --format '{{.Spec}} {{.ManagerStatus}}' self
docker node inspect --format '{{json .Spec}} {{json .ManagerStatus}}' self
docker node inspect --format '{{.Spec.Nope}}' self
sleep 3
docker inspect --format '{{.Status.ContainerStatus.ExitCode}} {{.Status.State}} {{.DesiredState}} {{.Slot}}' $(docker service ps -q web | head -1)
docker inspect --format '{{.Spec.ContainerSpec.Env}} {{.Spec.ContainerSpec.Args}} {{.Spec.Networks}} {{.Spec.Placement.Constraints}}' $(docker service ps -q web | head -1)
docker inspect --format '{{.NetworksAttachments}} {{.GenericResources}} {{.JobIteration}} {{.Volumes}}' $(docker service ps -q web | head -1)
docker inspect --format '{{.Status.PortStatus}} {{.Status.Err}} {{.Labels}} {{.Name}}' $(docker service ps -q web | head -1)
docker inspect --format '{{.Status.ContainerStatus.ExitCode}} {{.Status.Err}}' $(docker service ps -q web | tail -1)
docker inspect --format '{{.Spec.Nope}}' $(docker service ps -q web | head -1)
echo s3cret | docker secret create pw - > /dev/null
docker secret inspect --format '{{.Spec.Labels}} {{.Spec.Driver}} {{.Spec.Templating}} {{.Spec.Data}} {{printf "%T" .Version}} {{.CreatedAt.IsZero}}' pw
docker secret inspect --format '{{.Spec.Name}} {{.Spec.Annotations.Name}} {{json .Spec}}' pw
echo 'port: 80' | docker config create app.yml - > /dev/null
docker config inspect --format '{{.Spec.Labels}} {{.Spec.Templating}} {{printf "%s" .Spec.Data}} {{.Spec.Annotations}}' app.yml
docker config inspect --format '{{.Spec.Driver}}' app.yml
docker inspect --format '{{.Spec.Labels}} {{.Spec.Templating}} {{len .Spec.Data}}' pw app.yml
docker service inspect web | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -
docker inspect $(docker service ps -q web | head -1) | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -
docker node inspect self | grep -vE '"(Type|Name)": "[A-Za-z-]+",?$' | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -
docker secret inspect pw | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -
docker config inspect app.yml | grep -oE '^ *"[^"]+":' | sed -E 's/^ *"//; s/":$//' | paste -sd' ' -
docker service rm web > /dev/null
docker secret rm pw > /dev/null
docker config rm app.yml > /dev/null
docker swarm leave --force
