/** Every route of the simulated Engine API, in matching order. */
import type { Daemon } from '../../daemon/daemon.ts';
import { createRouter, type Route } from '../router.ts';
import type { ApiTransport } from '../transport.ts';
import { buildRoutes } from './build.ts';
import { buildCacheRoutes } from './build-cache.ts';
import { configRoutes } from './configs.ts';
import { containerRoutes } from './containers.ts';
import { containerStatsRoutes } from './container-stats.ts';
import { archiveRoutes } from './archive.ts';
import { execRoutes } from './exec.ts';
import { imageRoutes } from './images.ts';
import { networkRoutes } from './networks.ts';
import { secretRoutes } from './secrets.ts';
import { volumeRoutes } from './volumes.ts';
import { serviceLogRoutes } from './service-logs.ts';
import { serviceRoutes } from './services.ts';
import { swarmRoutes } from './swarm.ts';
import { systemRoutes } from './system.ts';

export const routes: Route<Daemon>[] = [
  ...systemRoutes,
  ...containerRoutes,
  ...containerStatsRoutes,
  ...archiveRoutes,
  ...execRoutes,
  ...imageRoutes,
  ...buildRoutes,
  ...buildCacheRoutes,
  ...networkRoutes,
  ...volumeRoutes,
  ...swarmRoutes,
  ...serviceLogRoutes,
  ...serviceRoutes,
  ...secretRoutes,
  ...configRoutes,
];

export function engineApi(daemon: Daemon): ApiTransport {
  // timers due now (zero-delay reactions) fire before the request is served
  return createRouter(daemon, routes, () => daemon.clock.advanceTo(daemon.clock.now()));
}
