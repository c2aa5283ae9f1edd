/**
 * `POST /build` (moby api/server/router/build). Without `version=2` — the docker CLI
 * without buildx, or with DOCKER_BUILDKIT=0 — the classic builder's stream
 * (builder/classic.ts): its steps as `stream` lines, the image in `aux`, the ID alone
 * with `q`, a failure before any output as an HTTP error. With `version=2`, a BuildKit
 * build:
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
import { classicBuild } from '../../builder/classic.ts';
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

/** The build-args given, those without a value (`{"X":null}`: --build-arg X, X unset) too. */
function buildArgNames(raw: string | undefined): string[] {
  try {
    const v = JSON.parse(raw || '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  } catch {
    return [];
  }
}

export const buildRoutes: Route<Daemon>[] = [
  {
    method: 'POST',
    path: '/build',
    handler: async ({ daemon, query, body }) => {
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
      const version = query['version'] || '1';
      if (version !== '1' && version !== '2') throw invalidParameter(`invalid version "${version}"`);
      if (version === '2') return jsonStream(build(daemon, req));
      // newImageBuildOptions: intermediate containers go unless rm=0 (forcerm: always)
      const forceRemove = boolValue(query, 'forcerm');
      return jsonStream(
        await classicBuild(daemon, req, {
          quiet: boolValue(query, 'q'),
          remove: forceRemove || !query['rm'] || boolValue(query, 'rm'),
          forceRemove,
          buildArgNames: buildArgNames(query['buildargs']),
        }),
      );
    },
  },
];
