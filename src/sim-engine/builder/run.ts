/**
 * A RUN step: the command runs in a throwaway sandbox — the step's file system (an
 * overlay over the layers so far), its own PID namespace with the hostname
 * `buildkitsandbox`, the build's environment, WORKDIR and USER — and what it changed
 * becomes the step's layer. No container is created: BuildKit's executor runs the
 * process directly, so `docker ps -a` and the event log never see it.
 */
import type { Daemon } from '../daemon/daemon.ts';
import { containerEnvironment, resolveUser } from '../daemon/user.ts';
import type { LayerEntry } from '../fs/layer.ts';
import type { OverlayFs } from '../fs/overlay-fs.ts';
import { ProcessTable } from '../process/kernel.ts';
import { asGoLookPath, execFailure } from '../runtime/oci-errors.ts';

/** BuildKit bind-mounts these into every RUN (executor/oci/mounts.go); they are never in a layer. */
const BIND_MOUNTED = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);

/** What a sandbox costs before the command's first instruction (runc create + start). */
const START_MS = 60;

export interface RunStep {
  /** the step's file system: what the command changes is the step's layer */
  fs: OverlayFs;
  argv: string[];
  /** the build's environment at this step: image ENV and the stage's ARGs */
  env: readonly string[];
  cwd: string;
  user: string;
  onOutput: (stream: 1 | 2, text: string) => void;
}

export type RunResult =
  { ok: true; changes: LayerEntry[] } | { ok: false; exitCode?: number; message: string };

export async function runStep(d: Daemon, step: RunStep): Promise<RunResult> {
  const fs = step.fs;
  const user = resolveUser(fs, step.user);
  if ('error' in user) return { ok: false, message: user.error };
  const env = containerEnvironment([...step.env], 'buildkitsandbox', false, user.home);
  // BuildKit's executor does not set HOSTNAME (runc gives the hostname, not the variable)
  if (!step.env.some((e) => e.startsWith('HOSTNAME='))) env.delete('HOSTNAME');
  const cwd = step.cwd || '/';
  if (!fs.stat(cwd)) fs.mkdir(cwd, { parents: true });
  await d.clock.sleep(START_MS);
  const table = new ProcessTable({
    clock: d.clock,
    random: d.random,
    hostname: 'buildkitsandbox',
    network: d.hostNs.processView(),
    programs: d.programs,
  });
  const started = table.exec(step.argv, {
    fs,
    env,
    cwd,
    user: { name: user.name, uid: user.uid, gid: user.gid },
    stdout: { write: (t) => step.onOutput(1, t) },
    stderr: { write: (t) => step.onOutput(2, t) },
  });
  if (!started.ok) {
    const name = step.argv[0] ?? '';
    return {
      ok: false,
      message: `runc run failed: unable to start container process: error during container init: ${execFailure(name, asGoLookPath(fs, name, started.resolution))}`,
    };
  }
  const status = await started.proc.wait();
  table.killAll('SIGKILL');
  if (status !== 0) return { ok: false, exitCode: status, message: '' };
  return { ok: true, changes: fs.changes().filter((e) => !BIND_MOUNTED.has(e.path.replace(/^\/?/, '/'))) };
}
