/**
 * Secrets and configs in task containers on a two-node swarm: the files a worker's task
 * gets (targets, owners, modes, read-only), templated payloads (the task's context and
 * its functions), a template that does not expand failing the task as the executor
 * fails it, and what the control API refuses for services (pinned by a golden file).
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../node/transcript.ts';

const swarm = `# images: alpine:latest
docker swarm init --advertise-addr 192.168.0.11 > /dev/null
@node2 docker swarm join --token $(docker -H tcp://node1:2375 swarm join-token -q worker) node1:2377
`;

describe('secrets and configs in tasks', () => {
  it('puts them in the task containers of the node that runs them', async () => {
    const out = await transcript(
      swarm +
        `printf 'pw' | docker secret create pw - > /dev/null
printf 'host={{.Node.Hostname}} task={{.Task.Name}} svc={{.Service.Name}} label={{index .Service.Labels "tier"}} joined={{join "-" "a" "b"}} cfg={{config "app/conf"}}' | docker secret create --template-driver golang tmpl - > /dev/null
printf 'key=value' | docker config create conf - > /dev/null
docker service create -d --name app --label tier=back --constraint node.role==worker --secret pw --secret source=tmpl,target=/etc/tmpl --secret source=pw,target=pw2,uid=5,gid=6,mode=0600 --config source=conf,target=app/conf alpine sleep 1000 > /dev/null
sleep 3
docker service ps app --format '{{.Node}} {{.CurrentState}}' | sed 's/ [0-9]* seconds ago//'
@node2 docker exec $(docker -H tcp://node2:2375 ps -q -f name=app) sh -c 'cat /run/secrets/pw; echo; cat /etc/tmpl; echo; cat /app/conf; echo; ls -ln /run/secrets | sed "s/  */ /g" | cut -d" " -f1,3,4,5,9'
@node2 docker exec $(docker -H tcp://node2:2375 ps -q -f name=app) sh -c 'echo x >> /app/conf'
docker ps -q -f name=app | wc -l
`,
      { nodes: 2 },
    );
    await expect(out).toMatchFileSnapshot('testdata/tasks-2-nodes.golden');
  });

  it('fails a task whose template does not expand, as the executor does', async () => {
    const out = await transcript(
      swarm +
        `printf '{{.Nope}}' | docker config create --template-driver golang bad - > /dev/null
printf '{{secret "missing"}}' | docker config create --template-driver golang nosecret - > /dev/null
printf 'x' | docker config create --template-driver mustache other - > /dev/null
docker service create -d --name t1 --restart-condition none --config bad alpine sleep 1000 > /dev/null
docker service create -d --name t2 --restart-condition none --config nosecret alpine sleep 1000 > /dev/null
docker service create -d --name t3 --restart-condition none --config other alpine sleep 1000 > /dev/null
sleep 3
docker service ps --no-trunc --format '{{.Name}} {{.CurrentState}} {{.Error}}' t1 t2 t3 | sed 's/ [0-9]* seconds ago//'
`,
      { nodes: 2 },
    );
    expect(out).toContain(
      `t1.1 Failed "starting container failed: unable to get config from config store: failed to expand templated config `,
    );
    expect(out).toMatch(
      /: template: expansion:1:2: executing "expansion" at <\.Nope>: can't evaluate field Nope in type \*template\.PayloadContext"/,
    );
    expect(out).toMatch(/t2\.1 Failed ".*error calling secret: secret target missing not found"/);
    expect(out).toMatch(/t3\.1 Failed ".*failed to expand templated config \w+: unrecognized template type"/);
  });

  it("refuses what SwarmKit's control API refuses in a service's references", async () => {
    const out = await transcript(
      swarm +
        `printf 'a' | docker secret create a - > /dev/null
printf 'b' | docker secret create b - > /dev/null
docker service create -d --name s --secret source=a,target=x alpine sleep 1000 > /dev/null
docker service update -d --secret-add source=b,target=x s
docker service update -d --secret-rm a --secret-add source=b,target=x s
docker secret rm a b
docker service create -d --name s2 --secret b alpine sleep 1000 > /dev/null
docker secret rm b
docker service rm s s2 > /dev/null
docker secret rm b
`,
      { nodes: 2 },
    );
    expect(out).toContain("secret references 'a' and 'b' have a conflicting target: 'x'");
    expect(out).toContain('$ docker service update -d --secret-rm a --secret-add source=b,target=x s\ns\n');
    expect(out).toContain(
      "$ docker secret rm a b\na\nError response from daemon: rpc error: code = InvalidArgument desc = secret 'b' is in use by the following service: s\n[exit 1]",
    );
    // the services in ID order, as SwarmKit's index gives them
    expect(out).toMatch(/secret 'b' is in use by the following services: (s, s2|s2, s)\n/);
    expect(out).toMatch(/\$ docker secret rm b\nb\n$/);
  });
});
