/** A container's PID namespace, seeing the container's network namespace. */
import type { NetNamespace } from '../network/namespace.ts';
import { ProcessTable } from '../process/kernel.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

export function newProcessTable(d: Daemon, c: Container, ns: NetNamespace): ProcessTable {
  return new ProcessTable({
    clock: d.clock,
    random: d.random,
    hostname: c.config.Hostname,
    network: ns.processView(),
    programs: d.programs,
  });
}
