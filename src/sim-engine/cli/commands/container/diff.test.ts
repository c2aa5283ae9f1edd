import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker diff', () => {
  it('lists what the container added, changed and deleted, not the files dockerd mounts', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name web -w /app alpine sleep 1000');
    expect((await lab.docker('diff web')).out).toBe('A /app\n');
    const fs = lab.engine.host().daemon.getContainer('web').fs;
    fs.rm('/etc/motd', {});
    fs.writeFile('/etc/hosts', '10.0.0.1 db\n', { append: true });
    fs.writeFile('/root/notes.txt', 'x\n');
    expect((await lab.docker('container diff web')).out).toBe(
      'A /app\nC /etc\nD /etc/motd\nC /root\nA /root/notes.txt\n',
    );
  });

  it('prints nothing for an untouched container and fails for a missing one', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run --name r1 alpine echo hi');
    expect(await lab.docker('diff r1')).toMatchObject({ out: '', status: 0 });
    expect((await lab.docker('diff nothere')).stderr).toBe(
      'Error response from daemon: No such container: nothere\n',
    );
  });
});
