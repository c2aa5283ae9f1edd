/**
 * An `env_file` of a service — docker/cli pkg/kvfile Parse as loader.parseEnvFile calls
 * it: `KEY=value` lines, blank lines and `#` comments skipped, a bare `KEY` taken from
 * the docker process's environment (and dropped when unset).
 */
import type { LoadHost } from './host.ts';

export function parseEnvFile(filename: string, host: LoadHost): string[] {
  const text = host.readFile(filename);
  const lines: string[] = [];
  const raw = text.split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  for (let i = 0; i < raw.length; i++) {
    let scanned = raw[i]!.replace(/\r$/, '');
    if (i === 0) scanned = scanned.replace(/^\ufeff/, '');
    const line = scanned.replace(/^[\s\u0085\u00a0]+/u, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const fail = (msg: string): never => {
      throw new Error(`invalid env file (${filename}): ${msg}`);
    };
    if (key === '') fail(`no variable name on line '${line}'`);
    if (/[ \t]/.test(key)) fail(`variable '${key}' contains whitespaces`);
    if (eq >= 0) {
      lines.push(line);
      continue;
    }
    const value = host.lookupEnv(line);
    if (value !== undefined) lines.push(`${key}=${value}`);
  }
  return lines;
}
