/**
 * `GET /containers/{name}/stats` (moby getContainersStats, daemon/stats.go): one sample
 * with `stream=0` (what `docker stats --no-stream` asks), else a sample every second
 * from the stats collector until the client goes — for a stopped container too, whose
 * samples are empty. `one-shot` (API 1.41) takes a sample at once, without the collector.
 */
import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { containerStats } from '../../daemon/stats.ts';
import { boolValueOrDefault } from '../query.ts';
import { commonHeaders, json, type Route } from '../router.ts';
import { AsyncQueue } from '../stream.ts';
import type { Timer } from '../../clock.ts';
import { compareVersions } from '../version.ts';

/** The stats collector's interval (daemon/stats/collector.go: 1 s). */
const INTERVAL = 1000;

export const containerStatsRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/containers/{name}/stats',
    handler: ({ daemon, params, query, version }) => {
      const stream = boolValueOrDefault(query, 'stream', true);
      const oneShot = compareVersions(version, '1.41') >= 0 && boolValueOrDefault(query, 'one-shot', false);
      const c = daemon.getContainer(params['name']!);
      if (stream && oneShot) throw invalidParameter('cannot have stream=true and one-shot=true');
      if (!stream) return json(200, containerStats(daemon, c));
      let timer: Timer | undefined;
      const samples = new AsyncQueue<Record<string, unknown>>(() => daemon.clock.cancel(timer));
      const tick = () => {
        samples.push(containerStats(daemon, c));
        timer = daemon.clock.after(INTERVAL, tick);
      };
      timer = daemon.clock.after(INTERVAL, tick);
      // a streamed answer sets no Content-Type: moby writes the status before any byte,
      // so Go has nothing to sniff one from
      return {
        status: 200,
        headers: commonHeaders(),
        stream: { kind: 'json', messages: samples, close: () => samples.close() },
      };
    },
  },
];
