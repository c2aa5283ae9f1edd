/**
 * What docker/cli's cli/compose/convert makes of a compose file: the network create
 * options, the secret and config specs and every service's spec, pinned by golden files
 * (testdata/*.json, the JSON the CLI sends) and checked against the rules of
 * convert/service.go and compose.go that a reader can verify line by line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goClean } from '../loader/host.ts';
import type { LoadHost } from '../loader/host.ts';
import { load } from '../loader/load.ts';
import { parseYAML } from '../yaml/index.ts';
import { convertConfigs, convertNetworks, convertSecrets, Namespace } from './compose.ts';
import { convertServices } from './service.ts';

const testdata = new URL('./testdata/', import.meta.url);

const host: LoadHost = {
  workingDir: '/lab',
  lookupEnv: (name) => ({ B: 'from-env', C: 'also-env' })[name],
  readFile: (path) => readFileSync(new URL(path.replace('/lab/', ''), testdata), 'utf8'),
  warn: () => {},
  absPath: (path) => (path.startsWith('/') ? path : goClean(`/lab/${path}`)),
};

async function convert(file: string) {
  const dict = parseYAML(readFileSync(new URL(file, testdata), 'utf8'));
  const config = load(
    {
      version: '',
      workingDir: '/lab',
      configFiles: [{ filename: file, config: dict }],
      environment: new Map([
        ['B', 'from-env'],
        ['C', 'also-env'],
      ]),
    },
    host,
  );
  const ns = new Namespace('app');
  const declared = new Set<string>();
  for (const s of config.services) {
    if (!s.networks?.size) declared.add('default');
    else for (const n of s.networks.keys()) declared.add(n);
  }
  const services = await convertServices(ns, config, {
    secrets: async (refs) =>
      refs.map((r) => ({ File: r.File, SecretID: `id-${r.SecretName}`, SecretName: r.SecretName })),
    configs: async (refs) =>
      refs.map((r) => ({ File: r.File, ConfigID: `id-${r.ConfigName}`, ConfigName: r.ConfigName })),
  });
  const networks = convertNetworks(ns, config.networks, [...declared].sort());
  return {
    networks: Object.fromEntries(networks.create),
    externalNetworks: networks.external,
    secrets: convertSecrets(ns, config.secrets, host),
    configs: convertConfigs(ns, config.configs, host),
    services: Object.fromEntries([...services].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

describe('convert', () => {
  it.each(['full', 'modes'])('%s.yml', async (name) => {
    const out = await convert(`${name}.yml`);
    await expect(JSON.stringify(out, null, 2) + '\n').toMatchFileSnapshot(`testdata/${name}.json`);
  });

  it('names, labels and aliases a service as its stack', async () => {
    const { services } = await convert('full.yml');
    const web = services['web']!;
    expect(web.Name).toBe('app_web');
    expect(web.Labels).toEqual({
      a: 'b',
      'com.docker.stack.namespace': 'app',
      'com.docker.stack.image': 'nginx:1.17',
    });
    expect(web.TaskTemplate?.ContainerSpec?.Labels).toEqual({
      'com.example.tier': 'front',
      'com.docker.stack.namespace': 'app',
    });
    // sorted by target; a non-user-defined network (host) takes no alias
    expect(web.TaskTemplate?.Networks).toEqual([
      { Target: 'app_front', Aliases: ['www', 'web'] },
      { Target: 'host' },
    ]);
  });

  it('takes bare and empty variables from the environment, and sorts them', async () => {
    const { services } = await convert('full.yml');
    expect(services['web']!.TaskTemplate?.ContainerSpec?.Env).toEqual(['A=1', 'B=from-env', 'C=also-env']);
  });

  it('sorts ports by published port and expands ranges, one config per port', async () => {
    const { services } = await convert('full.yml');
    expect(services['web']!.EndpointSpec).toEqual({
      Mode: 'vip',
      Ports: [
        { Protocol: 'tcp', TargetPort: 80, PublishMode: 'ingress' },
        { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { TargetPort: 443, PublishedPort: 8443, PublishMode: 'host' },
        { Protocol: 'udp', TargetPort: 9000, PublishedPort: 9000, PublishMode: 'ingress' },
        { Protocol: 'udp', TargetPort: 9001, PublishedPort: 9001, PublishMode: 'ingress' },
      ],
    });
  });

  it('maps `restart:` when there is no restart_policy, and the deploy modes', async () => {
    const { services } = await convert('modes.yml');
    expect(services['mon']!.TaskTemplate?.RestartPolicy).toEqual({ Condition: 'any' });
    expect(services['retry']!.TaskTemplate?.RestartPolicy).toEqual({
      Condition: 'on-failure',
      MaxAttempts: 4,
    });
    expect(services['never']!.TaskTemplate?.RestartPolicy).toBeUndefined();
    expect(services['mon']!.Mode).toEqual({ Global: {} });
    expect(services['job']!.Mode).toEqual({ ReplicatedJob: { MaxConcurrent: 3, TotalCompletions: 3 } });
    expect(services['sweep']!.Mode).toEqual({ GlobalJob: {} });
    expect(services['zero']!.Mode).toEqual({ Replicated: { Replicas: 0 } });
    expect(services['retry']!.Mode).toEqual({ Replicated: {} });
    expect(services['zero']!.TaskTemplate?.ContainerSpec?.Healthcheck).toEqual({ Test: ['NONE'] });
    expect(services['mon']!.EndpointSpec).toEqual({ Mode: 'dnsrr' });
  });

  it('names secrets and configs in the stack unless they have a name', async () => {
    const { secrets, configs, services } = await convert('full.yml');
    expect(secrets.map((s) => s.Name).sort()).toEqual(['app_pw', 'shared_api_key']);
    expect(configs).toEqual([
      {
        Name: 'app_site',
        Labels: { 'com.docker.stack.namespace': 'app' },
        Data: 'c2VydmVyIHt9Cg==',
        Templating: { Name: 'golang' },
      },
    ]);
    expect(services['web']!.TaskTemplate?.ContainerSpec?.Secrets).toEqual([
      { File: { Name: 'pw', UID: '0', GID: '0', Mode: 0o444 }, SecretID: 'id-app_pw', SecretName: 'app_pw' },
      {
        File: { Name: 'key.txt', UID: '100', GID: '101', Mode: 0o400 },
        SecretID: 'id-shared_api_key',
        SecretName: 'shared_api_key',
      },
    ]);
  });
});
