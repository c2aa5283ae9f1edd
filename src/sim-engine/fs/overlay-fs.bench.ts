/**
 * How cheap a container's root is: `npx node src/sim-engine/fs/overlay-fs.bench.ts`.
 * Builds a 300-file image in three layers once, then measures making an OverlayFs over
 * it, making one and writing a file (in /tmp, and in the 200-entry /usr/bin), with the
 * init layer, and reading the changes back.
 */
import type { LayerEntry } from './layer.ts';
import { containerLower, LayerCache, OverlayFs } from './overlay-fs.ts';

function imageLayers(): { id: string; entries: LayerEntry[] }[] {
  const base: LayerEntry[] = [];
  for (const dir of [
    '/bin',
    '/etc',
    '/lib',
    '/usr/bin',
    '/usr/lib',
    '/usr/share/doc',
    '/tmp',
    '/var/log',
    '/root',
  ])
    base.push({ path: dir, kind: 'dir', mtime: 0 });
  for (let i = 0; i < 200; i++)
    base.push({ path: `/usr/bin/tool${i}`, kind: 'file', mode: 0o755, program: `tool${i}`, size: 50_000 });
  for (let i = 0; i < 40; i++) base.push({ path: `/etc/conf${i}`, kind: 'file', data: `setting=${i}\n` });
  const libs: LayerEntry[] = [];
  for (let i = 0; i < 40; i++)
    libs.push({ path: `/usr/lib/lib${i}.so`, kind: 'file', data: '', size: 100_000 });
  const app: LayerEntry[] = [];
  for (let i = 0; i < 20; i++)
    app.push({ path: `/app/src/file${i}.js`, kind: 'file', data: `export const n = ${i};\n` });
  return [
    { id: 'sha256:base', entries: base },
    { id: 'sha256:libs', entries: libs },
    { id: 'sha256:app', entries: app },
  ];
}

function measure(name: string, iterations: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(iterations, 1000); i++) fn(i); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = performance.now() - start;
  const perOp = (ms * 1000) / iterations;
  console.log(
    `${name.padEnd(50)} ${Math.round(iterations / (ms / 1000))
      .toLocaleString('en-US')
      .padStart(12)} ops/s  ${perOp.toFixed(2).padStart(8)} µs/op`,
  );
}

const layers = imageLayers();
const files = layers.reduce((n, l) => n + l.entries.filter((e) => e.kind === 'file').length, 0);
const cache = new LayerCache();
const buildStart = performance.now();
const lower = cache.tree(layers);
console.log(
  `image: ${files} files in ${layers.length} layers, tree built once in ${(performance.now() - buildStart).toFixed(1)} ms`,
);

const now = () => 1_800_000_000_000;
let sink = 0;
measure('new OverlayFs', 200_000, () => {
  sink += new OverlayFs(lower, { now }).lower.layerIds.length;
});
measure('new OverlayFs + write /tmp/x', 200_000, (i) => {
  new OverlayFs(lower, { now }).writeFile('/tmp/x', `run ${i}\n`);
});
measure('new OverlayFs + write /usr/bin/new (200 entries)', 100_000, (i) => {
  new OverlayFs(lower, { now }).writeFile('/usr/bin/new', `run ${i}\n`);
});
measure('containerLower (init layer) + new OverlayFs', 100_000, (i) => {
  sink += new OverlayFs(containerLower(lower, i), { now }).lower.layerIds.length;
});
measure('new OverlayFs + write + changes() + diff()', 100_000, (i) => {
  const fs = new OverlayFs(lower, { now });
  fs.writeFile('/tmp/x', `run ${i}\n`);
  sink += fs.changes().length + fs.diff().length;
});
const one = new OverlayFs(lower, { now });
measure('stat /usr/bin/tool150 (warm container)', 500_000, () => {
  sink += one.stat('/usr/bin/tool150')!.size;
});
if (sink < 0) console.log(sink);
