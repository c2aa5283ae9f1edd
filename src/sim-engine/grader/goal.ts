/**
 * A goal, typed: the state an exercise asks for, as `parseGoal` reads it from YAML. It
 * is plain data (no functions), so it can be shown, stored and compared; `grade` turns
 * it and a snapshot of the lab into sentences. Every requirement remembers the line of
 * the goal it came from. README.md in this folder is the author's reference.
 */

/** `>= 3`, `< 2`, `3` (equal): a number the state must satisfy. */
export interface Comparison {
  op: '==' | '!=' | '>=' | '<=' | '>' | '<';
  value: number;
}

/** Where a requirement was written: the goal's line, and its path (`services.web.image`). */
export interface At {
  line: number;
  path: string;
}

/** One property a subject must have: `key` names it, `value` is what the goal says. */
export type Requirement<T> = { value: T } & At;

/** A published port: `8080:80`, `127.0.0.1:8080:80/udp`, or `80` (published somewhere). */
export interface PortSpec {
  hostIp?: string;
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  /** services only: `ingress` (the routing mesh, the default) or `host` */
  mode?: 'ingress' | 'host';
  text: string;
}

/** A mount: `/root/html:/usr/share/nginx/html:ro`, `data:/var/lib/data`, or just a target. */
export interface MountSpec {
  /** an absolute path (a bind mount) or a volume name; absent: anything at `target` */
  source?: string;
  target: string;
  readOnly?: boolean;
  type?: 'bind' | 'volume' | 'tmpfs';
  text: string;
}

/** Environment: `KEY: value` must be set to value; `KEY: null` must not be set; a bare `KEY`, set to anything. */
export type EnvSpec = Record<string, string | null | true>;

export interface ContainerProps {
  image?: Requirement<string>;
  state?: Requirement<string>;
  running?: Requirement<boolean>;
  ports?: Requirement<PortSpec[]>;
  mounts?: Requirement<MountSpec[]>;
  env?: Requirement<EnvSpec>;
  /** `no`, `always`, `unless-stopped`, `on-failure`, `on-failure:3` */
  restart?: Requirement<string>;
  exit_code?: Requirement<Comparison>;
  networks?: Requirement<string[]>;
  labels?: Requirement<Record<string, string>>;
}

/** A subject named in the goal: present with properties, or absent (`web: null`, `absent: true`). */
export type Named<P> = At & { name: string } & ({ absent: true } | { absent: false; props: P });

/** `any` (with an optional `count`), `all`, `none`: a rule over every object of a kind. */
export interface Quantified<P> extends At {
  quantifier: 'any' | 'all' | 'none';
  props: P;
  /** `any` only: how many must match (`>= 3`); at least one when absent */
  count?: Comparison;
}

export interface Section<P> {
  named: Named<P>[];
  quantified: Quantified<P>[];
  /** how many there are in all (`count: 3`) */
  count?: Requirement<Comparison>;
}

export interface ImageProps {
  cmd?: Requirement<string[] | string>;
  entrypoint?: Requirement<string[] | string>;
  env?: Requirement<EnvSpec>;
  exposed_ports?: Requirement<string[]>;
  workdir?: Requirement<string>;
  user?: Requirement<string>;
  layers?: Requirement<Comparison>;
  labels?: Requirement<Record<string, string>>;
}

export interface NetworkProps {
  driver?: Requirement<string>;
  scope?: Requirement<string>;
  subnet?: Requirement<string>;
  attachable?: Requirement<boolean>;
  internal?: Requirement<boolean>;
  containers?: Requirement<string[]>;
  labels?: Requirement<Record<string, string>>;
}

export interface VolumeProps {
  driver?: Requirement<string>;
  labels?: Requirement<Record<string, string>>;
}

/** `update_config` and `rollback_config`; durations in nanoseconds as the API keeps them. */
export interface UpdatePolicy {
  parallelism?: number;
  delay?: number;
  failure_action?: 'pause' | 'continue' | 'rollback';
  monitor?: number;
  max_failure_ratio?: number;
  order?: 'stop-first' | 'start-first';
  /** the goal's own words for each field (`10s`), for sentences */
  text: Record<string, string>;
}

/** Where a service's running tasks are: `nodes: >= 3`, `max_per_node: 2`, `node2: 0`. */
export interface SpreadSpec {
  nodes?: Comparison;
  max_per_node?: number;
  min_per_node?: number;
  per_node: Record<string, Comparison>;
}

export interface ServiceProps {
  image?: Requirement<string>;
  replicas?: Requirement<Comparison>;
  running?: Requirement<Comparison>;
  mode?: Requirement<'replicated' | 'global'>;
  ports?: Requirement<PortSpec[]>;
  networks?: Requirement<string[]>;
  constraints?: Requirement<string[]>;
  env?: Requirement<EnvSpec>;
  update_config?: Requirement<UpdatePolicy>;
  rollback_config?: Requirement<UpdatePolicy>;
  /** UpdateStatus.State: `completed`, `paused`, `rollback_completed`… */
  update_status?: Requirement<string>;
  spread?: Requirement<SpreadSpec>;
}

/**
 * A stack: what carries its label `com.docker.stack.namespace` (services, networks,
 * secrets, configs), each named here as the stack file names it (`web`, not `shop_web`).
 */
export interface StackProps {
  /** how many services (`services: 3` is `{ count: 3 }`), or the stack's services by short name */
  services?: Requirement<Section<ServiceProps>>;
  networks?: Requirement<string[]>;
  secrets?: Requirement<string[]>;
  configs?: Requirement<string[]>;
}

export interface NodeProps {
  role?: Requirement<'manager' | 'worker'>;
  availability?: Requirement<'active' | 'pause' | 'drain'>;
  status?: Requirement<'ready' | 'down' | 'unknown' | 'disconnected'>;
  leader?: Requirement<boolean>;
  labels?: Requirement<Record<string, string>>;
}

export interface SwarmGoal extends At {
  state: 'active' | 'inactive';
  nodes?: Comparison;
  managers?: Comparison;
}

/** A file inside a container, `web:/usr/share/nginx/html/index.html`. */
export interface FileGoal extends At {
  container: string;
  /** the absolute path inside the container */
  file: string;
  exists: boolean;
  content?: string;
  contains: string[];
}

/** A GET from a node's host, as `curl URL` there would make it. */
export interface HttpGoal extends At {
  url: string;
  /** the node whose host sends it; the goal's node when absent */
  from?: string;
  status?: Comparison;
  contains: string[];
  /** text the body must not contain */
  excludes: string[];
}

export interface Goal {
  /** the node whose daemon is read (a manager for swarm goals); the lab's first node by default */
  node?: string;
  swarm?: SwarmGoal;
  containers?: Section<ContainerProps>;
  images?: Section<ImageProps>;
  networks?: Section<NetworkProps>;
  volumes?: Section<VolumeProps>;
  services?: Section<ServiceProps>;
  /** stacks by name, as `docker stack ls` shows them */
  stacks?: Section<StackProps>;
  nodes?: Section<NodeProps>;
  files?: FileGoal[];
  http?: HttpGoal[];
}
