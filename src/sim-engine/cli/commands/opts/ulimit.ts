/** docker/cli opts/ulimit.go, with go-units ParseUlimit. */
import { parseInt10 } from './strconv.ts';

export interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

const ulimitNames = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
]);

/** units.ParseUlimit: `name=soft[:hard]` */
export function parseUlimit(val: string): Ulimit {
  const eq = val.indexOf('=');
  if (eq < 0) throw new Error(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  const limits = val.slice(eq + 1);
  if (!ulimitNames.has(name)) throw new Error(`invalid ulimit type: ${name}`);
  const parts = limits.split(':');
  if (parts.length > 2) {
    throw new Error(`too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``);
  }
  const num = (s: string) => Number(parseInt10(s, 64));
  // the hard limit is parsed first, as go-units does
  const hard0 = parts.length === 2 ? num(parts[1]!) : undefined;
  const soft = num(parts[0]!);
  const hard = hard0 ?? soft;
  if (hard !== -1) {
    if (soft === -1) {
      throw new Error(
        `ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard}`,
      );
    }
    if (soft > hard)
      throw new Error(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
  }
  return { Name: name, Soft: soft, Hard: hard };
}
