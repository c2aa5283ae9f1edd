import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker volume rm', () => {
  it('removes, and reports volumes in use by any container, running or not', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('volume create a1');
    await lab.docker('volume create used');
    const id = (await lab.docker('create -v used:/data alpine true')).stdout.trim();
    const r = await lab.docker('volume rm a1 used nosuch');
    expect(r.stdout).toBe('a1\n');
    expect(r.stderr).toBe(
      `Error response from daemon: remove used: volume is in use - [${id}]\n` +
        'Error response from daemon: get nosuch: no such volume\n',
    );
    expect(r.status).toBe(1);
    expect(await lab.docker('volume rm -f nosuch')).toMatchObject({ stdout: 'nosuch\n', status: 0 });
    expect((await lab.docker('volume rm -f used')).status).toBe(1);
    await lab.docker(`rm ${id}`);
    expect(await lab.docker('volume rm used')).toMatchObject({ stdout: 'used\n', status: 0 });
  });
});
