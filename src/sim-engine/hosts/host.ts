/**
 * One node of a lab: a machine with an address on the lab network, its own file
 * system and processes, and a Docker daemon listening on its socket and on
 * tcp://NODE:2375 (as on Play with Docker).
 */
import { engineApi } from '../api/routes/index.ts';
import type { ApiTransport } from '../api/transport.ts';
import type { Clock } from '../clock.ts';
import { Daemon } from '../daemon/daemon.ts';
import type { Registry } from '../daemon/registry.ts';
import type { MemFs } from '../fs/mem-fs.ts';
import type { Fabric } from '../network/namespace.ts';
import { NetNamespace } from '../network/namespace.ts';
import { ProcessTable } from '../process/kernel.ts';
import type { ProgramRegistry } from '../process/types.ts';
import type { Random } from '../random.ts';
import { buildHostFs } from './host-fs.ts';

export interface HostOptions {
  name: string;
  ip: string;
  clock: Clock;
  random: Random;
  fabric: Fabric;
  registry: Registry;
  /** programs containers can run (coreutils, shells, image programs) */
  programs: ProgramRegistry;
  /** host-only programs (docker, lab), made for this host */
  hostPrograms: (host: Host) => ProgramRegistry;
  utilities: readonly string[];
  files?: Record<string, string>;
  labResolve: (name: string) => string | undefined;
}

export class Host {
  readonly name: string;
  readonly ip: string;
  readonly fs: MemFs;
  readonly ns: NetNamespace;
  readonly daemon: Daemon;
  readonly api: ApiTransport;
  readonly processes: ProcessTable;
  /** the machine is running (lab stop/start) */
  up = true;
  /** the machine is on the lab network (lab disconnect/connect) */
  connected = true;

  constructor(o: HostOptions) {
    this.name = o.name;
    this.ip = o.ip;
    this.fs = buildHostFs({
      hostname: o.name,
      ip: o.ip,
      now: () => o.clock.now(),
      utilities: o.utilities,
      files: o.files,
    });
    this.ns = new NetNamespace(o.name, o.fabric, { isHost: true });
    this.ns.addInterface({ ip: o.ip, segment: 'lab' });
    this.ns.resolver = (name) => o.labResolve(name);
    this.daemon = new Daemon({
      clock: o.clock,
      random: o.random,
      hostname: o.name,
      id: uuid(o.random),
      hostNs: this.ns,
      fabric: o.fabric,
      hostFs: this.fs,
      registry: o.registry,
      programs: o.programs,
      labResolve: o.labResolve,
    });
    this.api = engineApi(this.daemon);
    const hostPrograms = o.hostPrograms(this);
    this.processes = new ProcessTable({
      clock: o.clock,
      random: o.random,
      hostname: o.name,
      network: this.ns.processView(),
      programs: new Map([...o.programs, ...hostPrograms]),
      firstPid: 2,
    });
  }
}

function uuid(random: Random): string {
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
