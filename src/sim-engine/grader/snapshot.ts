/**
 * snapshot: what a goal needs to know of the lab, read the way a real client reads it —
 * Engine API requests to the daemon of the goal's node (`/containers/json?all=1` and an
 * inspect of each, `/images/{name}/json`, `/networks`, `/volumes`, `/services`,
 * `/tasks`, `/nodes`, `/secrets`, `/configs`, `/info`, a file through
 * `GET /containers/{id}/archive`), and
 * HTTP answers from a node's host through the lab's probe (http-probe.ts: the Engine
 * API cannot send a request from a host without creating a container, which would
 * change the state being graded). Nothing else: the grader never looks inside the
 * engine, so it could grade a real Docker engine given clients for it.
 *
 * Only what the goal asks about is read. A read that fails keeps the daemon's message,
 * so the check can say why ("This node is not a swarm manager…").
 */
import { ApiClientError, objectPath, type ApiClient } from '../api/client.ts';
import { decodePathStat } from '../api/path-stat.ts';
import type {
  ContainerInspect,
  ContainerSummary,
  ImageInspect,
  ImageSummary,
  InfoResponse,
} from '../api/types/index.ts';
import type { NetworkInspect, PathStat, Volume, VolumeListResponse } from '../api/types/index.ts';
import type { Config, Secret } from '../api/types/secret.ts';
import type { Service, Task } from '../api/types/service.ts';
import type { Node } from '../api/types/swarm.ts';
import type { Goal } from './goal.ts';
import type { HttpAnswer } from './http-probe.ts';

/** What the grader can reach of a lab: a client per node's daemon, and HTTP from a node's host. */
export interface LabReach {
  /** the lab's nodes; goals are read on the first unless they say `node:` */
  nodes: readonly string[];
  /** an Engine API client of the daemon on `node`, as `docker` on that node talks to it */
  client(node: string): ApiClient;
  /** a GET from the host of `node`, with curl's semantics; without it, `http` goals fail saying so */
  http?(node: string, url: string): Promise<HttpAnswer>;
}

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** A file read from a container: its text, or that it is not there, or why it could not be read. */
export type FileRead =
  { kind: 'file'; text: string } | { kind: 'dir' } | { kind: 'missing' } | { kind: 'error'; error: string };

export interface Snapshot {
  /** the node whose daemon was read */
  node: string;
  info: Read<InfoResponse>;
  containers?: Read<ContainerInspect[]>;
  /** by the goal's reference; null when there is no such image */
  images: Map<string, Read<ImageInspect | null>>;
  /** every image, for any/all/none and count */
  allImages?: Read<ImageInspect[]>;
  networks?: Read<NetworkInspect[]>;
  volumes?: Read<Volume[]>;
  services?: Read<Service[]>;
  tasks?: Read<Task[]>;
  nodes?: Read<Node[]>;
  /** for stacks, which are found by their label on these too */
  secrets?: Read<Secret[]>;
  configs?: Read<Config[]>;
  /** by `container:path` */
  files: Map<string, FileRead>;
  /** by `node url` */
  http: Map<string, HttpAnswer | { error: string }>;
}

async function read<T>(fn: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, error: reason(err) };
  }
}

function reason(err: unknown): string {
  if (err instanceof ApiClientError) return (err.daemonMessage || err.message).trim();
  return err instanceof Error ? err.message : String(err);
}

