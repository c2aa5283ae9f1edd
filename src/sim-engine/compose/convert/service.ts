/**
 * A compose service as an Engine API ServiceSpec — docker/cli cli/compose/convert/
 * service.go: named `<stack>_<service>`, labelled with the namespace and the image as
 * written (`com.docker.stack.image`, which lets a redeploy tell a changed image), its
 * container labelled with the namespace too, attached to its networks (aliased by the
 * service's short name), with every `deploy` key in its place. The JSON left out is what
 * Go's `omitempty` leaves out, so the daemon stores the same spec for the same file.
 */
import type { ConfigReference, SecretReference } from '../../api/types/secret.ts';
import type {
  ContainerSpec,
  HealthConfig,
  NetworkAttachmentConfig,
  ServiceSpec,
} from '../../api/types/service.ts';
import { quote } from '../../golang/index.ts';
import type {
  Config,
  FileObjectConfig,
  FileReferenceConfig,
  HealthCheckConfig,
  NetworkConfig,
  ServiceConfig,
  VolumeConfig,
} from '../types.ts';
import { addStackLabel, LABEL_IMAGE, type Namespace } from './compose.ts';
import {
  convertDeployMode,
  convertEndpointSpec,
  convertResources,
  convertRestartPolicy,
  convertUpdateConfig,
} from './deploy.ts';
import { omitEmpty } from './omitempty.ts';
import { convertVolumes } from './volume.ts';

const DEFAULT_NETWORK = 'default';

/** What a service's secrets and configs resolve to: the CLI looks their IDs up (service.ParseSecrets). */
export interface ObjectResolver {
  secrets(refs: { File: FileTarget; SecretName: string }[]): Promise<SecretReference[]>;
  configs(refs: { File: FileTarget; ConfigName: string }[]): Promise<ConfigReference[]>;
}

interface FileTarget {
  Name: string;
  UID: string;
  GID: string;
  Mode: number;
}

