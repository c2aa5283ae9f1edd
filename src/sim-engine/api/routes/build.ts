/**
 * `POST /build` (moby api/server/router/build) with `version=2`: a BuildKit build.
 *
 * Differs from Docker: buildx talks to BuildKit over the hijacked `/grpc` and
 * `/session` connections and streams the context through the session; here the
 * context comes in the request body (the entries of the tar the classic builder
 * would get, .dockerignore applied by the client), and the progress comes back as
 * the JSON messages of a classic `/build`, BuildKit's solve status in `aux` under
 * `moby.buildkit.trace` (as moby does for `/build?version=2`) but as JSON, not
 * protobuf. Tags, like `changes` of `/commit`, arrive joined by newlines.
 */
import { build, type BuildRequest } from '../../builder/build.ts';
import type { TarArchive } from '../../daemon/archive.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { invalidParameter } from '../../errdefs.ts';
import { boolValue } from '../query.ts';
import type { Route } from '../router.ts';
import { bodyObject, jsonStream } from './util.ts';

interface BuildBody {
  context?: TarArchive;
  dockerfile?: string;
  dockerignoreSize?: number;
}

function jsonMap(raw: string | undefined, what: string): Record<string, string> {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, string> = {};
      for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
      return out;
    }
  } catch {
    // fall through
  }
  throw invalidParameter(`failed to parse ${what}: invalid JSON`);
}

export const buildRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/build',
    handler: ({ daemon, query, body }) => {
      const b = bodyObject<BuildBody>(body);
      const req: BuildRequest = {
        dockerfile: {
          name: query['dockerfile'] || 'Dockerfile',
          text: typeof b.dockerfile === 'string' ? b.dockerfile : undefined,
        },
        context: { entries: Array.isArray(b.context?.entries) ? b.context.entries : [] },
        dockerignoreSize: typeof b.dockerignoreSize === 'number' ? b.dockerignoreSize : 0,
        tags: (query['t'] ?? '').split('\n').filter(Boolean),
        buildArgs: jsonMap(query['buildargs'], 'build args'),
        labels: jsonMap(query['labels'], 'labels'),
        target: query['target'] ?? '',
        noCache: boolValue(query, 'nocache'),
        noCacheFilter: (query['nocache-filter'] ?? '').split('\n').filter(Boolean),
        pull: boolValue(query, 'pull'),
      };
      return jsonStream(build(daemon, req));
    },
  },
];
