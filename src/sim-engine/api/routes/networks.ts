/** Network routes (moby api/server/router/network). */
import type { Daemon } from '../../daemon/daemon.ts';
import type { Route } from '../router.ts';

export const networkRoutes: Route<Daemon>[] = [];
