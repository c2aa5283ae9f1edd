/**
 * date (GNU coreutils and BusyBox), always UTC: `+FORMAT`, -u, -d/--date STRING
 * (`@secs`, ISO dates, relative items), -R, -I[TIMESPEC], -r FILE. Setting the clock
 * is refused, as it is in a container without CAP_SYS_TIME.
 */
import type { Program } from '../../../process/types.ts';
import { parseCommand, progName } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { resolvePath } from '../support/io.ts';
import { strftime } from '../support/time.ts';
import { parseDate } from './parse-date.ts';

const ISO: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H+00:00',
  minutes: '%Y-%m-%dT%H:%M+00:00',
  seconds: '%Y-%m-%dT%H:%M:%S+00:00',
  ns: '%Y-%m-%dT%H:%M:%S,%N+00:00',
};

export const date: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'date',
    options: [
      { key: 'u', short: 'u', long: 'utc' },
      { key: 'u', long: 'universal' },
      { key: 'd', short: 'd', long: 'date', arg: 'required' },
      { key: 'R', short: 'R', long: 'rfc-email' },
      { key: 'I', short: 'I', long: 'iso-8601', arg: 'optional' },
      { key: 'r', short: 'r', long: 'reference', arg: 'required' },
      { key: 's', short: 's', long: 'set', arg: 'required' },
      { key: 'D', short: 'D', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  let when = ctx.now();
  if (o.has('s') || parsed.operands.some((a) => !a.startsWith('+'))) {
    complain(
      ctx,
      'date',
      'cannot set date: Operation not permitted',
      "can't set date: Operation not permitted",
    );
    return 1;
  }
  if (o.has('d')) {
    const text = o.last('d')!;
    const d = parseDate(text, ctx.now());
    if (d === undefined) {
      ctx.stderr.write(`${progName(ctx, 'date')}: invalid date '${text}'\n`);
      return 1;
    }
    when = d;
  } else if (o.has('r')) {
    const st = ctx.fs.stat(resolvePath(ctx.cwd, o.last('r')!));
    if (!st) {
      complain(
        ctx,
        'date',
        `${o.last('r')}: No such file or directory`,
        `can't stat '${o.last('r')}': No such file or directory`,
      );
      return 1;
    }
    when = st.mtime;
  }
  // Differs from GNU: every zone is UTC (the images carry no zoneinfo the tools read)
  const zone = 'UTC';
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (o.has('R')) format = '%a, %d %b %Y %H:%M:%S +0000';
  if (o.has('I')) {
    const spec = o.last('I') ?? 'date';
    const f = ISO[spec];
    if (f === undefined) {
      ctx.stderr.write(`${progName(ctx, 'date')}: invalid argument '${spec}' for '--iso-8601'\n`);
      return 1;
    }
    format = f;
  }
  const plus = parsed.operands.find((a) => a.startsWith('+'));
  if (plus !== undefined) format = plus.slice(1);
  ctx.stdout.write(strftime(format, when, zone) + '\n');
  return 0;
};
