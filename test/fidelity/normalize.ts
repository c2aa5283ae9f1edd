// normalize.ts -- mask what legitimately varies between two runs of a transcript.
//
// A TypeScript port of the oracle's normalize.mjs (shared/oracle/normalize.mjs), kept
// behaviour-identical so that tests can normalize golden transcripts and simulator output
// without reading anything outside this repository. When the oracle's copy changes, port
// the change here and extend normalize.test.ts.
//
// Masks: sha256 digests -> <DIGEST>; SWMTKN join tokens -> <TOKEN>; 64- and 12-hex IDs -> <ID>;
// UUIDs -> <UUID> (an addition of this port: see normalizeLine); 25-char swarm object IDs
// (and their 12-char form in the first column of a table) -> <SID>;
// relative times ("5 seconds ago", "About a minute ago", "Less than a second ago", swarm's
// "less than a second ago") -> <AGO>; "Up 5 seconds" -> "Up <DUR>"; sizes ("4.27MB", "1.2kB",
// "0B") -> <SIZE>; IPv4 (with optional /mask) -> <IP>; the node hostname -> <HOST>; absolute
// timestamps in log lines -> <TIME>; docker's random container names in the NAMES column of
// `docker ps` tables -> <NAME>; runs of spaces/tabs -> one space, trailing spaces dropped;
// repeated "verify: Waiting N seconds..." lines -> one "verify: Waiting..." line; "overall
// progress: K out of N tasks" lines keep only K=0 and K=N, without repeats; consecutive
// "Creating/Updating/Removing service X" lines are sorted (the CLI prints them in random order), and
// so are consecutive "Removing network X" lines (an addition of this port: stack rm removes the
// networks in the daemon's list order, which follows their random IDs).
//
// dropOracleArtifacts additionally removes output that only the registry-less, buildx-less
// oracle machine prints: swarm's "image X could not be accessed on a registry to record its
// digest" warning block and the legacy builder's deprecation notice block.
//
// From a shell (Node >= 22.18): HOSTNAME=vm node test/fidelity/normalize.ts [--drop-oracle-artifacts] < t.txt
import { readFileSync } from 'node:fs';

export interface NormalizeOptions {
  /** The node's hostname, masked as <HOST>; defaults to $HOSTNAME or $ORACLE_HOSTNAME. */
  host?: string;
  /** Remove the blocks only the oracle machine prints (see dropOracleArtifacts). */
  dropOracleArtifacts?: boolean;
}

const envHost: string = process.env['HOSTNAME'] || process.env['ORACLE_HOSTNAME'] || '';
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';

