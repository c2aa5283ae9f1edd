/**
 * The archive routes (moby api/server/router/container/copy.go): stat a path, read a
 * tree out of a container, extract one into it — what `docker cp` uses. In process the
 * tar is its list of entries (daemon/archive.ts); `dockersim serve` writes and reads real
 * tar streams.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { archiveFrom, extractTo, statPath, type TarArchive } from '../../daemon/archive.ts';
import { encodePathStat } from '../path-stat.ts';
import { json, noContent, type Route } from '../router.ts';
import { bodyObject } from './util.ts';

export const archiveRoutes: Route<Daemon>[] = [
  {
    method: 'HEAD',
    path: '/containers/{name}/archive',
    handler: ({ daemon, params, query }) => {
      const stat = statPath(daemon.getContainer(params['name']!), query['path'] ?? '');
      return {
        ...json(200, undefined),
        headers: { ...json(200, undefined).headers, 'X-Docker-Container-Path-Stat': encodePathStat(stat) },
      };
    },
  },
  {
    method: 'GET',
    path: '/containers/{name}/archive',
    handler: ({ daemon, params, query }) => {
      const c = daemon.getContainer(params['name']!);
      const path = query['path'] ?? '';
      const stat = statPath(c, path);
      const res = json(200, archiveFrom(c.fs, path.startsWith('/') ? path : '/' + path, c.name.slice(1)));
      res.headers['X-Docker-Container-Path-Stat'] = encodePathStat(stat);
      res.headers['Content-Type'] = 'application/x-tar';
      return res;
    },
  },
  {
    method: 'PUT',
    path: '/containers/{name}/archive',
    handler: ({ daemon, params, query, body }) => {
      const c = daemon.getContainer(params['name']!);
      extractTo(c.fs, query['path'] ?? '/', bodyObject<TarArchive>(body), c.name.slice(1));
      return noContent(200);
    },
  },
];
