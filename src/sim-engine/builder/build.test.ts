/**
 * `docker build` end to end: the CLI reads the lab folder, the daemon builds with
 * BuildKit's rules, and what was built runs. Each test writes a context on node1's
 * host and drives the docker CLI there.
 */
import { describe, expect, it } from 'vitest';
import { testLab, type TestLab } from '../../../test/kit/lab.ts';

function lab(files: Record<string, string>): TestLab {
  const l = testLab({ images: ['alpine:latest'] });
  const fs = l.engine.host().fs;
  for (const [path, text] of Object.entries(files)) {
    const abs = `/root/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { parents: true });
    fs.writeFile(abs, text);
  }
  return l;
}

const plain = ['build', '--progress=plain'];

describe('docker build', () => {
  it('runs RUN against the layer file system, and the image runs what was built', async () => {
    const l = lab({ 'app/Dockerfile': 'FROM alpine\nRUN mkdir /app && echo hi > /app/x\n' });
    const b = await l.docker(['build', '-q', '-t', 'img', 'app']);
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const r = await l.docker('run --rm img cat /app/x');
    expect(r.out).toBe('hi\n');
  });

  it('makes a layer for RUN, COPY, ADD and WORKDIR only, with BuildKit history rows', async () => {
    const l = lab({
      'app/Dockerfile':
        'FROM alpine\nENV A=1\nWORKDIR /app\nCOPY f.txt .\nRUN echo x > y\nLABEL k=v\nEXPOSE 80\nCMD ["sh"]\n',
      'app/f.txt': 'file\n',
    });
    expect((await l.docker(['build', '-q', '-t', 'img', 'app'])).status).toBe(0);
    const base = await l.docker(['image', 'inspect', '-f', '{{len .RootFS.Layers}}', 'alpine']);
    const built = await l.docker(['image', 'inspect', '-f', '{{len .RootFS.Layers}}', 'img']);
    expect(Number(built.stdout)).toBe(Number(base.stdout) + 3);
    const h = await l.docker(['history', '--format', '{{.CreatedBy}}|{{.Comment}}', 'img']);
    expect(h.stdout.split('\n').slice(0, 7)).toEqual([
      'CMD ["sh"]|buildkit.dockerfile.v0',
      'EXPOSE [80/tcp]|buildkit.dockerfile.v0',
      'LABEL k=v|buildkit.dockerfile.v0',
      'RUN /bin/sh -c echo x > y # buildkit|buildkit.dockerfile.v0',
      'COPY f.txt . # buildkit|buildkit.dockerfile.v0',
      'WORKDIR /app|buildkit.dockerfile.v0',
      'ENV A=1|buildkit.dockerfile.v0',
    ]);
    const c = await l.docker(['image', 'inspect', '-f', '{{json .Config}}', 'img']);
    const config = JSON.parse(c.stdout) as Record<string, unknown>;
    expect(config['Env']).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'A=1',
    ]);
    expect(config['WorkingDir']).toBe('/app');
    expect(config['ExposedPorts']).toEqual({ '80/tcp': {} });
    expect(config['Labels']).toEqual({ k: 'v' });
    expect(config['Cmd']).toEqual(['sh']);
  });

  it('reuses cached steps, makes the same image again, and misses from a changed file on', async () => {
    const l = lab({
      'app/Dockerfile': 'FROM alpine\nRUN echo one > /one\nCOPY f.txt /f\nRUN cat /f > /g\n',
      'app/f.txt': 'v1\n',
    });
    const first = await l.docker(['build', '-q', 'app']);
    const again = await l.docker([...plain, 'app']);
    expect(again.stderr).toMatch(/#\d+ \[2\/4\] RUN echo one > \/one\n#\d+ CACHED/);
    expect(again.stderr).toMatch(/#\d+ \[4\/4\] RUN cat \/f > \/g\n#\d+ CACHED/);
    expect(again.stderr).toContain(`writing image ${first.stdout.trim()}`);
    l.engine.host().fs.writeFile('/root/app/f.txt', 'v2\n');
    const changed = await l.docker([...plain, 'app']);
    expect(changed.stderr).toMatch(/\[2\/4\] RUN echo one > \/one\n#\d+ CACHED/);
    expect(changed.stderr).not.toMatch(/\[3\/4\] COPY f.txt \/f\n#\d+ CACHED/);
    expect(changed.stderr).not.toMatch(/\[4\/4\] RUN cat \/f > \/g\n#\d+ CACHED/);
    const noCache = await l.docker([...plain, '--no-cache', 'app']);
    expect(noCache.stderr).not.toContain('CACHED');
  });

  it('combines CMD and ENTRYPOINT as the Dockerfile reference table says', async () => {
    const cases: [string, string, { Cmd?: string[]; Entrypoint?: string[] }][] = [
      ['', 'CMD ["exec_cmd", "p1_cmd"]', { Cmd: ['exec_cmd', 'p1_cmd'] }],
      ['', 'CMD exec_cmd p1_cmd', { Cmd: ['/bin/sh', '-c', 'exec_cmd p1_cmd'] }],
      ['ENTRYPOINT exec_entry p1_entry', '', { Entrypoint: ['/bin/sh', '-c', 'exec_entry p1_entry'] }],
      ['ENTRYPOINT ["exec_entry", "p1_entry"]', '', { Entrypoint: ['exec_entry', 'p1_entry'] }],
      [
        'ENTRYPOINT ["exec_entry", "p1_entry"]',
        'CMD ["exec_cmd", "p1_cmd"]',
        { Entrypoint: ['exec_entry', 'p1_entry'], Cmd: ['exec_cmd', 'p1_cmd'] },
      ],
      [
        'ENTRYPOINT ["exec_entry", "p1_entry"]',
        'CMD exec_cmd p1_cmd',
        { Entrypoint: ['exec_entry', 'p1_entry'], Cmd: ['/bin/sh', '-c', 'exec_cmd p1_cmd'] },
      ],
    ];
    for (const [entry, cmd, want] of cases) {
      // CMD after ENTRYPOINT: an ENTRYPOINT resets an inherited (alpine's) CMD, not this one
      const l = lab({ 'app/Dockerfile': `FROM alpine\n${entry}\n${cmd}\n` });
      expect((await l.docker(['build', '-q', '-t', 'img', 'app'])).status).toBe(0);
      const out = await l.docker([
        'image',
        'inspect',
        '-f',
        '{{json .Config.Entrypoint}}|{{json .Config.Cmd}}',
        'img',
      ]);
      const [e, c] = out.stdout.trim().split('|');
      expect(JSON.parse(e!), `${entry} / ${cmd}`).toEqual(want.Entrypoint ?? null);
      expect(JSON.parse(c!), `${entry} / ${cmd}`).toEqual(want.Cmd ?? (entry ? null : ['/bin/sh']));
    }
  });

  it('runs with the built config: args replace CMD, --entrypoint replaces ENTRYPOINT, WORKDIR and USER apply', async () => {
    const l = lab({
      'app/Dockerfile':
        'FROM alpine\nWORKDIR /srv\nRUN echo content > file\nUSER nobody\nENTRYPOINT ["cat"]\nCMD ["file"]\n',
    });
    expect((await l.docker(['build', '-q', '-t', 'img', 'app'])).status).toBe(0);
    expect((await l.docker('run --rm img')).out).toBe('content\n');
    expect((await l.docker('run --rm img /etc/hostname')).status).toBe(0);
    expect((await l.docker('run --rm --entrypoint pwd img')).out).toBe('/srv\n');
    expect((await l.docker('run --rm --entrypoint id img')).out).toContain('uid=65534(nobody)');
  });

  it('leaves out what .dockerignore excludes, and keeps its exceptions', async () => {
    const l = lab({
      'app/Dockerfile': 'FROM alpine\nCOPY . /ctx\nRUN ls -A /ctx\n',
      'app/.dockerignore': '*.log\nsecret/\n!keep.log\n',
      'app/a.txt': 'a',
      'app/debug.log': 'x',
      'app/keep.log': 'k',
      'app/secret/key': 'k',
    });
    const b = await l.docker([...plain, '-t', 'img', 'app']);
    expect(b.status).toBe(0);
    const ls = await l.docker('run --rm img ls -A /ctx');
    expect(ls.out.split('\n').filter(Boolean).sort()).toEqual([
      '.dockerignore',
      'Dockerfile',
      'a.txt',
      'keep.log',
    ]);
  });

  it('builds multi-stage files: COPY --from a stage, --target, ARG before FROM and ${VAR:-default}', async () => {
    const l = lab({
      'app/Dockerfile': [
        'ARG BASE=alpine',
        'FROM ${BASE} AS build',
        'ARG NAME',
        'RUN mkdir /out && echo "hello ${NAME:-world}" > /out/msg',
        'FROM alpine',
        'COPY --from=build /out/msg /msg',
        'CMD ["cat", "/msg"]',
        '',
      ].join('\n'),
    });
    expect((await l.docker(['build', '-q', '-t', 'img', 'app'])).status).toBe(0);
    expect((await l.docker('run --rm img')).out).toBe('hello world\n');
    expect((await l.docker(['build', '-q', '--build-arg', 'NAME=you', '-t', 'img2', 'app'])).status).toBe(0);
    expect((await l.docker('run --rm img2')).out).toBe('hello you\n');
    expect((await l.docker(['build', '-q', '--target', 'build', '-t', 'stage', 'app'])).status).toBe(0);
    expect((await l.docker('run --rm stage cat /out/msg')).out).toBe('hello world\n');
  });

  it('fails as BuildKit does: a failing RUN, a missing COPY source, a parse error', async () => {
    const l = lab({
      'run/Dockerfile': 'FROM alpine\nRUN exit 3\n',
      'copy/Dockerfile': 'FROM alpine\nCOPY nope.txt /\n',
      'parse/Dockerfile': 'FROM alpine\nFORM x\n',
    });
    const run = await l.docker([...plain, 'run']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    );
    expect(run.stderr).toContain(' > [2/2] RUN exit 3:');
    const copy = await l.docker([...plain, 'copy']);
    expect(copy.status).toBe(1);
    expect(copy.stderr).toMatch(
      /failed to calculate checksum of ref [0-9a-f-]{36}::[a-z0-9]{25}: "\/nope.txt": not found/,
    );
    const parse = await l.docker([...plain, 'parse']);
    expect(parse.status).toBe(1);
    expect(parse.stderr).toContain(
      'dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)',
    );
    expect((await l.docker('images -q')).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('names the image with every -t and leaves no container behind', async () => {
    const l = lab({ 'app/Dockerfile': 'FROM alpine\nRUN touch /x\n' });
    const b = await l.docker(['build', '--progress=plain', '-t', 'a:1', '-t', 'b:2', 'app']);
    expect(b.stderr).toContain('naming to docker.io/library/a:1 done');
    expect(b.stderr).toContain('naming to docker.io/library/b:2 done');
    const images = await l.docker(['images', '--format', '{{.Repository}}:{{.Tag}}']);
    expect(images.stdout.split('\n').filter(Boolean).sort()).toEqual(['a:1', 'alpine:latest', 'b:2']);
    expect((await l.docker('ps -aq')).stdout).toBe('');
  });

  it('gives (healthy) on the clock for a HEALTHCHECK that passes', async () => {
    const l = lab({
      'app/Dockerfile': 'FROM alpine\nHEALTHCHECK --interval=1s CMD true\nCMD ["sleep", "100"]\n',
    });
    expect((await l.docker(['build', '-q', '-t', 'img', 'app'])).status).toBe(0);
    expect((await l.docker('run -d --name hc img')).status).toBe(0);
    expect((await l.docker(['ps', '--format', '{{.Status}}'])).stdout).toContain('(health: starting)');
    await l.sleep(2500);
    expect((await l.docker(['ps', '--format', '{{.Status}}'])).stdout).toContain('(healthy)');
  });

  it('runs package managers in RUN and keeps what they install', async () => {
    const l = testLab({ images: ['alpine:latest', 'python:3.12-slim', 'node:20-alpine'] });
    const fs = l.engine.host().fs;
    const files: Record<string, string> = {
      'apk/Dockerfile': 'FROM alpine\nRUN apk add --no-cache curl\n',
      'py/Dockerfile': 'FROM python:3.12-slim\nRUN pip install flask\n',
      'js/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install\n',
      'js/package.json': '{"name":"a","version":"1.0.0","dependencies":{"express":"^4.18.2"}}\n',
    };
    for (const [path, text] of Object.entries(files)) {
      fs.mkdir(`/root/${path.slice(0, path.indexOf('/'))}`, { parents: true });
      fs.writeFile(`/root/${path}`, text);
    }
    const apk = await l.docker([...plain, '-t', 'apk', 'apk']);
    expect(apk.stderr).toMatch(/Installing curl/);
    expect((await l.docker('run --rm apk curl --version')).out).toMatch(/^curl \d/);
    const py = await l.docker([...plain, '-t', 'py', 'py']);
    expect(py.stderr).toMatch(/Successfully installed .*flask/i);
    expect((await l.docker(['run', '--rm', 'py', 'python', '-c', 'import flask; print("ok")'])).out).toBe(
      'ok\n',
    );
    const js = await l.docker([...plain, '-t', 'js', 'js']);
    expect(js.stderr).toMatch(/added \d+ packages/);
    expect((await l.docker('run --rm js ls node_modules/express/package.json')).status).toBe(0);
  });
});
