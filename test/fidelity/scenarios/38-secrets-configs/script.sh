# images: alpine:latest
# secrets and configs on a one-node swarm: create from a file and from stdin (labels, a template driver), ls (table, -q, --format, filters), inspect (JSON with the times and version masked, --format, --pretty), their errors (duplicate and bad names, missing file, empty stdin, no file, an unknown driver, a missing object, an unknown filter); a service using two secrets and two configs (short and long syntax, a templated config), what its task sees (cat, modes and owners, a read-only mount), the --pretty Secrets/Configs part; service create/update errors (unknown secret/config, duplicate target, bad mode, bad field); rm of what a service uses; update --secret-add/--secret-rm/--config-rm; rm several; the scenario ends with the swarm left
docker swarm init > /dev/null
docker secret ls
docker secret create db_password db_password.txt | wc -c
printf 'abc123' | docker secret create -l env=prod --label team api_key - | wc -c
docker secret create db_password db_password.txt
docker secret create DB_PASSWORD db_password.txt
docker secret create 'bad name' db_password.txt
docker secret create -bad db_password.txt
docker secret create empty - < /dev/null
docker secret create nofile missing.txt
docker secret create onlyname
docker secret create -d vault vaulted
docker secret create -d vault vaulted db_password.txt
docker secret ls
docker secret ls -q | wc -l
docker secret ls --format '{{.Name}} {{.Driver}} env={{.Label "env"}} team={{.Label "team"}}'
docker secret ls --filter name=db --format json
docker secret ls --filter name=api
docker secret ls --filter name=DB --format '{{.Name}}'
docker secret ls --filter label=env=prod --format '{{.Name}}'
docker secret ls --filter label=team --format '{{.Name}}'
docker secret ls --filter names=db --format '{{.Name}}'
docker secret ls --filter names=db_password --format '{{.Name}}'
docker secret ls --filter foo=bar
docker secret inspect db_password | sed -E 's/"(CreatedAt|UpdatedAt)": "[^"]*"/"\1": "T"/; s/"Index": [0-9]+/"Index": N/'
docker secret inspect --format '{{.Spec.Name}} {{.Spec.Labels}} {{.Spec.Data}} {{.Spec.Driver}}' api_key DB_Password
docker secret inspect --format '{{json .Spec}}' api_key
docker secret inspect --pretty api_key | sed -E 's/at: .*/at: T/'
docker secret inspect --pretty db_password api_key | sed -E 's/at: .*/at: T/'
docker secret inspect nothere
docker secret inspect --pretty nothere
docker secret inspect --format 'pretty{{.ID}}' api_key
docker secret inspect db_password nothere | sed -E 's/"(CreatedAt|UpdatedAt)": "[^"]*"/"\1": "T"/; s/"Index": [0-9]+/"Index": N/'
docker config ls
docker config create site.conf site.conf | wc -c
printf 'hello from a config\n' | docker config create -l app=web greeting - | wc -c
printf 'service={{.Service.Name}} slot={{.Task.Slot}} env={{env "MODE"}} secret={{secret "db_password"}}\n' | docker config create --template-driver golang tmpl - | wc -c
docker config create greeting site.conf
docker config create onlyname
docker config create nofile missing.txt
docker config create empty - < /dev/null
docker config create 'bad/name' site.conf
docker config ls
docker config ls --format '{{.Name}} {{.Labels}}'
docker config ls --filter name=gr -q | wc -l
docker config ls --filter names=greeting
docker config inspect greeting | sed -E 's/"(CreatedAt|UpdatedAt)": "[^"]*"/"\1": "T"/; s/"Index": [0-9]+/"Index": N/'
docker config inspect --format '{{printf "%s" .Spec.Data}}' site.conf
docker config inspect --format '{{.Spec.Templating.Name}}' tmpl
docker config inspect --pretty site.conf | sed -E 's/at: .*/at: T/'
docker config inspect --pretty greeting tmpl | sed -E 's/at: .*/at: T/'
docker config inspect nothere
docker service create -d --name app --stop-grace-period 1s -e MODE=demo --secret db_password --secret source=api_key,target=key.txt,uid=100,gid=101,mode=0400 --config source=site.conf,target=/etc/site.conf --config greeting --config source=tmpl,target=/etc/tmpl.txt alpine sleep 1000 | wc -c
sleep 4
docker service ps app --format '{{.Name}} {{.CurrentState}} {{.Error}}' | sed -E 's/ [0-9]+ seconds? ago//'
docker service inspect --format '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}} {{.File.Name}} {{.File.UID}} {{.File.GID}} {{.File.Mode}}; {{end}}' app
docker service inspect --format '{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}} {{.File.Name}} {{.File.Mode}}; {{end}}' app
docker service inspect --format '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}' app
docker service inspect --pretty app
docker exec $(docker ps -q -f name=app) cat /run/secrets/db_password
docker exec $(docker ps -q -f name=app) cat /run/secrets/key.txt
docker exec $(docker ps -q -f name=app) cat /etc/site.conf /greeting /etc/tmpl.txt
docker exec $(docker ps -q -f name=app) ls /run/secrets
docker exec $(docker ps -q -f name=app) stat -c '%a %u %g %s %n' /run/secrets/db_password /run/secrets/key.txt /etc/site.conf /greeting
docker exec $(docker ps -q -f name=app) sh -c 'echo x > /run/secrets/db_password'
docker exec $(docker ps -q -f name=app) rm /greeting
docker secret rm db_password
docker config rm site.conf greeting
docker service create -d --secret nothere alpine
docker service create -d --config nothere alpine
docker service create -d --secret source=db_password,target=x --secret source=api_key,target=x alpine
docker service create -d --config source=site.conf,target=/x --config source=greeting,target=/x alpine
docker service create -d --secret source=db_password,mode=abc alpine
docker service create -d --secret foo=bar alpine
docker service create -d --secret target=x alpine
docker service update -d --secret-rm api_key --secret-add source=db_password,target=again --config-rm tmpl app
sleep 5
docker service inspect --format '{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}}:{{.File.Name}} {{end}}/ {{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}}:{{.File.Name}} {{end}}' app
docker exec $(docker ps -q -f name=app) ls /run/secrets
docker exec $(docker ps -q -f name=app) cat /run/secrets/again
docker service update -d --secret-add nothere app
docker service update -d --secret-add db_password app
docker secret rm api_key tmpl nothere
docker config rm tmpl
docker service rm app
docker secret rm db_password api_key
docker config rm site.conf greeting tmpl nothere
docker secret ls
docker config ls
docker swarm leave --force
