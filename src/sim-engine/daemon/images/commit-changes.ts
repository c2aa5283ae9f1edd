/**
 * `docker commit --change …` (moby builder/dockerfile BuildFromConfig): Dockerfile
 * instructions applied to the committed config. Only the instructions that change
 * metadata are allowed — CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD,
 * STOPSIGNAL, USER, VOLUME, WORKDIR — anything else is `run is not a valid change
 * command`.
 *
 * Differs from Docker: this is a small reading of the Dockerfile syntax for one-line
 * changes (JSON and shell forms, quotes, `key=value` pairs), without the builder's
 * variable substitution or escape directive; the Dockerfile builder will replace it.
 */
import type { ContainerConfig, HealthConfig } from '../../api/types/container.ts';
import { invalidParameter } from '../../errdefs.ts';
import { parseGoDuration } from '../../golang/duration.ts';

const VALID = new Set([
  'cmd',
  'entrypoint',
  'healthcheck',
  'env',
  'expose',
  'label',
  'onbuild',
  'stopsignal',
  'user',
  'volume',
  'workdir',
]);

/** The instructions of `changes` (joined with newlines, as the builder joins them), in order. */
function instructions(changes: string): { cmd: string; rest: string }[] {
  const out: { cmd: string; rest: string }[] = [];
  let pending = '';
  for (const raw of changes.split('\n')) {
    const line = pending + raw;
    if (line.endsWith('\\')) {
      pending = line.slice(0, -1);
      continue;
    }
    pending = '';
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const m = /^(\S+)\s*(.*)$/.exec(trimmed)!;
    out.push({ cmd: m[1]!.toLowerCase(), rest: m[2]! });
  }
  return out;
}

/** Shell-like words: quotes group, backslash escapes (the Dockerfile's word rules). */
export function words(s: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s"'\\]|\\.)+)/g;
  let current = '';
  let last = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const piece = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!.replace(/\\(.)/g, '$1'));
    if (last === m.index) current += piece;
    else {
      if (last !== -1) out.push(current);
      current = piece;
    }
    last = re.lastIndex;
  }
  if (last !== -1) out.push(current);
  return out;
}

/** A JSON array of strings, or undefined for the shell form. */
function jsonForm(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(rest);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // not JSON: the shell form
  }
  return undefined;
}

function pairs(cmd: string, rest: string): [string, string][] {
  const ws = words(rest);
  if (ws.length === 0) throw invalidParameter(`${cmd.toUpperCase()} requires at least one argument`);
  if (!ws[0]!.includes('=')) {
    // the legacy `ENV key value` form
    if (cmd === 'env' && ws.length >= 2)
      return [
        [
          ws[0]!,
          rest
            .trim()
            .slice(rest.trim().indexOf(' ') + 1)
            .trim(),
        ],
      ];
    throw invalidParameter(`${cmd.toUpperCase()} names can not be blank`);
  }
  return ws.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw invalidParameter(`${cmd.toUpperCase()} names can not be blank`);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}

function shellForm(config: ContainerConfig, rest: string): string[] {
  return jsonForm(rest) ?? [...(config.Shell ?? ['/bin/sh', '-c']), rest];
}

export function applyChanges(config: ContainerConfig, changes: readonly string[]): ContainerConfig {
  if (changes.length === 0) return config;
  const list = instructions(changes.join('\n'));
  for (const { cmd } of list) {
    if (!VALID.has(cmd)) throw invalidParameter(`${cmd} is not a valid change command`);
  }
  const c = JSON.parse(JSON.stringify(config)) as ContainerConfig;
  let cmdSet = false;
  for (const { cmd, rest } of list) {
    switch (cmd) {
      case 'cmd':
        c.Cmd = shellForm(c, rest);
        cmdSet = true;
        break;
      case 'entrypoint':
        c.Entrypoint = shellForm(c, rest);
        // an ENTRYPOINT resets a CMD inherited from before (dispatchers.go)
        if (!cmdSet) c.Cmd = null;
        break;
      case 'env':
        for (const [k, v] of pairs(cmd, rest)) {
          const env = (c.Env ?? []).filter((e) => e.split('=')[0] !== k);
          const at = (c.Env ?? []).findIndex((e) => e.split('=')[0] === k);
          if (at >= 0) env.splice(at, 0, `${k}=${v}`);
          else env.push(`${k}=${v}`);
          c.Env = env;
        }
        break;
      case 'label':
        c.Labels = { ...(c.Labels ?? {}) };
        for (const [k, v] of pairs(cmd, rest)) c.Labels[k] = v;
        break;
      case 'expose':
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const p of words(rest)) c.ExposedPorts[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
        break;
      case 'volume':
        c.Volumes = { ...(c.Volumes ?? {}) };
        for (const v of jsonForm(rest) ?? words(rest)) c.Volumes[v] = {};
        break;
      case 'workdir': {
        const dir = words(rest)[0] ?? '';
        const base = c.WorkingDir || '/';
        c.WorkingDir = normalize(dir.startsWith('/') ? dir : `${base}/${dir}`);
        break;
      }
      case 'user':
        c.User = words(rest)[0] ?? '';
        break;
      case 'stopsignal':
        c.StopSignal = words(rest)[0] ?? '';
        break;
      case 'onbuild':
        c.OnBuild = [...(c.OnBuild ?? []), rest];
        break;
      case 'healthcheck':
        c.Healthcheck = healthcheck(rest);
        break;
    }
  }
  return c;
}

function healthcheck(rest: string): HealthConfig {
  let r = rest.trim();
  const health: HealthConfig = {};
  for (let m = /^--([a-z-]+)=(\S+)\s*/.exec(r); m; m = /^--([a-z-]+)=(\S+)\s*/.exec(r)) {
    const [, flag, value] = m;
    if (flag === 'retries') health.Retries = Number(value);
    else {
      const key = {
        interval: 'Interval',
        timeout: 'Timeout',
        'start-period': 'StartPeriod',
        'start-interval': 'StartInterval',
      }[flag!];
      if (!key) throw invalidParameter(`Unknown flag: ${flag}`);
      (health as Record<string, number>)[key] = goDuration(value!);
    }
    r = r.slice(m[0].length);
  }
  const [word, ...more] = r.split(/\s+/);
  if (word?.toUpperCase() === 'NONE') return { Test: ['NONE'] };
  if (word?.toUpperCase() !== 'CMD')
    throw invalidParameter(`Unknown type "${word ?? ''}" in HEALTHCHECK (try CMD)`);
  const cmdText = more.join(' ');
  const json = jsonForm(cmdText);
  return { Test: json ? ['CMD', ...json] : ['CMD-SHELL', cmdText], ...health };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** A HEALTHCHECK option's duration in nanoseconds, with the builder's error for a bad one. */
function goDuration(value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw invalidParameter(err instanceof Error ? err.message : String(err));
  }
}
