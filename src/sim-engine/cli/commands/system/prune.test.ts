import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';
import { confirmationMessage } from './prune.ts';

describe('docker system prune', () => {
  it('asks first, and a no (or no answer) cancels quietly', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name stopped alpine');
    const r = await lab.docker('system prune', { stdin: 'n\n' });
    expect(r).toMatchObject({
      stdout:
        'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      status: 0,
    });
    expect((await lab.docker(['ps', '-aq'])).stdout).not.toBe('');
  });

  it('names what -a, --volumes and the filters add', () => {
    expect(
      confirmationMessage({
        all: true,
        volumes: true,
        filters: [
          { name: 'label', value: 'env=test' },
          { name: 'until', value: '24h' },
          { name: 'label!', value: 'keep' },
        ],
      }),
    ).toBe(
      'WARNING! This will remove:\n' +
        '  - all stopped containers\n' +
        '  - all networks not used by at least one container\n' +
        '  - all anonymous volumes not used by at least one container\n' +
        '  - all images without at least one container associated to them\n' +
        '  - all build cache\n\n' +
        '  Items to be pruned will be filtered with:\n' +
        '  - label!=keep\n' +
        '  - label=env=test\n' +
        '  - until=24h\n\n' +
        'Are you sure you want to continue?',
    );
  });

  it('prunes containers, networks, then images, and totals the space', async () => {
    const lab = testLab({ images: ['alpine:latest', 'busybox:latest'] });
    const keep = (await lab.docker('run -d --name keep alpine sleep 1000')).stdout.trim();
    const gone = (await lab.docker('create --name gone alpine')).stdout.trim();
    await lab.docker('network create unused');
    await lab.docker('volume create named');
    const r = await lab.docker('system prune -f');
    expect(r.stdout).toBe(
      `Deleted Containers:\n${gone}\n\nDeleted Networks:\nunused\n\nTotal reclaimed space: 0B\n`,
    );
    expect((await lab.docker(['ps', '-aq', '--no-trunc'])).stdout).toBe(`${keep}\n`);

    const all = await lab.docker('system prune -af --volumes');
    // busybox has no container; named volumes stay (API ≥ 1.42 prunes anonymous ones only)
    expect(all.stdout).toMatch(/^Deleted Images:\nuntagged: busybox:latest\n/);
    expect(all.stdout).toMatch(/\n\nTotal reclaimed space: 4\.431MB\n$/);
    expect((await lab.docker('volume ls -q')).stdout).toBe('named\n');
  });

  it('refuses until with --volumes before asking', async () => {
    expect(await testLab().docker('system prune --volumes --filter until=1h')).toMatchObject({
      stdout: '',
      stderr: 'ERROR: The "until" filter is not supported with "--volumes"\n',
      status: 1,
    });
  });
});
