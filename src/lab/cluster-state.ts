/**
 * What the cluster view draws, read from a lab through the Engine API exactly as the
 * docker CLI on a node would read it: `GET /nodes`, `/services` and `/tasks` on a
 * manager (`docker node ls`, `docker service ps`), and `GET /containers/json?all=1` on
 * each node for the containers that are not a swarm task. Nothing here reaches into
 * the engine's store: a read is a handful of requests through each daemon's router.
 */
import { ApiClient, ApiClientError, type Engine } from '../sim-engine/index.ts';

const SOCKET = 'unix:///var/run/docker.sock';

/** A task (swarm) or a container (not a swarm task) on a node. */
export interface ClusterCard {
  /** task or container ID */
  id: string;
  kind: 'task' | 'container';
  /** the service a task belongs to */
  service?: string;
  /** `web.3` for a task, the container's name otherwise */
  name: string;
  /** the image without its digest (`nginx:latest`) */
  image: string;
  /** the task's state (`running`, `preparing`…) or the container's (`running`, `exited`) */
  state: string;
  /** what the swarm wants of a task (`running`, `shutdown`) */
  desired?: string;
}

export interface ClusterNode {
  /** the lab's name of the machine (its hostname) */
  hostname: string;
  /** `manager` or `worker`; undefined when the node is in no swarm */
  role?: 'manager' | 'worker';
  leader: boolean;
  /** `ready`, `down`, `unknown`, `disconnected` (swarm), or `up`/`unreachable` outside one */
  status: string;
  /** `active`, `pause` or `drain` (swarm only) */
  availability?: string;
  cards: ClusterCard[];
}

export interface ClusterState {
  /** whether a manager answered `GET /nodes` */
  swarm: boolean;
  nodes: ClusterNode[];
  /** the services' names, sorted (the cards' colours follow this) */
  services: string[];
  /** the virtual clock, ms since the epoch */
  now: number;
}

interface ApiNode {
  ID: string;
  Spec?: { Role?: string; Availability?: string };
  Description?: { Hostname?: string };
  Status?: { State?: string };
  ManagerStatus?: { Leader?: boolean };
}
interface ApiService {
  ID: string;
  Spec?: { Name?: string };
}
interface ApiTask {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  Spec?: { ContainerSpec?: { Image?: string } };
  Status?: { State?: string };
  DesiredState?: string;
}
interface ApiContainer {
  Id: string;
  Names?: string[];
  Image?: string;
  State?: string;
  Labels?: Record<string, string>;
}

/** `nginx:latest@sha256:…` → `nginx:latest` */
export function imageTag(image: string): string {
  return image.replace(/@sha256:[0-9a-f]+$/, '');
}

/** Whether a task belongs in the picture: wanted, or still running while it is being stopped. */
function shown(task: ApiTask): boolean {
  const desired = task.DesiredState ?? '';
  const state = task.Status?.State ?? '';
  if (desired !== 'shutdown' && desired !== 'remove' && desired !== 'orphaned') return true;
  return state === 'running';
}

/** The node last found to be a manager, tried first next time. */
const lastManager = new WeakMap<Engine, string>();

/** Read the state of the lab's nodes, tasks and containers through the Engine API. */
export async function readCluster(engine: Engine): Promise<ClusterState> {
  const hosts = engine.hosts.map((h) => h.name);
  const client = (node: string) => {
    const transport = engine.connect(engine.host(node), SOCKET);
    return transport ? new ApiClient(transport, SOCKET) : undefined;
  };
  const first = lastManager.get(engine);
  const order = first ? [first, ...hosts.filter((h) => h !== first)] : hosts;
  let swarmNodes: ApiNode[] | undefined;
  let manager: ApiClient | undefined;
  for (const node of order) {
    const c = client(node);
    if (!c) continue;
    try {
      swarmNodes = await c.get<ApiNode[]>('/nodes');
      manager = c;
      lastManager.set(engine, node);
      break;
    } catch (e) {
      if (!(e instanceof ApiClientError)) throw e;
    }
  }
  const services = new Map<string, string>();
  let tasks: ApiTask[] = [];
  if (manager) {
    for (const s of await manager.get<ApiService[]>('/services').catch(() => [] as ApiService[]))
      services.set(s.ID, s.Spec?.Name ?? s.ID);
    tasks = await manager.get<ApiTask[]>('/tasks').catch(() => [] as ApiTask[]);
  }
  const nodes: ClusterNode[] = [];
  const byId = new Map<string, ClusterNode>();
  for (const n of swarmNodes ?? []) {
    const role = n.Spec?.Role === 'manager' ? 'manager' : 'worker';
    const node: ClusterNode = {
      hostname: n.Description?.Hostname ?? n.ID,
      role,
      leader: n.ManagerStatus?.Leader === true,
      status: n.Status?.State ?? 'unknown',
      availability: n.Spec?.Availability ?? 'active',
      cards: [],
    };
    byId.set(n.ID, node);
    nodes.push(node);
  }
  // lab machines that are in no swarm (or not in this one) get a column too
  for (const h of hosts)
    if (!nodes.some((n) => n.hostname === h))
      nodes.push({ hostname: h, leader: false, status: engine.host(h).up ? 'up' : 'unreachable', cards: [] });
  nodes.sort((a, b) => hosts.indexOf(a.hostname) - hosts.indexOf(b.hostname));

  for (const t of tasks) {
    if (!shown(t)) continue;
    const node = t.NodeID ? byId.get(t.NodeID) : undefined;
    if (!node) continue;
    const service = services.get(t.ServiceID ?? '') ?? t.ServiceID ?? '';
    node.cards.push({
      id: t.ID,
      kind: 'task',
      service,
      name: t.Slot ? `${service}.${t.Slot}` : service,
      image: imageTag(t.Spec?.ContainerSpec?.Image ?? ''),
      state: t.Status?.State ?? '',
      desired: t.DesiredState,
    });
  }
  for (const node of nodes) {
    node.cards.sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }) || a.id.localeCompare(b.id),
    );
    const c = client(node.hostname);
    if (!c) continue;
    const containers = await c.get<ApiContainer[]>('/containers/json', { all: true }).catch(() => []);
    for (const ct of containers) {
      if (ct.Labels?.['com.docker.swarm.task.id']) continue;
      node.cards.push({
        id: ct.Id,
        kind: 'container',
        name: (ct.Names?.[0] ?? ct.Id.slice(0, 12)).replace(/^\//, ''),
        image: imageTag(ct.Image ?? ''),
        state: ct.State ?? '',
      });
    }
  }
  return {
    swarm: manager !== undefined,
    nodes,
    services: [...new Set(services.values())].sort(),
    now: engine.clock.now(),
  };
}
