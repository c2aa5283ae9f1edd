import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker volume ls', () => {
  it('lists driver and name, naturally sorted', async () => {
    const lab = testLab();
    for (const v of ['vol10', 'vol2', 'Vol1']) await lab.docker(`volume create ${v}`);
    expect((await lab.docker('volume ls')).stdout).toBe(
      'DRIVER    VOLUME NAME\nlocal     Vol1\nlocal     vol2\nlocal     vol10\n',
    );
    expect((await lab.docker('volume ls -q')).stdout).toBe('Vol1\nvol2\nvol10\n');
    expect(
      (
        await lab.docker([
          'volume',
          'ls',
          '--format',
          '{{.Name}} {{.Scope}} {{.Mountpoint}} {{.Links}} {{.Size}}',
        ])
      ).stdout,
    ).toContain('vol2 local /var/lib/docker/volumes/vol2/_data N/A N/A\n');
    const json = JSON.parse(
      (await lab.docker(['volume', 'ls', '-f', 'name=Vol1', '--format', 'json'])).stdout,
    );
    expect(json).toEqual({
      Availability: 'N/A',
      Driver: 'local',
      Group: 'N/A',
      Labels: '',
      Links: 'N/A',
      Mountpoint: '/var/lib/docker/volumes/Vol1/_data',
      Name: 'Vol1',
      Scope: 'local',
      Size: 'N/A',
      Status: 'N/A',
    });
    expect((await lab.docker('volume ls --cluster')).stdout).toBe(
      'VOLUME NAME   GROUP     DRIVER    AVAILABILITY   STATUS\n',
    );
  });

  it('filters by dangling, name, driver and label', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('volume create --label env=prod used');
    await lab.docker('volume create spare');
    await lab.docker('create -v used:/data alpine true');
    const names = async (f: string) => (await lab.docker(['volume', 'ls', '-q', '--filter', f])).stdout;
    expect(await names('dangling=true')).toBe('spare\n');
    expect(await names('dangling=0')).toBe('used\n');
    expect(await names('name=^sp')).toBe('spare\n');
    expect(await names('driver=local')).toBe('spare\nused\n');
    expect(await names('driver=other')).toBe('');
    expect(await names('label=env=prod')).toBe('used\n');
    expect(await names('label=env')).toBe('used\n');
    expect((await lab.docker('volume ls -f dangling=maybe')).stderr).toBe(
      "Error response from daemon: invalid filter 'dangling=[maybe]'\n",
    );
    expect((await lab.docker('volume ls -f until=1h')).stderr).toBe(
      "Error response from daemon: invalid filter 'until'\n",
    );
  });
});
