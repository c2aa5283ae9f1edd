/**
 * Differential test: the same commands, on the same files, through the real GNU tools
 * (coreutils, grep, sed, findutils, mawk) and BusyBox of the machine running the tests,
 * and through the simulation. Skipped where those tools are missing. The only accepted
 * differences are orders the real tools take from the disk or a hash table.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { makeFs, run } from './testing/harness.ts';
import { utilities } from './index.ts';

const FILES: Record<string, string> = {
  'w.txt': 'one two\nthree four five\n\nsix\n',
  'nums.txt': '10\n9\n100\n-3\n2.5\n1e2\n',
  'csv.txt': 'name,age,city\nbob,30,paris\nalice,25,berlin\nbob,30,paris\ncarol,35,rome\n',
  'log.txt': 'INFO start\nWARN disk low\nERROR failed to connect\nINFO retry\nERROR timeout\n',
  'dup.txt': 'a\na\nb\nc\nc\nc\nA\n',
};
const CMDS: string[][] = [
  ['wc', 'w.txt'],
  ['wc', '-l', 'w.txt', 'csv.txt'],
  ['wc', '-w', 'w.txt'],
  ['wc', '-c', 'log.txt'],
  ['sort', 'nums.txt'],
  ['sort', '-n', 'nums.txt'],
  ['sort', '-rn', 'nums.txt'],
  ['sort', '-g', 'nums.txt'],
  ['sort', '-t,', '-k2n', 'csv.txt'],
  ['sort', '-u', 'dup.txt'],
  ['sort', '-f', 'dup.txt'],
  ['sort', '-t,', '-k3', '-k1', 'csv.txt'],
  ['uniq', 'dup.txt'],
  ['uniq', '-c', 'dup.txt'],
  ['uniq', '-d', 'dup.txt'],
  ['uniq', '-u', 'dup.txt'],
  ['uniq', '-ic', 'dup.txt'],
  ['cut', '-d,', '-f1,3', 'csv.txt'],
  ['cut', '-c1-3', 'log.txt'],
  ['cut', '-d', ' ', '-f2-', 'log.txt'],
  ['cut', '-f2', 'csv.txt'],
  ['cut', '-s', '-f2', 'csv.txt'],
  ['grep', 'ERROR', 'log.txt'],
  ['grep', '-c', 'INFO', 'log.txt'],
  ['grep', '-n', '-i', 'error', 'log.txt'],
  ['grep', '-v', 'INFO', 'log.txt'],
  ['grep', '-o', '[A-Z]\\+', 'log.txt'],
  ['grep', '-E', 'WARN|ERROR', 'log.txt', 'w.txt'],
  ['grep', '-w', 'start', 'log.txt'],
  ['grep', '-A1', 'WARN', 'log.txt'],
  ['grep', '-B1', '-n', 'retry', 'log.txt'],
  ['grep', '-C1', 'timeout', 'log.txt'],
  ['grep', '-l', 'o', 'log.txt', 'w.txt', 'csv.txt'],
  ['grep', '-L', 'bob', 'log.txt', 'csv.txt'],
  ['grep', '-x', 'six', 'w.txt'],
  ['grep', '-h', 'a', 'csv.txt', 'dup.txt'],
  ['grep', '-m1', 'INFO', 'log.txt'],
  ['grep', '^[a-c].*,3[0-9],', 'csv.txt'],
  ['grep', '-F', '.', 'nums.txt'],
  ['grep', 'x\\{2\\}', 'w.txt'],
  ['grep', '-E', '(ab|o){1,}', 'w.txt'],
  ['sed', 's/o/0/g', 'w.txt'],
  ['sed', '-n', '2,3p', 'log.txt'],
  ['sed', '/^$/d', 'w.txt'],
  ['sed', '1d;$d', 'csv.txt'],
  ['sed', '-E', 's/([a-z]+),([0-9]+)/\\2:\\1/', 'csv.txt'],
  ['sed', 's/\\(INFO\\) \\(.*\\)/[\\1] \\2/', 'log.txt'],
  ['sed', '=', 'dup.txt'],
  ['sed', '-n', '/WARN/,/INFO/p', 'log.txt'],
  ['sed', 'y/abc/ABC/', 'dup.txt'],
  ['sed', '2i\\inserted', 'w.txt'],
  ['sed', '$a end', 'w.txt'],
  ['sed', 'N;s/\\n/ /', 'dup.txt'],
  ['sed', '-n', '$p', 'log.txt'],
  ['sed', 's/a/X/2', 'csv.txt'],
  ['sed', '0~2d', 'dup.txt'],
  ['sed', 's/.*/\\U&/', 'w.txt'],
  ['sed', '/ERROR/!d', 'log.txt'],
  ['sed', '3q', 'log.txt'],
  ['sed', 'G', 'dup.txt'],
  ['head', '-n2', 'log.txt'],
  ['head', '-c10', 'log.txt'],
  ['head', '-n', '-2', 'log.txt'],
  ['tail', '-n2', 'log.txt'],
  ['tail', '-n', '+3', 'log.txt'],
  ['tail', '-c5', 'log.txt'],
  ['head', '-n1', 'log.txt', 'w.txt'],
  ['tail', '-n1', 'log.txt', 'w.txt'],
  ['tr', 'a-z', 'A-Z'],
  ['tr', '-d', 'aeiou'],
  ['tr', '-s', 'a-z'],
  ['tr', '-c', 'a-z\\n', '_'],
  ['tr', '[:lower:]', '[:upper:]'],
  ['seq', '5'],
  ['seq', '2', '3', '11'],
  ['seq', '-s,', '1', '4'],
  ['seq', '-w', '8', '11'],
  ['seq', '1', '0.5', '3'],
  ['seq', '5', '-1', '1'],
  ['printf', '%s-%d\\n', 'a', '1', 'b', '2'],
  ['printf', '%5s|%-5s|%05.1f\\n', 'ab', 'cd', '3.14159'],
  ['printf', '%x %o %X %e\\n', '255', '8', '255', '12345.678'],
  ['printf', '%c%c\\n', 'hello', 'world'],
  ['printf', '%b\\n', 'a\\tb'],
  ['printf', '%%|%10.3s|\\n', 'abcdef'],
  ['printf', '%i %g %g\\n', '42', '0.0001', '1000000'],
  ['cat', '-n', 'w.txt'],
  ['cat', '-b', 'w.txt'],
  ['cat', '-A', 'w.txt'],
  ['cat', '-s', 'w.txt'],
  ['nl', 'w.txt'],
  ['tac', 'dup.txt'],
  ['paste', '-d:', 'dup.txt', 'w.txt'],
  ['paste', '-s', 'dup.txt'],
  ['rev', 'dup.txt'],
  ['awk', '{print $2}', 'log.txt'],
  ['awk', '-F,', 'NR>1 {s+=$2} END {print s/(NR-1)}', 'csv.txt'],
  ['awk', '{print NF, length($0)}', 'w.txt'],
  ['awk', '$1 ~ /^E/ {print NR": "$0}', 'log.txt'],
  ['awk', 'BEGIN{OFS="|"} {$1=$1; print}', 'w.txt'],
  ['awk', '{a[$1]++} END {for (k in a) print k, a[k]}', 'dup.txt'],
  ['awk', 'length > 5', 'log.txt'],
  ['awk', '{printf "%-6s %3d\\n", $1, NR}', 'log.txt'],
  ['awk', 'NR%2', 'dup.txt'],
  ['awk', '{ print toupper(substr($0,1,1)) substr($0,2) }', 'log.txt'],
  ['expr', '7', '%', '3'],
  ['expr', 'abc', ':', 'a\\(.\\)'],
  ['base64', 'w.txt'],
  ['od', '-c', 'dup.txt'],
  ['md5sum', 'w.txt'],
  ['sha1sum', 'w.txt'],
  ['sha256sum', 'w.txt'],
  ['basename', '/a/b/c.txt', '.txt'],
  ['dirname', 'a/b/'],
  ['echo', '-e', 'a\\tb\\x41'],
  ['echo', '-n', 'x'],
  ['ls', '-a'],
  ['ls', '-1', 'sub'],
  ['ls', '-R'],
  ['ls', '-S'],
  ['ls', '-d', 'sub', 'w.txt'],
  ['ls', 'nope'],
  ['ls', '-z'],
  ['ls', '--all=x'],
  ['ls', '-F'],
  ['ls', '-p'],
  ['find', '.', '-name', '*.txt'],
  ['find', '.', '-type', 'd'],
  ['find', 'sub', '-maxdepth', '0'],
  ['find', '.', '-empty'],
  ['find', '.', '-path', './sub/*'],
  ['find', '.', '-size', '+0', '-name', 'd*'],
  ['find', '.', '!', '-name', '*.txt', '-type', 'f'],
  ['find', 'nope'],
  ['stat', '-c', '%n %s %F %a %A', 'w.txt', 'sub'],
  ['du', '-a', 'sub'],
  ['du', '-s', '.'],
  ['head', '-z'],
  ['sort', '--bogus'],
  ['grep'],
  ['grep', '-P'],
  ['sed'],
  ['cut', '-f'],
  ['wc', '--lines=3'],
  ['tail', '-n'],
  ['cat', '-q'],
  ['uniq', '-x'],
  ['seq'],
  ['seq', '1', 'x'],
  ['tr', 'a'],
  ['basename'],
  ['mkdir'],
  ['rm'],
  ['cp', 'w.txt'],
  ['touch'],
  ['chmod', 'x', 'w.txt'],
  ['env', '-z'],
  ['printf'],
  ['sleep'],
  ['date', '-d', 'garbage'],
  ['id', 'nosuchuser'],
  ['head', '-n', 'x', 'w.txt'],
  ['sort', '-k', '0'],
  ['date', '-u', '-d', '@1000000000'],
  ['date', '-u', '-d', '@1000000000', '+%A %B %j %U %V %u %w %y %C %I %p %l %k %e %D %T %R %r %s'],
  ['date', '-u', '-d', '2024-02-29 13:45:00', '+%F %T'],
];
const exe = Object.fromEntries(utilities);

