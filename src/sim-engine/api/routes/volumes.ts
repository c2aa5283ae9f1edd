/** Volume routes (moby api/server/router/volume). */
import type { Daemon } from '../../daemon/daemon.ts';
import type { Route } from '../router.ts';

export const volumeRoutes: Route<Daemon>[] = [];
