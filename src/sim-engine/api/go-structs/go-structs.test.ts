/**
 * The struct descriptions against themselves (every type a field names is known) and
 * against the simulated daemon: the swarm objects it sends decode into them with no key
 * left over, and Go's encoding of the decoded struct — what a `{{json .}}` template and
 * `docker service/node inspect` print — is the daemon's JSON, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../node/transcript.ts';
import { DOCKER_GO_TYPES } from './index.ts';

const BUILTIN =
  /^(string|bool|u?int(8|16|32|64)?|uint8|float(32|64)|time\.Time|time\.Duration|os\.FileMode)$/;

/** The named types inside a Go type (`[]*swarm.SecretReference` → `swarm.SecretReference`). */
function leafTypes(type: string): string[] {
  if (type.startsWith('*')) return leafTypes(type.slice(1));
  if (type.startsWith('[]')) return leafTypes(type.slice(2));
  const m = /^map\[([^\]]+)\](.*)$/.exec(type);
  if (m) return [...leafTypes(m[1]!), ...leafTypes(m[2]!)];
  return [type.replace(/^byte$/, 'uint8')];
}

describe('the Go struct descriptions', () => {
  it('know every type their fields name', () => {
    const unknown: string[] = [];
    for (const [name, t] of Object.entries(DOCKER_GO_TYPES.structs))
      for (const field of t.fields)
        for (const leaf of leafTypes(field.type))
          if (!BUILTIN.test(leaf) && !DOCKER_GO_TYPES.structs[leaf] && !DOCKER_GO_TYPES.named[leaf])
            unknown.push(`${name}.${field.name}: ${leaf}`);
    expect(unknown).toEqual([]);
  });

  it('name each field once, embedded ones after their type', () => {
    for (const [name, t] of Object.entries(DOCKER_GO_TYPES.structs)) {
      const names = t.fields.map((f) => f.name);
      expect(new Set(names).size, name).toBe(names.length);
      for (const f of t.fields.filter((x) => x.embedded))
        expect(f.type, name).toMatch(new RegExp(`\\.${f.name}$`));
    }
  });
});

/** Objects of every kind, with as many fields set as the CLI's flags can set. */
const SCRIPT = `# images: nginx:latest alpine:latest
docker swarm init > /dev/null
echo pw | docker secret create -l a=b pw - > /dev/null
echo 'x: {{ .Service.Name }}' | docker config create --template-driver golang cfg - > /dev/null
docker network create -d overlay --attachable net > /dev/null
docker service create -d --name web --replicas 2 -p 8080:80 -p published=9090,target=90,mode=host --env A=1 --label l=1 --container-label c=1 --mount type=volume,source=v,target=/data,volume-label=x=y --mount type=tmpfs,target=/tmp,tmpfs-size=1000 --mount type=bind,source=/,target=/host,readonly --health-cmd true --health-interval 5s --health-retries 2 --ulimit nofile=100:200 --secret pw --config source=cfg,target=/cfg,mode=0400 --network name=net,alias=w --constraint node.role==manager --placement-pref spread=node.id --limit-cpu 0.5 --limit-memory 64M --reserve-memory 10M --restart-condition on-failure --restart-max-attempts 3 --restart-window 10s --update-delay 5s --update-failure-action rollback --rollback-parallelism 2 --dns 8.8.8.8 --dns-search example.com --host h:10.0.0.1 --hostname h --user nobody --workdir /w --cap-add NET_ADMIN --sysctl net.core.somaxconn=1024 --stop-grace-period 3s --stop-signal SIGINT --init --tty --read-only --group 10 --log-driver json-file --log-opt max-size=1m --entrypoint nginx nginx -g 'daemon off;' > /dev/null
docker service create -d --name g --mode global --endpoint-mode dnsrr alpine sleep 1000 > /dev/null
docker service create -d --name j --mode replicated-job --max-concurrent 1 alpine true > /dev/null
sleep 5
docker service update -d --env-add B=2 web > /dev/null
sleep 5
`;

/** The objects to inspect, by the Go type the CLI decodes them into. */
const REFS: Record<string, string> = {
  'swarm.Service': 'web g j',
  'swarm.Task': `$(docker service ps -q web g j | tr '\\n' ' ')`,
  'swarm.Node': '$(docker node ls -q)',
  'swarm.Secret': 'pw',
  'swarm.Config': 'cfg',
};

/**
 * Where the daemon's JSON is not Go's encoding of the struct: a key Go would not write
 * (`extra`: unknown to the struct, or an omitempty zero), a key it would (`missing`), or
 * keys in another order. Paths drop slice indices.
 */
function deviations(daemon: unknown, go: unknown, path: string, out: Set<string>): void {
  if (typeof daemon !== 'object' || daemon === null || typeof go !== 'object' || go === null) return;
  const d = daemon as Record<string, unknown>;
  const g = go as Record<string, unknown>;
  const sub = (k: string) => (Array.isArray(daemon) ? path : `${path}.${k}`);
  for (const k of Object.keys(d)) if (!(k in g)) out.add(`extra ${sub(k)}`);
  for (const k of Object.keys(g)) if (!(k in d)) out.add(`missing ${sub(k)}`);
  const order = (o: object, other: object) =>
    Object.keys(o)
      .filter((k) => k in other)
      .join(' ');
  if (!Array.isArray(daemon) && order(d, g) !== order(g, d))
    out.add(`order ${path === '' ? '(top level)' : path}`);
  for (const k of Object.keys(d)) if (k in g) deviations(d[k], g[k], sub(k), out);
}

describe('the simulated daemon’s swarm objects', () => {
  it('decode with no key left over, and marshal back to the daemon’s JSON: the daemon writes Go’s encoding', async () => {
    const kinds = Object.entries(REFS);
    const out = await transcript(
      SCRIPT +
        kinds
          .map(([, refs]) => `docker inspect ${refs}\ndocker inspect --format '{{json .}}' ${refs}\n`)
          .join(''),
      { nodes: 1 },
    );
    const outputs = out.split(/^\$ docker inspect .*$/m).slice(1);
    const found = new Set<string>();
    let objects = 0;
    kinds.forEach(([type], i) => {
      const daemon = JSON.parse(outputs[2 * i]!) as unknown[];
      const lines = outputs[2 * i + 1]!.trim().split('\n');
      expect(lines.length, type).toBe(daemon.length);
      objects += daemon.length;
      const kind = new Set<string>();
      lines.forEach((line, j) => deviations(daemon[j], JSON.parse(line), '', kind));
      for (const d of kind) found.add(`${type} ${d.replace(/^(\w+) \./, '$1 ')}`);
    });
    expect(objects).toBeGreaterThan(10);
    expect([...found].sort()).toEqual([]);
  });
});