export function normalizeLine(line: string, host: string = envHost): string {
  let s = line;
  s = s.replace(/SWMTKN-1-[0-9a-z]+-[0-9a-z]+/g, '<TOKEN>');
  s = s.replace(/sha256:[0-9a-f]{64}/g, '<DIGEST>');
  s = s.replace(/\b(file|dir):[0-9a-f]{6,64}(…)?/g, '$1:<DIGEST>$2'); // legacy-builder ADD/COPY sources
  // absolute timestamps (before IDs/numbers are touched)
  s = s.replace(
    /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}| ?UTC| [+-]\d{4} [A-Z]+)?/g,
    '<TIME>',
  );
  s = s.replace(/\b\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\b/g, '<TIME>'); // nginx/go log
  s = s.replace(new RegExp(`\\b\\d{2}/(${MONTHS})/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}`, 'g'), '<TIME>'); // access log
  s = s.replace(new RegExp(`\\b\\d{1,2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?`, 'g'), '<TIME>'); // redis
  s = s.replace(
    new RegExp(`\\b(${DAYS}) (${MONTHS}) \\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)? \\d{4}`, 'g'),
    '<TIME>',
  ); // apache
  s = s.replace(
    new RegExp(`\\b(${DAYS}), \\d{2} (${MONTHS}) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT`, 'g'),
    '<TIME>',
  ); // http Date
  s = s.replace(/signal-handler \(\d+\)/g, 'signal-handler (<TIME>)');
  // UUIDs (Engine 28's daemon ID, e.g. in BuildKit's "checksum of ref <daemon ID>::<record>"):
  // not in the oracle's normalize.mjs, whose recordings (Engine 20.10) print none
  s = s.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<UUID>');
  s = s.replace(/\b[0-9a-f]{64}\b/g, '<ID>');
  s = s.replace(/\b[0-9a-f]{12}\b/g, (m) => (/[a-f]/.test(m) && /\d/.test(m) ? '<ID>' : m));
  s = s.replace(/\b[0-9a-z]{25}\b/g, (m) => (/[a-z]/.test(m) ? '<SID>' : m));
  // swarm IDs truncated to 12 chars in the first column of service/node/task/network tables
  if (/^[0-9a-z]{12}\s+\S+\s+\S+/.test(s))
    s = s.replace(/^[0-9a-z]{12}(?=\s)/, (m) => (/[g-z]/.test(m) ? '<SID>' : m));
  // relative times and durations
  const unit = '(?:second|minute|hour|day|week|month|year)s?';
  s = s.replace(
    new RegExp(`\\b(?:[Ll]ess than a second|[Aa]bout an? ${unit}|an? ${unit}|\\d+ ${unit}) ago\\b`, 'g'),
    '<AGO>',
  );
  s = s.replace(
    new RegExp(`\\bUp (?:[Ll]ess than a second|[Aa]bout an? ${unit}|an? ${unit}|\\d+ ${unit})\\b`, 'g'),
    'Up <DUR>',
  );
  s = s.replace(/\b\d+(?:\.\d+)?\s?(?:B|kB|KB|KiB|MB|MiB|GB|GiB|TB)\b/g, '<SIZE>');
  s = s.replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g, '<IP>');
  if (host) s = s.replace(new RegExp(`(?<![\\w.-])${esc(host)}(?![\\w-])`, 'g'), '<HOST>');
  s = s.replace(/[ \t]+/g, ' ').replace(/ +$/, '');
  // random container names: last column of a `docker ps` table row
  if (/^<ID> /.test(s)) s = s.replace(/ [a-z]+_[a-z]+$/, ' <NAME>');
  return s;
}

export function dropOracleArtifacts(text: string): string {
  return text
    .replace(
      /^image \S+ could not be accessed on a registry to record\nits digest\. Each node will access \S+ independently,\npossibly leading to different nodes running different\nversions of the image\.\n\n/gm,
      '',
    )
    .replace(
      /^DEPRECATED: The legacy builder is deprecated and will be removed in a future release\.\n {12}Install the buildx component to build images with BuildKit:\n {12}https:\/\/docs\.docker\.com\/go\/buildx\/\n\n/gm,
      '',
    );
}

export function normalize(text: string, opts: NormalizeOptions = {}): string {
  if (opts.dropOracleArtifacts) text = dropOracleArtifacts(text);
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = normalizeLine(raw, opts.host ?? envHost);
    // progress: keep "0 out of N" and "N out of N"; intermediate counts depend on timing
    const pm = /^overall progress: (\d+) out of (\d+) tasks$/.exec(line);
    if (pm && ((+pm[1] > 0 && +pm[1] < +pm[2]) || out[out.length - 1] === line)) continue;
    if (
      /^verify: Waiting \d+ seconds? to verify that tasks are stable\.\.\.$/.test(line) ||
      line === 'verify: Waiting...'
    ) {
      if (out.length && out[out.length - 1] === 'verify: Waiting...') continue;
      out.push('verify: Waiting...');
      continue;
    }
    out.push(line);
  }
  // stack deploy/rm print their "Creating/Updating/Removing service" lines in random (map) order,
  // and stack rm its "Removing network" lines in the order the daemon lists the networks (by
  // random ID; an addition of this port)
  for (const kind of ['service', 'network']) {
    const re = new RegExp(`^(Creating|Updating|Removing) ${kind} `);
    for (let i = 0; i < out.length;) {
      let j = i;
      while (j < out.length && re.test(out[j])) j++;
      if (j - i > 1) out.splice(i, j - i, ...out.slice(i, j).sort());
      i = j > i ? j : i + 1;
    }
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const dropOracle = process.argv.includes('--drop-oracle-artifacts');
  process.stdout.write(normalize(readFileSync(0, 'utf8'), { dropOracleArtifacts: dropOracle }));
}
