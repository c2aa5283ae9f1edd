/**
 * redis-server's configuration: a file given as first argument, then `--name value…`
 * options, over the defaults of the images (no redis.conf shipped; protected mode
 * off, as docker-library builds it). An unknown directive is the fatal config error
 * Redis prints.
 */
import type { ProcessContext } from '../../../process/types.ts';

const DEFAULTS: [string, string][] = [
  ['port', '6379'],
  ['bind', '* -::*'],
  ['protected-mode', 'no'],
  ['requirepass', ''],
  ['save', '3600 1 300 100 60 10000'],
  ['appendonly', 'no'],
  ['appendfilename', 'appendonly.aof'],
  ['appenddirname', 'appendonlydir'],
  ['dbfilename', 'dump.rdb'],
  ['loglevel', 'notice'],
  ['logfile', ''],
  ['databases', '16'],
  ['maxmemory', '0'],
  ['maxmemory-policy', 'noeviction'],
  ['timeout', '0'],
  ['tcp-keepalive', '300'],
  ['daemonize', 'no'],
  ['appendfsync', 'everysec'],
  ['maxclients', '10000'],
  ['io-threads', '1'],
  ['notify-keyspace-events', ''],
];

const IGNORED = new Set([
  'loadmodule',
  'include',
  'supervised',
  'pidfile',
  'always-show-logo',
  'tcp-backlog',
]);

export interface ConfigResult {
  config: Map<string, string>;
  file?: string;
}

export function readConfig(ctx: ProcessContext, version: string): ConfigResult | { fatal: string } {
  const config = new Map(DEFAULTS);
  config.set('dir', ctx.cwd);
  const args = ctx.argv.slice(1);
  const lines: { text: string; line: number }[] = [];
  let file: string | undefined;
  if (args[0] !== undefined && !args[0].startsWith('-')) {
    file = args.shift()!;
    let text: string;
    try {
      text = ctx.fs.readFile(file.startsWith('/') ? file : `${ctx.cwd}/${file}`);
    } catch {
      return { fatal: `Fatal error, can't open config file '${file}': No such file or directory\n` };
    }
    text.split('\n').forEach((l, i) => lines.push({ text: l, line: i + 1 }));
  }
  // `--save 60 1 --port 6380` → "save 60 1", "port 6380", numbered after the file's lines
  let current: string[] | undefined;
  const options: string[][] = [];
  for (const a of args) {
    if (a.startsWith('--')) {
      current = [a.slice(2)];
      options.push(current);
    } else if (current) current.push(a);
  }
  const base = lines.length;
  options.forEach((o, i) =>
    lines.push({
      text: o.map((w) => (w.includes(' ') || w === '' ? `"${w}"` : w)).join(' '),
      line: base + i + 1,
    }),
  );
  for (const { text, line } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const words = [...trimmed.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    const name = words[0]!.toLowerCase();
    if (IGNORED.has(name)) continue;
    if (!config.has(name) && name !== 'dir') {
      return {
        fatal:
          `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\n` +
          `Reading the configuration file, at line ${line}\n>>> '${trimmed}'\nBad directive or wrong number of arguments\n`,
      };
    }
    let value = words.slice(1).join(' ');
    if (name === 'dir' && !value.startsWith('/')) value = `${ctx.cwd}/${value}`.replace(/\/\.?$/, '');
    config.set(name, value);
  }
  return { config, ...(file ? { file } : {}) };
}

/** The save points, `[seconds, changes]`. */
export function savePoints(config: Map<string, string>): [number, number][] {
  const words = (config.get('save') ?? '').split(/\s+/).filter(Boolean);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < words.length; i += 2) out.push([Number(words[i]), Number(words[i + 1])]);
  return out;
}
