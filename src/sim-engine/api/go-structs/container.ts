/**
 * The container types a swarm ContainerSpec holds, under the names reflect gives them:
 * container.HealthConfig is an alias of github.com/moby/docker-image-spec v1.3.1
 * specs-go/v1 HealthcheckConfig, and container.Ulimit of github.com/docker/go-units
 * v0.5.0 Ulimit (whose pointer has a String method: `nofile=1024:2048`).
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';

const O = ',omitempty';

export const CONTAINER: Record<string, GoStructType> = {
  'v1.HealthcheckConfig': {
    fields: [
      f('Test', '[]string', O),
      f('Interval', 'time.Duration', O),
      f('Timeout', 'time.Duration', O),
      f('StartPeriod', 'time.Duration', O),
      f('StartInterval', 'time.Duration', O),
      f('Retries', 'int', O),
    ],
  },
  'units.Ulimit': {
    fields: [f('Name', 'string'), f('Hard', 'int64'), f('Soft', 'int64')],
    methods: { String: (u) => `${String(u['Name'])}=${String(u['Soft'])}:${String(u['Hard'])}` },
  },
};
