/**
 * `GET /containers/{id}/top` (moby daemon/top_unix.go): `ps -ef` on the host,
 * limited to the container's processes, with host PIDs.
 */
import type { TopResponse } from '../api/types/container.ts';
import { conflict } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';
import { isoSeconds } from './instant.ts';

export function containerTop(d: Daemon, c: Container): TopResponse {
  if (!c.isRunning) throw conflict(`container ${c.id} is not running`);
  if (c.status === 'restarting')
    throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  const procs = c.running!.processes.list();
  const hostPid = (pid: number) => (pid === 1 ? c.running!.hostPid : c.running!.hostPid + pid * 7);
  return {
    Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
    Processes: procs.map((p) => [
      p.user,
      String(hostPid(p.pid)),
      p.ppid === 0 ? String(d.nextHostPidPeek()) : String(hostPid(p.ppid)),
      '0',
      isoSeconds(p.started).slice(11, 16),
      c.config.Tty ? 'pts/0' : '?',
      '00:00:00',
      p.args,
    ]),
  };
}
