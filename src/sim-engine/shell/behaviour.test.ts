/**
 * The shells against the real ones: each case in testdata/behaviour-cases.txt was run
 * with bash 5.2, dash and BusyBox ash -c (testdata/record-behaviour.sh), and must
 * print the same here, stdout and stderr in order, then `[status]`.
 */
import { describe, expect, it } from 'vitest';
import cases from './testdata/behaviour.json' with { type: 'json' };
import { machine, run } from './testing/harness.ts';

const y = () => new Promise<void>((r) => setImmediate(r));

const FILES: Record<string, string> = {
  '/tmp/shtest/a.txt': 'alpha\n',
  '/tmp/shtest/b.txt': 'beta\n',
  '/tmp/shtest/lines.txt': 'one\ntwo\nthree\n',
  '/tmp/shtest/sub/c.log': 'gamma\n',
  '/tmp/shtest/lib.sh': 'echo sourced $1\nsrcvar=set\n',
  '/tmp/shtest/plain.sh': 'echo no shebang "$@"\n',
};

const SHELLS = [
  ['bash', 'bash', 'bash'],
  ['dash', 'dash', 'dash'],
  ['busybox', 'sh@busybox', 'sh'],
] as const;

/** Cases where the simulation knowingly differs, with the reason. */
const KNOWN: Record<string, string> = {
  // the real BusyBox ran its own cat applet; the test machine's cat is a GNU stand-in
  'busybox: cat a.txt b.txt nope.txt': 'utility message',
  // the recording host's BusyBox prefers its own applets: `command -v ls` says `ls`, not a path
  'busybox: type -t echo cd ls 2>/dev/null; echo $?': 'host applets',
  // `time` is bash's keyword; in dash and ash it is /usr/bin/time, a utility the test machine lacks
  'dash: time -p true': 'utility',
  // BusyBox 1.35 slices "${@:2:2}" oddly ("b " and ""); the simulation slices as bash does
  'busybox: set -- a b c d; echo "${@:2}" "${@:2:2}" "${*:3}"; args "${@:2:2}"': 'busybox bug',
  'busybox: time -p true': 'utility',
};

describe.each(SHELLS)('%s -c', (name, tag, argv0) => {
  for (const c of cases as { script: string; bash: string; dash: string; busybox: string }[]) {
    const known = KNOWN[`${name}: ${c.script}`];
    const test = known ? it.skip : it;
    test(JSON.stringify(c.script).slice(0, 90), async () => {
      const m = machine({ files: FILES });
      m.fs.mkdir('/tmp/shtest/empty', { parents: true });
      const options = { cwd: '/tmp/shtest', env: { PATH: '/tmp/shtest-bin:/usr/bin:/bin', HOME: '/root' } };
      let r;
      if (c.script.startsWith('#!script\n')) {
        m.fs.writeFile('/tmp/shtest/s.sh', c.script.slice(9) + '\n');
        r = await run(m, tag, [argv0, 's.sh', 'one', 'two'], y, options);
      } else if (c.script.startsWith('#!stdin\n')) {
        r = await run(m, tag, [argv0], y, { ...options, stdin: c.script.slice(8) + '\n' });
      } else r = await run(m, tag, [argv0, '-c', c.script], y, options);
      expect(`${r.out}[${r.status}]`).toBe(c[name]);
    });
  }
});