/** As the CLI names an image in a path (slashes, colons and @ stay). */
const imagePath = (name: string) => encodeURI(name).replace(/[?#]/g, (c) => encodeURIComponent(c));

async function inspectImage(client: ApiClient, ref: string): Promise<Read<ImageInspect | null>> {
  try {
    return { ok: true, value: await client.get<ImageInspect>(`/images/${imagePath(ref)}/json`) };
  } catch (err) {
    if (err instanceof ApiClientError && err.isNotFound) return { ok: true, value: null };
    return { ok: false, error: reason(err) };
  }
}

/** A file through the archive endpoint, as `docker cp web:/path -` gets it; symlinks followed. */
async function readFile(client: ApiClient, container: string, path: string, hops = 0): Promise<FileRead> {
  let res;
  try {
    res = await client.request('GET', objectPath('container', container, '/archive'), { query: { path } });
  } catch (err) {
    if (err instanceof ApiClientError && err.isNotFound && /Could not find the file/.test(err.daemonMessage))
      return { kind: 'missing' };
    return { kind: 'error', error: reason(err) };
  }
  const stat: Partial<PathStat> = decodePathStat(res.headers['X-Docker-Container-Path-Stat']) ?? {};
  // in process, the tar is its list of entries (daemon/archive.ts); the first is the path itself
  const entries = (res.body as { entries?: { kind: string; data?: string; target?: string }[] } | undefined)
    ?.entries;
  const top = entries?.[0];
  if (stat.linkTarget && hops < 8) {
    const target = stat.linkTarget.startsWith('/')
      ? stat.linkTarget
      : `${path.replace(/\/[^/]*$/, '')}/${stat.linkTarget}`;
    return readFile(client, container, target, hops + 1);
  }
  if (top?.kind === 'dir') return { kind: 'dir' };
  return { kind: 'file', text: top?.data ?? '' };
}

export async function snapshot(reach: LabReach, goal: Goal): Promise<Snapshot> {
  const node = goal.node ?? reach.nodes[0]!;
  const client = reach.client(node);
  const snap: Snapshot = {
    node,
    info: await read(() => client.get<InfoResponse>('/info')),
    images: new Map(),
    files: new Map(),
    http: new Map(),
  };
  const wantsContainers =
    goal.containers || goal.networks?.named.some((n) => !n.absent && n.props.containers);
  if (wantsContainers) {
    snap.containers = await read(async () => {
      const list = await client.get<ContainerSummary[]>('/containers/json', { all: 1 });
      return Promise.all(
        list.map((c) => client.get<ContainerInspect>(objectPath('container', c.Id, '/json'))),
      );
    });
  }
  // the images a goal names: its image section, and the images containers must come from
  const refs = new Set<string>(goal.images?.named.map((n) => n.name) ?? []);
  for (const c of [...(goal.containers?.named ?? []), ...(goal.containers?.quantified ?? [])]) {
    const props = 'props' in c ? c.props : undefined;
    if (props?.image) refs.add(props.image.value);
  }
  for (const ref of refs) snap.images.set(ref, await inspectImage(client, ref));
  if (goal.images && (goal.images.quantified.length > 0 || goal.images.count)) {
    snap.allImages = await read(async () => {
      const list = await client.get<ImageSummary[]>('/images/json');
      return Promise.all(list.map((i) => client.get<ImageInspect>(`/images/${i.Id}/json`)));
    });
  }
  const serviceNetworks = goal.services?.named.some((s) => !s.absent && s.props.networks);
  if (goal.networks || serviceNetworks || goal.stacks) {
    snap.networks = await read(async () => {
      const list = await client.get<NetworkInspect[]>('/networks');
      return Promise.all(list.map((n) => client.get<NetworkInspect>(objectPath('network', n.Id))));
    });
  }
  if (goal.volumes)
    snap.volumes = await read(async () => (await client.get<VolumeListResponse>('/volumes')).Volumes ?? []);
  if (goal.services || goal.stacks) {
    snap.services = await read(() => client.get<Service[]>('/services', { status: true }));
    snap.tasks = await read(() => client.get<Task[]>('/tasks'));
  }
  if (goal.services || goal.nodes || goal.stacks) snap.nodes = await read(() => client.get<Node[]>('/nodes'));
  if (goal.stacks) {
    snap.secrets = await read(() => client.get<Secret[]>('/secrets'));
    snap.configs = await read(() => client.get<Config[]>('/configs'));
  }
  for (const f of goal.files ?? [])
    snap.files.set(`${f.container}:${f.file}`, await readFile(client, f.container, f.file));
  for (const h of goal.http ?? []) {
    const from = h.from ?? node;
    const answer = reach.http
      ? await reach.http(from, h.url).catch((err: unknown) => ({ error: reason(err) }))
      : { error: 'this grader cannot send HTTP requests from a node' };
    snap.http.set(`${from} ${h.url}`, answer);
  }
  return snap;
}
