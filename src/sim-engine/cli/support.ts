/**
 * docker/cli's hideUnsupportedFeatures and isSupported (cmd/docker/docker.go): what
 * the daemon says of itself on `/_ping` (API version, OS, experimental, swarm role)
 * hides flags and commands from help, and refuses those it cannot serve.
 */
import type { ServerInfo } from '../api/client.ts';
import { compareVersions } from '../api/version.ts';
import type { Command } from './command.ts';
import type { FlagSpec, FlagValues } from './flags.ts';

export interface Hider {
  flag(f: FlagSpec): boolean;
  command(c: Command): boolean;
}

function swarmHides(info: ServerInfo, v: string): boolean {
  if (!info.swarm) return false;
  if (v === 'manager') return !info.swarm.controlAvailable;
  if (v === 'active') return info.swarm.nodeState === 'inactive';
  return false;
}

/** The predicates of hideUnsupportedFeatures, or undefined when the daemon is unknown. */
export function hiderFor(info: ServerInfo | undefined): Hider | undefined {
  if (!info) return undefined;
  const hides = (a: Record<string, string | string[] | undefined>): boolean => {
    const one = (k: string) => {
      const v = a[k];
      return Array.isArray(v) ? (v[0] ?? '') : v;
    };
    if (one('experimental') !== undefined && !info.hasExperimental) return true;
    const os = one('ostype');
    if (os !== undefined && info.osType !== '' && os !== info.osType) return true;
    const swarm = one('swarm');
    if (swarm !== undefined && swarmHides(info, swarm)) return true;
    const version = one('version');
    if (version !== undefined && version !== '' && compareVersions(info.apiVersion, version) < 0) return true;
    return false;
  };
  return {
    flag: (f) => !!f.annotations && hides(f.annotations),
    command: (c) => !!c.spec.annotations && hides(c.spec.annotations),
  };
}

/** isSupported: the command (or its parents) and the flags set must be served by this daemon. */
export function unsupported(
  cmd: Command,
  values: FlagValues,
  info: ServerInfo | undefined,
): string | undefined {
  if (!info) return undefined;
  for (let c: Command | undefined = cmd; c; c = c.parent) {
    const a = c.spec.annotations ?? {};
    if (a['version'] && compareVersions(info.apiVersion, a['version']) < 0) {
      return `${cmd.commandPath} requires API version ${a['version']}, but the Docker daemon API version is ${info.apiVersion}`;
    }
    if (a['ostype'] && info.osType !== '' && a['ostype'] !== info.osType) {
      return `${cmd.commandPath} is only supported on a Docker daemon running on ${a['ostype']}, but the Docker daemon is running on ${info.osType}`;
    }
    if (a['experimental'] !== undefined && !info.hasExperimental) {
      return `${cmd.commandPath} is only supported on a Docker daemon with experimental features enabled`;
    }
  }
  const errors: string[] = [];
  if (values.changed.size === 0) return undefined;
  for (let i = 0; i < cmd.flags.length; i++) {
    const f = cmd.flags[i]!;
    if (!values.has(f.name) || !f.annotations) continue;
    const version = f.annotations['version']?.[0];
    const os = f.annotations['ostype']?.[0];
    if (version && compareVersions(info.apiVersion, version) < 0) {
      errors.push(
        `"--${f.name}" requires API version ${version}, but the Docker daemon API version is ${info.apiVersion}`,
      );
    } else if (os && os !== info.osType) {
      errors.push(
        `"--${f.name}" is only supported on a Docker daemon running on ${os}, but the Docker daemon is running on ${info.osType}`,
      );
    } else if (f.annotations['experimental'] && !info.hasExperimental) {
      errors.push(`"--${f.name}" is only supported on a Docker daemon with experimental features enabled`);
    }
  }
  return errors.length > 0 ? errors.join('\n') : undefined;
}
