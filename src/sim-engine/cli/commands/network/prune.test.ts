import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

describe('docker network prune', () => {
  it('asks first, and removes the networks no running container uses', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('network create used');
    await lab.docker('network create unused');
    await lab.docker('network create stopped');
    await lab.docker('run -d --network used alpine sleep 1000');
    await lab.docker('create --network stopped alpine true');
    expect(await lab.docker('network prune', { stdin: 'n\n' })).toMatchObject({ stdout: WARNING, status: 0 });
    const r = await lab.docker('network prune', { stdin: 'y\n' });
    expect(r.stdout).toBe(WARNING + 'Deleted Networks:\nunused\nstopped\n\n');
    expect((await lab.docker(['network', 'ls', '--format', '{{.Name}}'])).stdout).toBe(
      'bridge\nhost\nnone\nused\n',
    );
    expect(await lab.docker('network prune -f')).toMatchObject({ out: '', status: 0 });
  });

  it('filters by label and until', async () => {
    const lab = testLab();
    await lab.docker('network create --label keep=yes kept');
    await lab.docker('network create gone');
    expect((await lab.docker('network prune -f --filter label!=keep')).stdout).toBe(
      'Deleted Networks:\ngone\n\n',
    );
    expect((await lab.docker('network prune -f --filter until=1h')).stdout).toBe('');
    await lab.sleep(2 * 3_600_000);
    expect((await lab.docker('network prune -f --filter until=1h')).stdout).toBe(
      'Deleted Networks:\nkept\n\n',
    );
    expect((await lab.docker('network prune -f --filter name=x')).stderr).toBe(
      "Error response from daemon: invalid filter 'name'\n",
    );
  });
});
