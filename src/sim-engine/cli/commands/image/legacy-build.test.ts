/**
 * `DOCKER_BUILDKIT=0 docker build`: the legacy client's own lines (the deprecation
 * notice, "Sending build context", byte for byte), -q, the exit status of a failed RUN,
 * and the checks it makes before sending anything.
 */
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { tarSize } from '../buildx/context.ts';

function lab(files: Record<string, string>) {
  const l = testLab({ images: ['alpine:latest'] });
  const fs = l.engine.host().fs;
  for (const [path, text] of Object.entries(files)) {
    const abs = `/root/${path}`;
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { parents: true });
    fs.writeFile(abs, text);
  }
  const legacy = (args: string) => l.docker(`build ${args}`, { env: { DOCKER_BUILDKIT: '0' } });
  return { l, legacy };
}

const NOTICE = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

describe('the legacy docker build', () => {
  it('prints the notice, the context it sends as the raw progress formatter does, then the builder', async () => {
    const { legacy } = lab({ 'app/Dockerfile': 'FROM alpine\n', 'app/a.txt': 'a\n' });
    const r = await legacy('-t app app');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(NOTICE);
    // two files: a 512-byte header and a 512-byte block each, and the two closing blocks
    expect(r.stdout).toMatch(
      /^Sending build context to Docker daemon {2}3\.072kB\r\r\nStep 1\/1 : FROM alpine\n ---> [0-9a-f]{12}\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged app:latest\n$/,
    );
  });

  it('with -q prints only the image ID; a failed build prints its log on stderr and exits with the RUN status', async () => {
    const { l, legacy } = lab({
      'ok/Dockerfile': 'FROM alpine\nENV A=1\n',
      'bad/Dockerfile': 'FROM alpine\nRUN exit 4\n',
    });
    const ok = await legacy('-q -t ok ok');
    expect(ok.stdout).toBe(`${(await l.docker('images -q --no-trunc ok')).stdout}`);
    const bad = await legacy('-q bad');
    expect(bad.status).toBe(4);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /Sending build context to Docker daemon {2}2\.048kB\r\r\nStep 1\/2 : FROM alpine\n[\s\S]*Running in [0-9a-f]{12}\nThe command '\/bin\/sh -c exit 4' returned a non-zero code: 4\n$/,
    );
  });

  it('checks the context, the Dockerfile and the tags before it sends anything', async () => {
    const { legacy } = lab({ 'empty/x.txt': 'x' });
    expect((await legacy('nope')).stderr).toBe(`${NOTICE}unable to prepare context: path "nope" not found\n`);
    expect((await legacy('empty')).stderr).toBe(
      `${NOTICE}unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /root/empty/Dockerfile: no such file or directory\n`,
    );
    const tag = await legacy('-t Hello empty');
    expect(tag.status).toBe(125);
    expect(tag.stderr).toContain(
      'invalid argument "Hello" for "-t, --tag" flag: invalid reference format: repository name (library/Hello) must be lowercase',
    );
  });

  it('reads -f from the current directory, and sends a Dockerfile outside the context in the tar', async () => {
    const { legacy } = lab({ 'ctx/a.txt': 'a', 'other.Dockerfile': 'FROM alpine\nCOPY a.txt /\n' });
    const r = await legacy('-f other.Dockerfile -t other ctx');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Step 2/2 : COPY a.txt /\n');
  });

  it('sends the Dockerfile and .dockerignore even when .dockerignore excludes them', async () => {
    const { legacy } = lab({
      'ign/Dockerfile': 'FROM alpine\nCOPY . /ctx\n',
      'ign/.dockerignore': '*\n',
      'ign/secret.txt': 's',
    });
    const r = await legacy('-t ign ign');
    expect(r.stdout).toContain('Sending build context to Docker daemon  3.072kB\r\r\n');
  });

  it('counts a tar as go-archive writes it', () => {
    expect(tarSize([])).toBe(1024);
    expect(
      tarSize([
        { path: 'd', kind: 'dir' },
        { path: 'd/f', kind: 'file', data: 'x'.repeat(513) },
        { path: 'l', kind: 'symlink', target: 'd' },
      ]),
    ).toBe(1024 + 512 + 512 + 1024 + 512);
  });
});
