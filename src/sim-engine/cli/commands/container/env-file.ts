/**
 * docker/cli opts/file.go and envfile.go: `--env-file` and `--label-file` read from
 * the host, `KEY=value` lines, `#` comments, bare names taken from the client's
 * environment (and left out when unset).
 */
import type { DockerCli } from '../../docker-cli.ts';
import { ConfigError } from './config-error.ts';

function parseKeyValueFile(
  cli: DockerCli,
  filename: string,
  lookup: ((name: string) => string | undefined) | undefined,
): string[] {
  let text: string;
  const path = filename.startsWith('/') ? filename : `${cli.cwd === '/' ? '' : cli.cwd}/${filename}`;
  try {
    const st = cli.fs.stat(path);
    if (st?.kind === 'dir') throw new ConfigError(`read ${filename}: is a directory`);
    text = cli.fs.readFile(path);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`open ${filename}: no such file or directory`);
  }
  const out: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^[ \t\r\n\v\f]+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq >= 0 ? line.slice(0, eq) : line.replace(/\r$/, '');
    if (/\s/.test(name)) throw new ConfigError(`variable '${name}' contains whitespaces`);
    if (name === '') throw new ConfigError(`no variable name on line '${raw}'`);
    if (eq >= 0) out.push(line.replace(/\r$/, ''));
    else if (lookup) {
      const v = lookup(name);
      if (v !== undefined) out.push(`${name}=${v}`);
    } else out.push(name);
    void i;
  });
  return out;
}

/** opts.ReadKVEnvStrings: files first, then the flags, bare names from the environment. */
export function readKVEnvStrings(cli: DockerCli, files: string[], override: string[]): string[] | null {
  const lookup = (name: string) => cli.env.get(name);
  const out: string[] = [];
  for (const f of files) {
    try {
      out.push(...parseKeyValueFile(cli, f, lookup));
    } catch (err) {
      if (err instanceof ConfigError && err.message.includes('contains whitespaces')) {
        throw new ConfigError(`poorly formatted environment: ${err.message}`);
      }
      throw err;
    }
  }
  for (const e of override) {
    if (e.includes('=')) out.push(e);
    else {
      const v = lookup(e);
      out.push(v === undefined ? e : `${e}=${v}`);
    }
  }
  return out.length > 0 ? out : null;
}

/** opts.ReadKVStrings for labels; the result is a map as the API takes it. */
export function readKVStrings(cli: DockerCli, files: string[], override: string[]): Record<string, string> {
  const lines: string[] = [];
  for (const f of files) lines.push(...parseKeyValueFile(cli, f, undefined));
  lines.push(...override);
  const out: Record<string, string> = {};
  for (const l of lines) {
    const eq = l.indexOf('=');
    out[eq >= 0 ? l.slice(0, eq) : l] = eq >= 0 ? l.slice(eq + 1) : '';
  }
  return out;
}
