import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

async function busyLab() {
  const lab = testLab({ images: ['alpine:latest', 'nginx:latest', 'busybox:latest'] });
  await lab.docker('run -d --name sleeper alpine sleep 100000');
  await lab.docker('create --name idle nginx');
  await lab.docker('volume create data');
  const d = lab.engine.host().daemon;
  // a file in the stopped container's writable layer and in the volume
  d.getContainer('idle').fs.writeFile('/notes.txt', 'x'.repeat(2048));
  d.volumes.get('data').fs.writeFile('/db', 'y'.repeat(1500));
  await lab.sleep(3_600_000);
  return lab;
}

describe('docker system df', () => {
  it('summarises images, containers, volumes and build cache', async () => {
    const lab = await busyLab();
    const r = await lab.docker('system df');
    expect(r.status).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('testdata/df.golden');
  });

  it('-v details each kind in its own table', async () => {
    const lab = await busyLab();
    await expect((await lab.docker('system df -v')).stdout).toMatchFileSnapshot('testdata/df-verbose.golden');
  });

  it('takes templates, table templates and json', async () => {
    const lab = await busyLab();
    expect(
      (await lab.docker(['system', 'df', '--format', '{{.Type}} {{.TotalCount}} {{.Active}}'])).stdout,
    ).toBe('Images 3 2\nContainers 2 1\nLocal Volumes 1 0\nBuild Cache 0 0\n');
    expect((await lab.docker(['system', 'df', '--format', 'table {{.Type}}\t{{.TotalCount}}'])).stdout).toBe(
      'TYPE            TOTAL\nImages          3\nContainers      2\nLocal Volumes   1\nBuild Cache     0\n',
    );
    const json = (await lab.docker(['system', 'df', '--format', 'json'])).stdout.trimEnd().split('\n');
    expect(json[1]).toBe(
      '{"Active":"1","Reclaimable":"2.048kB (100%)","Size":"2.048kB","TotalCount":"2","Type":"Containers"}',
    );
    expect(json[2]).toBe(
      '{"Active":"0","Reclaimable":"1.5kB (100%)","Size":"1.5kB","TotalCount":"1","Type":"Local Volumes"}',
    );
    expect(
      (await lab.docker(['system', 'df', '-v', '--format', '{{range .Volumes}}{{.Name}}={{.Size}} {{end}}']))
        .stdout,
    ).toBe('data=1.5kB ');
    expect(await lab.docker(['system', 'df', '--format', '{{.Nope}}'])).toMatchObject({
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.diskUsageImagesContext\n',
      status: 1,
    });
  });
});