/** convert.Services: a spec per service, keyed by the service's own name. */
export async function convertServices(
  namespace: Namespace,
  config: Config,
  resolver: ObjectResolver,
): Promise<Map<string, ServiceSpec>> {
  const out = new Map<string, ServiceSpec>();
  for (const service of config.services) {
    try {
      const secrets = await resolver.secrets(
        fileReferences(namespace, service.secrets ?? [], config.secrets, 'secret').map((r) => ({
          File: r.file,
          SecretName: r.name,
        })),
      );
      secrets.sort((a, b) => compare(a.SecretName ?? '', b.SecretName ?? ''));
      const configs = await resolver.configs(
        fileReferences(namespace, service.configs ?? [], config.configs, 'config').map((r) => ({
          File: r.file,
          ConfigName: r.name,
        })),
      );
      configs.sort((a, b) => compare(a.ConfigName ?? '', b.ConfigName ?? ''));
      out.set(
        service.name,
        convertService(namespace, service, config.networks, config.volumes, secrets, configs),
      );
    } catch (err) {
      throw new Error(`service ${service.name}: ${(err as Error).message}`, { cause: err });
    }
  }
  return out;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** convertFileObject: the object's stack name and the file it becomes in the container. */
function fileReferences(
  namespace: Namespace,
  refs: readonly FileReferenceConfig[],
  objects: Record<string, FileObjectConfig>,
  kind: 'secret' | 'config',
): { name: string; file: FileTarget }[] {
  return refs.map((ref) => {
    const source = ref.source ?? '';
    if (!Object.hasOwn(objects, source)) throw new Error(`undefined ${kind} ${quote(source)}`);
    const obj = objects[source]!;
    return {
      name: obj.name || namespace.scope(source),
      file: {
        Name: ref.target || source,
        UID: ref.uid || '0',
        GID: ref.gid || '0',
        Mode: ref.mode ?? 0o444,
      },
    };
  });
}

/** convert.Service */
export function convertService(
  namespace: Namespace,
  service: ServiceConfig,
  networkConfigs: Record<string, NetworkConfig>,
  volumes: Record<string, VolumeConfig>,
  secrets: SecretReference[],
  configs: ConfigReference[],
): ServiceSpec {
  const endpoint = convertEndpointSpec(service.deploy.endpointMode, service.ports ?? []);
  const mode = convertDeployMode(service.deploy.mode, service.deploy.replicas);
  const mounts = convertVolumes(service.volumes ?? [], volumes, namespace);
  const resources = convertResources(service.deploy.resources);
  const restartPolicy = convertRestartPolicy(service.restart ?? '', service.deploy.restartPolicy);
  const healthcheck = convertHealthcheck(service.healthCheck);
  const networks = convertServiceNetworks(service.networks, networkConfigs, namespace, service.name);
  const credentialSpec = convertCredentialSpec(service.credentialSpec);
  const [capAdd, capDrop] = effectiveCapAddCapDrop(service.capAdd ?? [], service.capDrop ?? []);
  const env = convertEnvironment(service.environment);
  const hosts = (service.extraHosts ?? []).flatMap((h) => {
    const i = h.indexOf(':');
    return i < 0 ? [] : [`${h.slice(i + 1)} ${h.slice(0, i)}`];
  });
  const ulimits = Object.entries(service.ulimits ?? {})
    .map(([name, u]) => ({
      Name: name,
      Soft: u.single ? u.single : (u.soft ?? 0),
      Hard: u.single ? u.single : (u.hard ?? 0),
    }))
    .sort((a, b) => compare(a.Name, b.Name));

  const container: ContainerSpec = omitEmpty({
    Image: service.image,
    Labels: addStackLabel(namespace, service.labels),
    Command: service.entrypoint,
    Args: service.command,
    Hostname: service.hostname,
    Env: env,
    Dir: service.workingDir,
    User: service.user,
    Privileges: { CredentialSpec: credentialSpec, SELinuxContext: null, NoNewPrivileges: false },
    Init: service.init,
    StopSignal: service.stopSignal,
    TTY: service.tty,
    OpenStdin: service.stdinOpen,
    ReadOnly: service.readOnly,
    Mounts: mounts,
    StopGracePeriod: service.stopGracePeriod,
    Healthcheck: healthcheck,
    Hosts: hosts,
    DNSConfig:
      service.dns !== undefined || service.dnsSearch !== undefined
        ? omitEmpty({ Nameservers: service.dns, Search: service.dnsSearch })
        : undefined,
    Secrets: secrets,
    Configs: configs,
    Isolation: service.isolation,
    Sysctls: service.sysctls,
    CapabilityAdd: capAdd,
    CapabilityDrop: capDrop,
    Ulimits: ulimits,
    OomScoreAdj: service.oomScoreAdj,
  });
  const spec: ServiceSpec = {
    Name: namespace.scope(service.name),
    Labels: { ...addStackLabel(namespace, service.deploy.labels), [LABEL_IMAGE]: service.image ?? '' },
    TaskTemplate: omitEmpty({
      ContainerSpec: container,
      Resources: resources,
      RestartPolicy: restartPolicy,
      Placement: omitEmpty({
        Constraints: service.deploy.placement.constraints,
        Preferences: (service.deploy.placement.preferences ?? []).map((p) => ({
          Spread: { SpreadDescriptor: p.spread ?? '' },
        })),
        MaxReplicas: service.deploy.placement.maxReplicas,
      }),
      Networks: networks,
      LogDriver: service.logging
        ? omitEmpty({ Name: service.logging.driver, Options: service.logging.options })
        : undefined,
    }),
    Mode: mode,
    UpdateConfig: convertUpdateConfig(service.deploy.updateConfig),
    RollbackConfig: convertUpdateConfig(service.deploy.rollbackConfig),
    EndpointSpec: endpoint,
  };
  // TaskSpec.ForceUpdate has no omitempty: it is always sent
  spec.TaskTemplate!.ForceUpdate = 0;
  return omitEmpty(spec);
}

function convertServiceNetworks(
  networks: ServiceConfig['networks'],
  configs: Record<string, NetworkConfig>,
  namespace: Namespace,
  name: string,
): NetworkAttachmentConfig[] {
  const list: [string, { aliases?: string[]; driverOpts?: Record<string, string> } | null][] =
    networks && networks.size ? [...networks] : [[DEFAULT_NETWORK, null]];
  const out: NetworkAttachmentConfig[] = [];
  for (const [networkName, network] of list) {
    const known = Object.hasOwn(configs, networkName);
    if (!known && networkName !== DEFAULT_NETWORK) throw new Error(`undefined network ${quote(networkName)}`);
    const target = (known && configs[networkName]!.name) || namespace.scope(networkName);
    const aliases = [...(network?.aliases ?? [])];
    // only user-defined networks take aliases
    if (!['default', 'bridge', 'host', 'none'].includes(target) && !target.startsWith('container:'))
      aliases.push(name);
    out.push(
      omitEmpty({
        Target: target,
        Aliases: aliases,
        DriverOpts: network?.driverOpts,
      }),
    );
  }
  return out.sort((a, b) => compare(a.Target ?? '', b.Target ?? ''));
}

function convertHealthcheck(h: HealthCheckConfig | undefined): HealthConfig | undefined {
  if (!h) return undefined;
  if (h.disable) {
    if (h.test?.length) throw new Error("test and disable can't be set at the same time");
    return { Test: ['NONE'] };
  }
  return omitEmpty({
    Test: h.test,
    Interval: h.interval,
    Timeout: h.timeout,
    StartPeriod: h.startPeriod,
    StartInterval: h.startInterval,
    Retries: h.retries,
  });
}

/** convertEnvironment: `KEY=value` (or a bare `KEY`), sorted */
function convertEnvironment(source: Map<string, string | null>): string[] {
  return [...source].map(([k, v]) => (v === null ? k : `${k}=${v}`)).sort(compare);
}

/** convertCredentialSpec: at most one of config, file and registry */
function convertCredentialSpec(
  spec: ServiceConfig['credentialSpec'],
): { Config: string; File: string; Registry: string } | null {
  const set = [
    spec.config ? '"Config"' : '',
    spec.file ? '"File"' : '',
    spec.registry ? '"Registry"' : '',
  ].filter(Boolean);
  if (set.length === 0) return null;
  if (set.length === 2)
    throw new Error(`invalid credential spec: cannot specify both ${set[0]} and ${set[1]}`);
  if (set.length > 2)
    throw new Error(
      `invalid credential spec: cannot specify both ${set.slice(0, -1).join(', ')}, and ${set.at(-1)}`,
    );
  if (spec.config)
    throw new Error(
      `invalid credential spec: spec specifies config ${spec.config}, but no such config can be found`,
    );
  return { Config: '', File: spec.file ?? '', Registry: spec.registry ?? '' };
}

function normalizeCapability(c: string): string {
  const cap = c.trim().toUpperCase();
  if (cap === 'ALL' || cap === 'RESET') return cap;
  return cap.startsWith('CAP_') ? cap : 'CAP_' + cap;
}

/** opts.EffectiveCapAddCapDrop: normalized, adding wins over dropping, sorted */
function effectiveCapAddCapDrop(add: string[], drop: string[]): [string[], string[]] {
  let addCaps = new Set(add.map(normalizeCapability));
  let dropCaps = new Set(drop.map(normalizeCapability));
  if (addCaps.has('ALL')) addCaps = new Set(['ALL']);
  if (dropCaps.has('ALL')) dropCaps = new Set(['ALL']);
  const capDrop = [...dropCaps].filter((c) => !addCaps.has(c) && c !== 'RESET');
  const capAdd = [...addCaps].filter((c) => c !== 'RESET');
  return [capAdd.sort(compare), capDrop.sort(compare)];
}