const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
// directory order (ext4 hashes names) and mawk's array order are not the simulation's sorted ones
const ORDER_ONLY = new Set([
  'find . -name *.txt',
  'find . -path ./sub/*',
  'du -a sub',
  'awk {a[$1]++} END {for (k in a) print k, a[k]} dup.txt',
]);
const sorted = (t: string) => t.split('\n').sort().join('\n');

describe.skipIf(!have('busybox') || !have('mawk'))('differential', () => {
  it('matches GNU tools and BusyBox', async () => {
    const dir = fs.mkdtempSync('/tmp/dockyard-diff-');
    const simFiles: Record<string, string> = {};
    for (const [n, t] of Object.entries(FILES)) {
      fs.writeFileSync(`${dir}/${n}`, t);
      simFiles[`/dt/${n}`] = t;
    }
    fs.mkdirSync(`${dir}/sub`);
    fs.writeFileSync(`${dir}/sub/deep.txt`, 'deep\n');
    fs.writeFileSync(`${dir}/sub/empty`, '');
    simFiles['/dt/sub/deep.txt'] = 'deep\n';
    simFiles['/dt/sub/empty'] = '';
    let bad = 0;
    for (const cmd of CMDS) {
      const stdin = cmd[0] === 'tr' ? FILES['log.txt']! : '';
      const real = spawnSync(cmd[0] === 'awk' ? 'mawk' : cmd[0]!, cmd.slice(1), {
        cwd: dir,
        input: stdin,
        env: { LC_ALL: 'C', PATH: process.env.PATH, TZ: 'UTC' },
      });
      const sim = await run(exe[cmd[0]!]!, cmd, {
        fs: makeFs(simFiles),
        cwd: '/dt',
        stdin,
        variant: cmd[0] === 'awk' ? 'mawk' : 'gnu',
      });
      const rOut = real.stdout.toString();
      const rErr = real.stderr.toString().replace(/^mawk:/gm, 'awk:');
      const key = cmd.join(' ');
      const same = ORDER_ONLY.has(key) ? sorted(rOut) === sorted(sim.stdout) : rOut === sim.stdout;
      if (!same || rErr !== sim.stderr || real.status !== sim.status) {
        bad++;
        console.log(
          `--- ${cmd.join(' ')}\nREAL(${real.status}): ${JSON.stringify(rOut + rErr)}\nSIM (${sim.status}): ${JSON.stringify(sim.stdout + sim.stderr)}`,
        );
      }
    }

    let bbBad = 0;
    const skip = new Set([
      'printf',
      'md5sum',
      'sha1sum',
      'sha256sum',
      'awk',
      'rev',
      'nl',
      'paste',
      'base64',
      'od',
      'tac',
      'expr',
      'echo',
    ]);
    for (const cmd of CMDS) {
      if (skip.has(cmd[0]!)) continue;
      const stdin = cmd[0] === 'tr' ? FILES['log.txt']! : '';
      const real = spawnSync('busybox', cmd, {
        cwd: dir,
        input: stdin,
        env: { LC_ALL: 'C', PATH: process.env.PATH, TZ: 'UTC' },
      });
      const sim = await run(exe[cmd[0]!]!, cmd, {
        fs: makeFs(simFiles),
        cwd: '/dt',
        stdin,
        variant: 'busybox',
      });
      const norm = (t: string) => t.replace(/BusyBox v[^\n]*/g, 'BANNER');
      const rOut = real.stdout.toString();
      const rErr = norm(real.stderr.toString());
      if (rErr.includes('applet not found')) continue;
      const same = ORDER_ONLY.has(cmd.join(' ')) ? sorted(rOut) === sorted(sim.stdout) : rOut === sim.stdout;
      if (!same || rErr !== norm(sim.stderr) || real.status !== sim.status) {
        bbBad++;
        console.log(
          `--- BB ${cmd.join(' ')}\nREAL(${real.status}): ${JSON.stringify((rOut + rErr).slice(0, 400))}\nSIM (${sim.status}): ${JSON.stringify((sim.stdout + norm(sim.stderr)).slice(0, 400))}`,
        );
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    expect(bad).toBe(0);
    expect(bbBad).toBe(0);
  });
});
