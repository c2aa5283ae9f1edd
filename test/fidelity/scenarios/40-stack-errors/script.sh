# images: nginx:latest alpine:latest redis:7
# docker stack deploy's refusals: before a swarm, the compose loader's (no file, a missing file, YAML syntax errors with their line, duplicate keys, schema errors — unknown keys, wrong types, a list for a mapping, an unquoted version, version 2, compose-spec's name:, a bad port, an enum, a duration — a build-only service, forbidden keys, an invalid image, interpolation and cast errors, a negative count) and its warnings (unsupported and deprecated keys), then "this node is not a swarm manager"; the other stack commands off a swarm; on a swarm: stacks that do not exist, conversion errors (mode, global with replicas, undefined network and volume; after the stack's networks were made), a missing external network, and rm of what the failed deploys left
docker stack deploy app
docker stack deploy -c nothere.yml app
docker stack deploy -c empty.yml app
docker stack deploy -c bad-indent.yml app
docker stack deploy -c tab.yml app
docker stack deploy -c unclosed-quote.yml app
docker stack deploy -c duplicate-key.yml app
docker stack deploy -c unknown-key.yml app
docker stack deploy -c unknown-deploy-key.yml app
docker stack deploy -c wrong-type.yml app
docker stack deploy -c list-not-mapping.yml app
docker stack deploy -c version-number.yml app
docker stack deploy -c version-2.yml app
docker stack deploy -c compose-name.yml app
docker stack deploy -c bad-port.yml app
docker stack deploy -c bad-order.yml app
docker stack deploy -c bad-delay.yml app
docker stack deploy -c build-only.yml app
docker stack deploy -c build-and-image.yml app
docker stack deploy -c forbidden.yml app
docker stack deploy -c uppercase-image.yml app
docker stack deploy -c interpolation.yml app
REPLICAS=two docker stack deploy -c cast.yml app
docker stack deploy -c negative.yml app
docker stack deploy -c good.yml -c version-2.yml app
docker stack deploy -c good.yml --resolve-image sometimes app
docker stack deploy -c good.yml ' '
docker stack deploy -c good.yml app
docker stack ls
docker stack services app
docker stack ps app
docker stack rm app
docker swarm init > /dev/null
docker stack ls
docker stack services nosuch
docker stack ps nosuch
docker stack rm nosuch
docker stack rm nosuch other
docker stack deploy -c bad-mode.yml app
docker stack deploy -c global-replicas.yml app
docker stack deploy -c undefined-network.yml app
docker stack deploy -c undefined-volume.yml app
docker stack deploy -c external-network.yml app
docker stack ls
docker network ls --filter label=com.docker.stack.namespace=app --format '{{.Name}} {{.Driver}}'
docker stack rm app
docker stack deploy -c good.yml app
docker stack deploy -c bad-port.yml app
docker stack services app --format '{{.Name}} {{.Ports}}'
docker stack rm app
docker swarm leave --force > /dev/null
