/**
 * Whole outputs pinned as golden files (testdata/*.golden), reviewed as diffs: the
 * long, formatted texts where one wrong space matters.
 */
import { describe, expect, it } from 'vitest';
import type { ProcessInfo } from '../../process/types.ts';
import { makeFs, run, T0 } from './testing/harness.ts';
import { apk } from './packages/apk.ts';
import { apt, aptGet } from './packages/apt.ts';
import { curl } from './net/curl.ts';
import { ps } from './system/ps.ts';
import { top } from './system/top.ts';
import { ls } from './files/ls.ts';

const TRIXIE =
  'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_ID="13"\nVERSION_CODENAME=trixie\n';
const NOBLE = 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nID=ubuntu\nVERSION_ID="24.04"\nVERSION_CODENAME=noble\n';

const transcript = async (fs: ReturnType<typeof makeFs>, lines: [string, typeof aptGet][]) => {
  let out = '';
  for (const [line, program] of lines) {
    const r = await run(program, line.split(' '), { fs });
    out += `$ ${line}\n${r.stdout}${r.stderr}${r.status ? `[exit ${r.status}]\n` : ''}`;
  }
  return out;
};

const PROCS: ProcessInfo[] = [
  {
    pid: 1,
    ppid: 0,
    user: 'root',
    args: 'nginx: master process nginx -g daemon off;',
    started: T0 - 7200000,
  },
  { pid: 29, ppid: 1, user: 'nginx', args: 'nginx: worker process', started: T0 - 7200000 },
  { pid: 30, ppid: 0, user: 'root', args: 'sh', started: T0 - 60000 },
  { pid: 37, ppid: 30, user: 'root', args: 'ps aux', started: T0 },
];

describe('golden outputs', () => {
  it('apt-get on debian:trixie', async () => {
    const fs = makeFs({ '/etc/os-release': TRIXIE, '/var/lib/apt/lists/': '' });
    const out = await transcript(fs, [
      ['apt-get install -y curl', aptGet],
      ['apt-get update', aptGet],
      ['apt-get install -y curl', aptGet],
      ['apt-get install -y curl', aptGet],
    ]);
    await expect(out).toMatchFileSnapshot('testdata/apt-get-trixie.golden');
  });

  it('apt on debian:trixie and ubuntu:24.04', async () => {
    const trixie = makeFs({ '/etc/os-release': TRIXIE, '/var/lib/apt/lists/': '' });
    const noble = makeFs({ '/etc/os-release': NOBLE, '/var/lib/apt/lists/': '' });
    const out =
      (await transcript(trixie, [
        ['apt update', apt],
        ['apt install -y procps', apt],
      ])) +
      (await transcript(noble, [
        ['apt-get update', aptGet],
        ['apt-get install procps', aptGet],
        ['apt-get install -y iputils-ping', aptGet],
      ]));
    await expect(out).toMatchFileSnapshot('testdata/apt-trixie-noble.golden');
  });

  it('apk on alpine', async () => {
    const fs = makeFs({
      '/etc/alpine-release': '3.24.2\n',
      '/etc/apk/repositories':
        'https://dl-cdn.alpinelinux.org/alpine/v3.24/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.24/community\n',
    });
    const out = await transcript(fs, [
      ['apk add --no-cache curl', apk],
      ['apk add nosuchpkg', apk],
      ['apk update', apk],
      ['apk add bash procps', apk],
    ]);
    await expect(out).toMatchFileSnapshot('testdata/apk.golden');
  });

  it('curl -v and process listings', async () => {
    const page = '<!DOCTYPE html>\n<title>Welcome to nginx!</title>\n';
    const services = {
      '127.0.0.1:8080': {
        http: () => ({
          status: 200,
          headers: {
            Server: 'nginx/1.27.3',
            'Content-Type': 'text/html',
            'Content-Length': String(page.length),
          },
          body: page,
        }),
      },
    };
    const v = await run(curl, ['curl', '-v', 'localhost:8080/'], { services });
    const psAux = await run(ps, ['ps', 'aux'], { processes: PROCS, pid: 37 });
    const psEf = await run(ps, ['ps', '-ef'], { processes: PROCS, pid: 37 });
    const bb = await run(ps, ['ps'], { processes: PROCS, pid: 37, variant: 'busybox' });
    const t = await run(top, ['top', '-bn1'], { processes: PROCS, pid: 37 });
    const tb = await run(top, ['top', '-bn1'], { processes: PROCS, pid: 37, variant: 'busybox' });
    const out = [
      `$ curl -v localhost:8080/\n${v.stdout}${v.stderr}`,
      `$ ps aux\n${psAux.stdout}`,
      `$ ps -ef\n${psEf.stdout}`,
      `$ ps (busybox)\n${bb.stdout}`,
      `$ top -bn1\n${t.stdout}`,
      `$ top -bn1 (busybox)\n${tb.stdout}`,
    ].join('');
    await expect(out).toMatchFileSnapshot('testdata/curl-ps-top.golden');
  });

  it('ls -l and columns', async () => {
    const fs = makeFs({
      '/etc/hostname': 'web\n',
      '/etc/hosts': '127.0.0.1\tlocalhost\n',
      '/etc/nginx/nginx.conf': 'user nginx;\n',
    });
    fs.symlink('/proc/self/mounts', '/etc/mtab');
    fs.utimes('/etc/nginx/nginx.conf', Date.UTC(2024, 9, 2, 8, 30));
    const long = await run(ls, ['ls', '-la', '/etc'], { fs, now: T0 + 3600000 });
    const bbLong = await run(ls, ['ls', '-la', '/etc'], { fs, now: T0 + 3600000, variant: 'busybox' });
    const cols = await run(ls, ['ls', '/etc', '/root', '/tmp', '/usr'], { fs, tty: true });
    await expect(
      `$ ls -la /etc\n${long.stdout}$ ls -la /etc (busybox)\n${bbLong.stdout}$ ls (tty)\n${cols.stdout}`,
    ).toMatchFileSnapshot('testdata/ls.golden');
  });
});
