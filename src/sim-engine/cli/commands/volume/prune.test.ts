import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

const ANON =
  'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ';
const ALL =
  'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ';

describe('docker volume prune', () => {
  it('removes unused anonymous volumes only, unless --all', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('volume create named');
    const anon = (await lab.docker('volume create')).stdout.trim();
    await lab.docker('run -d --name keep -v /kept alpine sleep 1000');
    expect(await lab.docker('volume prune', { stdin: 'n\n' })).toMatchObject({ stdout: ANON, status: 0 });
    expect((await lab.docker('volume prune', { stdin: 'y\n' })).stdout).toBe(
      `${ANON}Deleted Volumes:\n${anon}\n\nTotal reclaimed space: 0B\n`,
    );
    expect((await lab.docker('volume prune -f')).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await lab.docker('volume prune -a', { stdin: 'y\n' })).stdout).toBe(
      `${ALL}Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n`,
    );
    expect((await lab.docker(['volume', 'ls', '-q'])).stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts the bytes it frees, and takes label and all filters', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('volume create --label tier=cache cache');
    await lab.docker('volume create other');
    const d = lab.engine.host().daemon;
    d.volumes.get('cache').fs.writeFile('/blob', 'x'.repeat(2048));
    expect((await lab.docker('volume prune -f --filter all=1 --filter label=tier=cache')).stdout).toBe(
      'Deleted Volumes:\ncache\n\nTotal reclaimed space: 2.048kB\n',
    );
    expect((await lab.docker('volume prune -a --filter all=1')).stderr).toBe(
      'conflicting options: cannot specify both --all and --filter all=1\n',
    );
    expect((await lab.docker('volume prune -f --filter dangling=true')).stderr).toBe(
      "Error response from daemon: invalid filter 'dangling'\n",
    );
    expect((await lab.docker('volume prune -f --filter all=maybe')).stderr).toBe(
      'Error response from daemon: invalid filter \'all\': strconv.ParseBool: parsing "maybe": invalid syntax\n',
    );
  });
});
