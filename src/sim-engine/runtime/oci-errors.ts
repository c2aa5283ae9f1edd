/**
 * What containerd and runc (as shipped with Docker 28: containerd 1.7, runc 1.3) say
 * when a container's or an exec's command cannot be started. The docker CLI decides
 * its exit status from these texts (127 for "executable file not found" / "no such
 * file or directory", 126 for "permission denied"), so the words matter.
 */
import type { Resolution } from '../process/types.ts';

/** Why the runtime could not exec `name`, as runc reports it. */
export function execFailure(name: string, resolution: Extract<Resolution, { ok: false }>): string {
  switch (resolution.error) {
    case 'ENOENT':
      return name.includes('/')
        ? `exec: "${name}": stat ${name}: no such file or directory`
        : `exec: "${name}": executable file not found in $PATH`;
    case 'EACCES':
      return `exec: "${name}": permission denied`;
    case 'EISDIR':
      return `exec: "${name}": is a directory`;
    case 'ENOEXEC':
      return `exec format error`;
  }
}

/** The daemon's error for a container that could not start (moby daemon/errors.go setExitCodeFromError). */
export function startFailure(
  name: string,
  resolution: Extract<Resolution, { ok: false }>,
): { message: string; exitCode: number } {
  let message = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execFailure(name, resolution)}: unknown`;
  let exitCode = 127;
  if (resolution.error === 'EACCES') exitCode = 126;
  if (resolution.error === 'EISDIR') {
    // moby appends "permission denied" so the CLI exits 126 (Go 1.20 reports EISDIR)
    message += ': permission denied';
    exitCode = 126;
  }
  if (resolution.error === 'ENOEXEC') exitCode = 128;
  return { message, exitCode };
}

/** The daemon's error for an exec that could not start (the same setExitCodeFromError rules). */
export function execStartFailure(
  name: string,
  resolution: Extract<Resolution, { ok: false }>,
): { message: string; exitCode: number } {
  let message = `OCI runtime exec failed: exec failed: unable to start container process: ${execFailure(name, resolution)}: unknown`;
  let exitCode = resolution.error === 'EACCES' ? 126 : 127;
  if (resolution.error === 'EISDIR') {
    message += ': permission denied';
    exitCode = 126;
  }
  return { message, exitCode };
}

/**
 * runc looks executables up with Go's exec.LookPath, which (since Go 1.20) says EISDIR
 * for a directory where execve would say EACCES.
 */
export function asGoLookPath(
  fs: { stat(path: string): { kind: string } | undefined },
  name: string,
  resolution: Extract<Resolution, { ok: false }>,
): Extract<Resolution, { ok: false }> {
  return name.includes('/') && fs.stat(name)?.kind === 'dir'
    ? { ...resolution, error: 'EISDIR' }
    : resolution;
}
