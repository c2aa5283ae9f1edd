/** Image routes (moby api/server/router/image): pull for now; the rest with the image commands. */
import type { Daemon } from '../../daemon/daemon.ts';
import { planPull, pullImage } from '../../daemon/images/pull.ts';
import type { Route } from '../router.ts';
import { jsonStream } from './util.ts';
import { invalidParameter } from '../../errdefs.ts';

export const imageRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/images/create',
    handler: ({ daemon, query }) => {
      const fromImage = query['fromImage'];
      if (!fromImage) throw invalidParameter('fromSrc is not supported');
      const plan = planPull(daemon, fromImage, query['tag'] ?? '');
      return jsonStream(pullImage(daemon, plan));
    },
  },
];
