import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

/** Two commits to the same tag leave the first image dangling. */
async function danglingLab() {
  const lab = testLab({ images: ['alpine:latest', 'nginx:latest'] });
  const d = lab.engine.host().daemon;
  for (const [name, text] of [
    ['c1', '1\n'],
    ['c2', '2\n'],
  ] as const) {
    await lab.docker(`create --name ${name} alpine`);
    d.getContainer(name).fs.writeFile('/f', text);
    await lab.docker(`commit ${name} work:v1`);
  }
  return lab;
}

describe('docker image prune', () => {
  it('removes dangling images and the layers only they had', async () => {
    const lab = await danglingLab();
    expect((await lab.docker('images --filter dangling=true -q')).out.trim().split('\n')).toHaveLength(1);
    const r = await lab.docker('image prune -f');
    expect(r.out).toMatch(
      /^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\ndeleted: sha256:[0-9a-f]{64}\n\nTotal reclaimed space: 2B\n$/,
    );
    expect((await lab.docker('images --filter dangling=true -q')).out).toBe('');
    expect((await lab.docker('image prune -f')).out).toBe('Total reclaimed space: 0B\n');
  });

  it('asks first, and a no (or no answer) cancels quietly', async () => {
    const lab = await danglingLab();
    const r = await lab.docker('image prune');
    expect(r).toMatchObject({
      out: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      status: 0,
    });
    const all = await lab.docker('image prune -a', { stdin: 'n\n' });
    expect(all.out).toBe(
      'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ',
    );
    const yes = await lab.docker('image prune', { stdin: 'y\n' });
    expect(yes.out).toMatch(/\[y\/N\] Deleted Images:\n/);
  });

  it('with -a removes every image no container uses, untagging the rest', async () => {
    const lab = await danglingLab();
    await lab.docker('tag alpine a1');
    const r = await lab.docker('image prune -a -f');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Deleted Images:');
    expect(lines).toContain('untagged: work:v1');
    expect(lines).toContain('untagged: nginx:latest');
    // alpine is used by c1 and c2: it loses all its names but the last one
    expect(lines).toContain('untagged: a1:latest');
    expect(r.out).toMatch(/\n\nTotal reclaimed space: 169\.\dMB\n$/);
    expect((await lab.docker(['images', '-a', '--format', '{{.Repository}}:{{.Tag}}'])).out).toBe(
      'alpine:latest\n',
    );
  });

  it('filters by label and until, and rejects other filters', async () => {
    const lab = testLab({ images: ['alpine:latest', 'nginx:latest'] });
    expect((await lab.docker(['image', 'prune', '-a', '-f', '--filter', 'label=maintainer'])).out).toMatch(
      /^Deleted Images:\nuntagged: nginx:latest\n/,
    );
    expect((await lab.docker(['image', 'prune', '-a', '-f', '--filter', 'until=2026-01-01'])).out).toBe(
      'Total reclaimed space: 0B\n',
    );
    expect((await lab.docker(['image', 'prune', '-f', '--filter', 'bogus=1'])).stderr).toBe(
      "Error response from daemon: invalid filter 'bogus'\n",
    );
  });
});
