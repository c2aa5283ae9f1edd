import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { diskUsageTypes, systemDiskUsage } from './df.ts';

describe('systemDiskUsage (GET /system/df)', () => {
  it('sums each shared layer once, and counts shared sizes and containers per image', async () => {
    const lab = testLab({ images: ['nginx:latest', 'alpine:latest'] });
    await lab.docker('create --name c1 alpine');
    const d = lab.engine.host().daemon;
    const du = systemDiskUsage(d, diskUsageTypes([]));
    const sizes = d.images.all().map((i) => i.size);
    // nginx and alpine share no layer: the layers are both images' sizes
    expect(du.LayersSize).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(du.Images!.map((i) => [i.RepoTags[0], i.Containers, i.SharedSize])).toEqual(
      expect.arrayContaining([
        ['alpine:latest', 1, 0],
        ['nginx:latest', 0, 0],
      ]),
    );
    expect(du.BuildCache).toEqual([]);
  });

  it("measures a container's writable layer and a volume's files", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name wr alpine');
    await lab.docker('volume create data');
    const d = lab.engine.host().daemon;
    const c = d.getContainer('wr');
    c.fs.writeFile('/hello.txt', 'hello\n');
    c.fs.mkdir('/work');
    c.fs.writeFile('/work/x', 'abc');
    d.volumes.get('data').fs.writeFile('/a', '12345');
    const du = systemDiskUsage(d, diskUsageTypes([]));
    const [w] = du.Containers!;
    expect(w!.SizeRw).toBe(9);
    expect(w!.SizeRootFs).toBe(9 + d.images.all()[0]!.size);
    expect(du.Volumes!.map((v) => [v.Name, v.UsageData])).toEqual([['data', { RefCount: 0, Size: 5 }]]);
  });

  it('computes only the kinds asked for, and refuses unknown ones', () => {
    const d = testLab().engine.host().daemon;
    const du = systemDiskUsage(d, diskUsageTypes(['volume']));
    expect(du).toEqual({ LayersSize: 0, Images: null, Containers: null, Volumes: [], BuildCache: null });
    expect(() => diskUsageTypes(['layers'])).toThrow('unknown object type: layers');
  });
});
