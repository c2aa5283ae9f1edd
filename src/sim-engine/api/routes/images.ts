/**
 * Image routes (moby api/server/router/image), and the two container routes that are
 * about layers: `POST /commit` and `GET /containers/{name}/changes`. Names may hold
 * slashes (`registry.example.com/team/app:1.0`), so they match the rest of the path.
 */
import type { Daemon } from '../../daemon/daemon.ts';
import { commitContainer } from '../../daemon/images/commit.ts';
import { containerChanges } from '../../daemon/images/container-layer.ts';
import { imageDelete } from '../../daemon/images/delete.ts';
import { imageHistory } from '../../daemon/images/history.ts';
import { inspectImage } from '../../daemon/images/inspect.ts';
import { listImages } from '../../daemon/images/list.ts';
import { imagesPrune } from '../../daemon/images/prune.ts';
import { pullRequest } from '../../daemon/images/pull.ts';
import { planPush, pushImage } from '../../daemon/images/push.ts';
import { searchImages } from '../../daemon/images/search.ts';
import { imageTag } from '../../daemon/images/tag.ts';
import { invalidParameter } from '../../errdefs.ts';
import { DIFF_KIND_NUMBER } from '../../fs/layer.ts';
import { FilterArgs } from '../filters.ts';
import { boolValue, boolValueOrDefault } from '../query.ts';
import { json, noContent, type Route } from '../router.ts';
import type { ContainerConfig, FilesystemChange } from '../types/container.ts';
import { compareVersions } from '../version.ts';
import { bodyObject, jsonStream } from './util.ts';

/** The X-Registry-Auth header (any case), as moby's image router reads it. */
function registryAuthHeader(headers: Record<string, string> | undefined): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === 'x-registry-auth') return v;
  return undefined;
}

export const imageRoutes: Route<Daemon>[] = [
  {
    method: 'GET',
    path: '/images/json',
    handler: ({ daemon, query, version }) =>
      json(
        200,
        listImages(daemon, {
          all: boolValue(query, 'all'),
          filters: FilterArgs.parse(query['filters']),
          sharedSize: compareVersions(version, '1.42') >= 0 && boolValue(query, 'shared-size'),
          countContainers: compareVersions(version, '1.51') >= 0,
        }),
      ),
  },
  {
    method: 'GET',
    path: '/images/search',
    handler: ({ query }) => {
      let limit = 0;
      const raw = query['limit'] ?? '';
      if (raw !== '') {
        limit = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isInteger(limit) || limit < 0) {
          const why = Number.isNaN(limit) ? `strconv.Atoi: parsing "${raw}": invalid syntax` : '';
          throw invalidParameter(why ? `invalid limit specified: ${why}` : 'invalid limit specified');
        }
      }
      return json(200, searchImages(query['term'] ?? '', limit, FilterArgs.parse(query['filters'])));
    },
  },
  {
    method: 'POST',
    path: '/images/create',
    handler: async ({ daemon, query }) => {
      const fromImage = query['fromImage'] ?? '';
      // Differs from Docker: importing a tarball (fromSrc) is not simulated.
      if (!fromImage) throw invalidParameter('fromSrc is not supported');
      return jsonStream(await pullRequest(daemon, fromImage, query['tag'] ?? ''));
    },
  },
  {
    method: 'POST',
    path: '/images/prune',
    handler: ({ daemon, query }) => json(200, imagesPrune(daemon, FilterArgs.parse(query['filters']))),
  },
  {
    method: 'GET',
    path: '/images/{name*}/history',
    handler: ({ daemon, params }) => json(200, imageHistory(daemon, daemon.images.resolve(params['name']!))),
  },
  {
    method: 'GET',
    path: '/images/{name*}/json',
    handler: ({ daemon, params }) => json(200, inspectImage(daemon, daemon.images.resolve(params['name']!))),
  },
  {
    method: 'POST',
    path: '/images/{name*}/push',
    handler: ({ daemon, params, query, request }) =>
      jsonStream(
        pushImage(daemon, planPush(params['name']!, query['tag'] ?? ''), registryAuthHeader(request.headers)),
      ),
  },
  {
    method: 'POST',
    path: '/images/{name*}/tag',
    handler: ({ daemon, params, query }) =>
      noContent(imageTag(daemon, params['name']!, query['repo'] ?? '', query['tag'] ?? '') ? 201 : 200),
  },
  {
    method: 'DELETE',
    path: '/images/{name*}',
    handler: ({ daemon, params, query }) =>
      json(
        200,
        imageDelete(daemon, params['name']!, {
          force: boolValue(query, 'force'),
          prune: !boolValue(query, 'noprune'),
        }),
      ),
  },
  {
    method: 'POST',
    path: '/commit',
    handler: ({ daemon, query, body }) => {
      const id = commitContainer(daemon, {
        container: query['container'] ?? '',
        repo: query['repo'] ?? '',
        tag: query['tag'] ?? '',
        comment: query['comment'] ?? '',
        author: query['author'] ?? '',
        // Differs from Docker: the form repeats `changes`; this transport keeps one value
        // per key, so the client joins them with newlines, as the builder does anyway.
        changes: query['changes'] ? [query['changes']] : [],
        pause: boolValueOrDefault(query, 'pause', true),
        config: body && typeof body === 'object' ? bodyObject<ContainerConfig>(body) : undefined,
      });
      return json(201, { Id: id });
    },
  },
  {
    method: 'GET',
    path: '/containers/{name}/changes',
    handler: ({ daemon, params }) => {
      const changes: FilesystemChange[] = containerChanges(daemon.getContainer(params['name']!)).map((e) => ({
        Kind: DIFF_KIND_NUMBER[e.kind] as FilesystemChange['Kind'],
        Path: e.path,
      }));
      return json(200, changes.length > 0 ? changes : null);
    },
  },
];
