/**
 * A service's `deploy:` mapping decoded into a DeployConfig (docker/cli compose types,
 * through mapstructure): counts are uints (a negative one is refused as mapstructure
 * refuses it), durations and sizes go through the loader's hooks, and a missing
 * `deploy:` is the zero DeployConfig.
 */
import type { DeployConfig, GenericResource, UpdateConfig } from '../types.ts';
import type { YamlValue } from '../yaml/index.ts';
import { isDict, Struct } from './decoder.ts';

function updateConfig(u: Struct | undefined): UpdateConfig | undefined {
  if (!u) return undefined;
  return {
    parallelism: u.uint('Parallelism', 'parallelism'),
    delay: u.duration('Delay', 'delay'),
    failureAction: u.string('failure_action'),
    monitor: u.duration('Monitor', 'monitor'),
    maxFailureRatio: u.number('max_failure_ratio'),
    order: u.string('order'),
  };
}

export function deployConfig(d: Struct | undefined): DeployConfig {
  if (!d) return { resources: {}, placement: {} };
  const resources = d.struct('Resources', 'resources');
  const limits = resources?.struct('Limits', 'limits');
  const reservations = resources?.struct('Reservations', 'reservations');
  const restart = d.struct('restart_policy');
  const placement = d.struct('Placement', 'placement');
  return {
    mode: d.string('mode'),
    replicas: d.uint('Replicas', 'replicas'),
    labels: d.mapping('labels'),
    updateConfig: updateConfig(d.struct('update_config')),
    rollbackConfig: updateConfig(d.struct('rollback_config')),
    resources: {
      limits: limits && {
        nanoCPUs: limits.string('cpus'),
        memoryBytes: limits.size('memory'),
        pids: limits.int('pids'),
      },
      reservations: reservations && {
        nanoCPUs: reservations.string('cpus'),
        memoryBytes: reservations.size('memory'),
        genericResources: genericResources(reservations.raw('generic_resources')),
      },
    },
    restartPolicy: restart && {
      condition: restart.string('condition'),
      delay: restart.duration('Delay', 'delay'),
      maxAttempts: restart.uint('max_attempts'),
      window: restart.duration('Window', 'window'),
    },
    placement: {
      constraints: placement?.strings('constraints'),
      preferences: preferences(placement?.raw('preferences')),
      maxReplicas: placement?.uint('max_replicas_per_node'),
    },
    endpointMode: d.string('endpoint_mode'),
  };
}

function preferences(v: YamlValue | undefined): { spread?: string }[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((p) => ({ spread: new Struct(isDict(p) ? p : null, '', []).string('spread') }));
}

function genericResources(v: YamlValue | undefined): GenericResource[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((item) => {
    const spec = new Struct(isDict(item) ? item : null, '', []).struct('discrete_resource_spec');
    return spec
      ? { discreteResourceSpec: { kind: spec.string('kind') ?? '', value: spec.int('value') ?? 0 } }
      : {};
  });
}
