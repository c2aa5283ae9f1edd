/**
 * One Docker daemon: the engine of one lab node. It owns the node's containers,
 * images, volumes, networks, exec sessions and events; the operations on them live
 * in the files beside this one (create.ts, start.ts, …), each a function of the
 * daemon, as moby splits `*Daemon`'s methods across daemon/*.go.
 */
import type { Clock } from '../clock.ts';
import { conflict, invalidParameter, notFound } from '../errdefs.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Fabric, NetNamespace } from '../network/namespace.ts';
import type { ProgramRegistry } from '../process/types.ts';
import type { Random } from '../random.ts';
import type { Container } from './container.ts';
import { destroy } from './delete.ts';
import { EventLog } from './events.ts';
import type { ExecRecord } from './exec-record.ts';
import { ImageStore } from './images/store.ts';
import type { Instant } from './instant.ts';
import { NetworkController } from './networks/controller.ts';
import type { Registry } from './registry.ts';
import { VolumeStore } from './volumes/store.ts';

export interface DaemonOptions {
  clock: Clock;
  random: Random;
  /** the node's host name (`node1`, `manager1`) */
  hostname: string;
  /** the daemon's ID (a UUID), shown by `docker info` */
  id: string;
  /** the node's network namespace and the lab's wiring */
  hostNs: NetNamespace;
  fabric: Fabric;
  /** the node's own files (bind mounts, `docker cp`, build contexts) */
  hostFs: FileSystem;
  /** the simulated registries (Docker Hub and any registry containers) */
  registry: Registry;
  /** every simulated program, for container processes */
  programs: ProgramRegistry;
  /** the lab's names for its hosts (`node2` → its address), as the host's resolver knows them */
  labResolve?: (host: string) => string | undefined;
  /** number of CPUs and bytes of memory the node reports */
  ncpu?: number;
  memTotal?: number;
}

export class Daemon {
  readonly clock: Clock;
  readonly random: Random;
  readonly hostname: string;
  readonly id: string;
  readonly hostNs: NetNamespace;
  readonly fabric: Fabric;
  readonly hostFs: FileSystem;
  readonly registry: Registry;
  readonly programs: ProgramRegistry;
  readonly ncpu: number;
  readonly memTotal: number;
  readonly started: Instant;

  readonly containers = new Map<string, Container>();
  /** `/name` → container id */
  readonly names = new Map<string, string>();
  readonly images = new ImageStore();
  readonly volumes = new VolumeStore();
  readonly networks: NetworkController;
  readonly execs = new Map<string, ExecRecord>();
  readonly events = new EventLog();
  /** host ports handed out to `-P` until their containers stop */
  readonly usedEphemeral = new Set<number>();
  readonly labResolve: (host: string) => string | undefined;
  /** host pids handed to container processes (the State.Pid of inspect) */
  #nextHostPid = 2300;

  constructor(options: DaemonOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.hostname = options.hostname;
    this.id = options.id;
    this.hostNs = options.hostNs;
    this.fabric = options.fabric;
    this.hostFs = options.hostFs;
    this.registry = options.registry;
    this.programs = options.programs;
    this.ncpu = options.ncpu ?? 2;
    this.memTotal = options.memTotal ?? 4_110_000_128;
    this.labResolve = options.labResolve ?? (() => undefined);
    this.started = this.instant();
    this.networks = new NetworkController(this.random, () => this.instant(), this.hostNs);
  }

  #lastInstant: Instant = { ms: 0, nano: 0 };

  /**
   * Now, with a nanosecond remainder for Docker's timestamps. Strictly increasing:
   * headless, commands take no virtual time, yet what one creates after another must
   * sort after it (ps lists newest first), as it does on a real machine.
   */
  instant(): Instant {
    const ms = this.clock.now();
    const last = this.#lastInstant;
    let t: Instant = { ms, nano: this.random.int(1_000_000) };
    if (ms < last.ms || (ms === last.ms && t.nano <= last.nano)) {
      const nano = last.nano + 1 + this.random.int(50_000);
      t = nano < 1_000_000 ? { ms: last.ms, nano } : { ms: last.ms + 1, nano: nano - 1_000_000 };
    }
    this.#lastInstant = t;
    return t;
  }

  /** The pid the next container process would get, without taking it (its parent shim in `top`). */
  nextHostPidPeek(): number {
    return this.#nextHostPid - 3;
  }

  nextHostPid(): number {
    this.#nextHostPid += 1 + this.random.int(40);
    return this.#nextHostPid;
  }

  /** moby GetContainer: full ID, exact name, then unique ID prefix. */
  getContainer(term: string): Container {
    if (term === '') throw invalidParameter('invalid name or ID supplied: ""');
    const byId = this.containers.get(term);
    if (byId) return byId;
    const byName = this.names.get(term.startsWith('/') ? term : '/' + term);
    if (byName) return this.containers.get(byName)!;
    if (/^[0-9a-f]+$/.test(term)) {
      const matches = [...this.containers.keys()].filter((id) => id.startsWith(term));
      if (matches.length > 1) throw invalidParameter(`multiple IDs found with provided prefix: ${term}`);
      if (matches.length === 1) return this.containers.get(matches[0]!)!;
    }
    throw notFound(`No such container: ${term}`);
  }

  findContainer(term: string): Container | undefined {
    try {
      return this.getContainer(term);
    } catch {
      return undefined;
    }
  }

  /** Reserve `/name` for a container (daemon/names.go). */
  reserveName(name: string, id: string): void {
    const taken = this.names.get(name);
    if (taken && taken !== id) {
      throw conflict(
        `Conflict. The container name "${name}" is already in use by container "${taken}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    this.names.set(name, id);
  }

  releaseName(name: string): void {
    this.names.delete(name);
  }

  /** An `--rm` container that exited: remove it and its anonymous volumes (daemon.autoRemove). */
  autoRemove(c: Container): void {
    if (c.removalInProgress || !this.containers.has(c.id)) return;
    c.removalInProgress = true;
    destroy(this, c, true);
  }

  /** Record a container event with the attributes moby adds (image, name, labels). */
  containerEvent(c: Container, action: string, extra: Record<string, string> = {}): void {
    const attributes: Record<string, string> = {
      ...(c.config.Labels ?? {}),
      image: c.config.Image,
      name: c.name.slice(1),
      ...extra,
    };
    this.events.log(this.instant(), 'container', action, c.id, attributes);
  }
}
