/**
 * The `deploy:` section of a service as swarm spec parts — docker/cli
 * cli/compose/convert/service.go convertDeployMode, convertRestartPolicy,
 * convertUpdateConfig, convertResources and convertEndpointSpec.
 */
import type {
  EndpointSpec,
  PortConfig,
  ResourceRequirements,
  RestartPolicy,
  ServiceMode,
  UpdateConfig,
} from '../../api/types/service.ts';
import { nanoCPUs } from '../../cli/commands/opts/opts.ts';
import type {
  Resources,
  RestartPolicy as ComposeRestartPolicy,
  ServicePortConfig,
  UpdateConfig as ComposeUpdateConfig,
} from '../types.ts';
import { omitEmpty } from './omitempty.ts';

/** opts.ParseRestartPolicy, as far as the converter asks it */
function parseRestartPolicy(policy: string): { name: string; count: number } {
  if (policy === '') return { name: '', count: 0 };
  const colon = policy.indexOf(':');
  const name = colon < 0 ? policy : policy.slice(0, colon);
  const count = colon < 0 ? '' : policy.slice(colon + 1);
  if (colon >= 0 && name === '')
    throw new Error('invalid restart policy format: no policy provided before colon');
  if (count !== '' && !/^[+-]?\d+$/.test(count))
    throw new Error('invalid restart policy format: maximum retry count must be an integer');
  return { name, count: count === '' ? 0 : Number(count) };
}

/** convertRestartPolicy: `deploy.restart_policy`, else the service's `restart:` */
export function convertRestartPolicy(
  restart: string,
  source: ComposeRestartPolicy | undefined,
): RestartPolicy | undefined {
  if (!source) {
    const policy = parseRestartPolicy(restart);
    switch (policy.name) {
      case '':
      case 'no':
        return undefined;
      case 'always':
      case 'unless-stopped':
        return { Condition: 'any' };
      case 'on-failure':
        return { Condition: 'on-failure', MaxAttempts: policy.count };
      default:
        throw new Error(`unknown restart policy: ${restart}`);
    }
  }
  const out: RestartPolicy = {};
  if (source.condition) out.Condition = source.condition as RestartPolicy['Condition'];
  if (source.delay !== undefined) out.Delay = source.delay;
  if (source.maxAttempts !== undefined) out.MaxAttempts = source.maxAttempts;
  if (source.window !== undefined) out.Window = source.window;
  return out;
}

/** convertUpdateConfig: parallelism 1 unless given (Parallelism, MaxFailureRatio and Order are always sent) */
export function convertUpdateConfig(source: ComposeUpdateConfig | undefined): UpdateConfig | undefined {
  if (!source) return undefined;
  const out: UpdateConfig = { Parallelism: source.parallelism ?? 1 };
  if (source.delay) out.Delay = source.delay;
  if (source.failureAction) out.FailureAction = source.failureAction as UpdateConfig['FailureAction'];
  if (source.monitor) out.Monitor = source.monitor;
  out.MaxFailureRatio = source.maxFailureRatio ?? 0;
  out.Order = (source.order ?? '') as UpdateConfig['Order'];
  return out;
}

export function convertResources(source: Resources): ResourceRequirements {
  const out: ResourceRequirements = {};
  if (source.limits) {
    out.Limits = omitEmpty({
      NanoCPUs: source.limits.nanoCPUs ? nanoCPUs(source.limits.nanoCPUs) : 0,
      MemoryBytes: source.limits.memoryBytes,
      Pids: source.limits.pids,
    });
  }
  if (source.reservations) {
    out.Reservations = omitEmpty({
      NanoCPUs: source.reservations.nanoCPUs ? nanoCPUs(source.reservations.nanoCPUs) : 0,
      MemoryBytes: source.reservations.memoryBytes,
      GenericResources: source.reservations.genericResources?.map((r) =>
        r.discreteResourceSpec
          ? {
              DiscreteResourceSpec: omitEmpty({
                Kind: r.discreteResourceSpec.kind,
                Value: r.discreteResourceSpec.value,
              }),
            }
          : {},
      ),
    });
  }
  return out;
}

/** convertEndpointSpec: ports sorted by published port (a stable sort) */
export function convertEndpointSpec(
  endpointMode: string | undefined,
  ports: readonly ServicePortConfig[],
): EndpointSpec {
  const configs: PortConfig[] = ports
    .map((p) =>
      omitEmpty({
        Protocol: p.protocol as PortConfig['Protocol'],
        TargetPort: p.target,
        PublishedPort: p.published,
        PublishMode: p.mode as PortConfig['PublishMode'],
      }),
    )
    .sort((a, b) => (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0));
  return omitEmpty({ Mode: (endpointMode ?? '').toLowerCase() as EndpointSpec['Mode'], Ports: configs });
}

export function convertDeployMode(mode: string | undefined, replicas: number | undefined): ServiceMode {
  switch (mode ?? '') {
    case 'global-job':
      if (replicas !== undefined)
        throw new Error('replicas can only be used with replicated or replicated-job mode');
      return { GlobalJob: {} };
    case 'global':
      if (replicas !== undefined)
        throw new Error('replicas can only be used with replicated or replicated-job mode');
      return { Global: {} };
    case 'replicated-job':
      return {
        ReplicatedJob: replicas === undefined ? {} : { MaxConcurrent: replicas, TotalCompletions: replicas },
      };
    case 'replicated':
    case '':
      return { Replicated: replicas === undefined ? {} : { Replicas: replicas } };
    default:
      throw new Error(`Unknown mode: ${mode}`);
  }
}
