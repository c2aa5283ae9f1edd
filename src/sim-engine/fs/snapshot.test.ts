import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_ROOT, MemFs } from './mem-fs.ts';
import { MountFs } from './mounts.ts';
import { containerLower, LayerCache, OverlayFs } from './overlay-fs.ts';
import { restoreFs, snapshotFs } from './snapshot.ts';
import type { FsSnapshot } from './snapshot.ts';
import { entriesOfFs, entriesOfTree } from './tree-entries.ts';
import { FsError } from './types.ts';
import type { FileSystem } from './types.ts';

const paths = [
  '/a',
  '/a/b',
  '/a/b/c',
  '/a/l',
  '/d',
  '/d/e',
  '/etc',
  '/etc/passwd',
  '/etc/apk',
  '/etc/apk/arch',
  '/x',
];
const pathArb = fc.constantFrom(...paths);

type Op = (fs: FileSystem, clock: { now: number }) => void;

/** An operation that prints as what it does, so counterexamples read. */
function op(text: string, fn: Op): Op {
  return Object.assign(fn, { toString: () => text });
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc
    .tuple(
      pathArb,
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      fc.option(fc.constantFrom('sh@busybox', 'nginx')),
    )
    .map(([p, data, append, program]): Op =>
      op(`writeFile ${p} ${JSON.stringify(data)} ${append} ${program}`, (fs) =>
        fs.writeFile(p, data, { append, ...(program ? { program, size: 1000, mode: 0o755 } : {}) }),
      ),
    ),
  fc
    .tuple(pathArb, fc.boolean())
    .map(([p, parents]): Op => op(`mkdir ${p} ${parents}`, (fs) => fs.mkdir(p, { parents }))),
  fc
    .tuple(pathArb, fc.boolean())
    .map(([p, recursive]): Op => op(`rm ${p} ${recursive}`, (fs) => fs.rm(p, { recursive, force: true }))),
  fc.tuple(pathArb, pathArb).map(([a, b]): Op => op(`rename ${a} ${b}`, (fs) => fs.rename(a, b))),
  fc
    .tuple(fc.constantFrom('b', '/etc', '../x', 'nowhere'), pathArb)
    .map(([t, p]): Op => op(`symlink ${t} ${p}`, (fs) => fs.symlink(t, p))),
  fc
    .tuple(pathArb, fc.constantFrom(0o600, 0o755, 0o1777))
    .map(([p, m]): Op => op(`chmod ${p} ${m.toString(8)}`, (fs) => fs.chmod(p, m))),
  fc.tuple(pathArb, fc.nat(3)).map(([p, id]): Op => op(`chown ${p} ${id}`, (fs) => fs.chown(p, id, id))),
  fc.tuple(pathArb, fc.nat(1000)).map(([p, t]): Op => op(`utimes ${p} ${t}`, (fs) => fs.utimes(p, t))),
  fc.nat(5000).map((ms): Op => op(`tick ${ms}`, (_fs, clock) => (clock.now += ms))),
);

function run(fs: FileSystem, clock: { now: number }, ops: Op[]): void {
  for (const op of ops) {
    try {
      op(fs, clock);
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
    }
  }
}

/** Everything observable: entries plus each path's full stat (link counts, sizes). */
function observe(fs: FileSystem) {
  const entries = entriesOfFs(fs);
  return { entries, stats: entries.map((e) => fs.lstat(e.path)) };
}

const cache = new LayerCache({ mtime: 1000 });
const lower = cache.tree([
  {
    id: 'l1',
    entries: [
      { path: '/etc/apk/arch', kind: 'file', data: 'x86_64' },
      { path: '/etc/passwd', kind: 'file', data: 'root' },
      { path: '/a/b', kind: 'dir' },
    ],
  },
  { id: 'l2', entries: [{ path: '/d/e', kind: 'file', data: 'e' }] },
]);

const roundTrip = (snapshot: FsSnapshot, now: () => number) =>
  restoreFs(JSON.parse(JSON.stringify(snapshot)) as FsSnapshot, {
    now,
    lower: (_ids, created) => (created === undefined ? lower : containerLower(lower, created)),
  });

describe('snapshots', () => {
  it('round-trip a MemFs after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const clock = { now: 5000 };
        const fs = new MemFs({ now: () => clock.now });
        run(fs, clock, ops);
        const restored = roundTrip(snapshotFs(fs), () => 0);
        expect(observe(restored)).toEqual(observe(fs));
        expect(snapshotFs(restored)).toEqual(snapshotFs(fs));
      }),
    );
  });

  it('round-trip an OverlayFs as its changes, with the same diff and changes after', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const clock = { now: 5000 };
        const fs = new OverlayFs(containerLower(lower, 4000), { now: () => clock.now });
        run(fs, clock, ops);
        const snapshot = snapshotFs(fs);
        expect(snapshot.type).toBe('overlay');
        const restored = roundTrip(snapshot, () => 0) as OverlayFs;
        expect(observe(restored)).toEqual(observe(fs));
        expect(restored.changes()).toEqual(fs.changes());
        expect(restored.diff()).toEqual(fs.diff());
      }),
    );
  });

  it('round-trip a MountFs, keeping referenced volumes shared', () => {
    const clock = { now: 0 };
    const volume = new MemFs();
    const fs = new MountFs(new OverlayFs(lower, { now: () => clock.now }));
    fs.mount('/data', volume);
    fs.mount('/run', new MemFs({ dirSize: 'tmpfs' }), { readOnly: true });
    fs.writeFile('/data/x', 'shared');
    fs.writeFile('/etc/passwd', 'changed');
    const snapshot = snapshotFs(fs, { ref: (f) => (f === volume ? 'vol:data' : undefined) });
    const restored = restoreFs(JSON.parse(JSON.stringify(snapshot)) as FsSnapshot, {
      lower: () => lower,
      deref: (ref) => (ref === 'vol:data' ? volume : new MemFs()),
    });
    expect(observe(restored)).toEqual(observe(fs));
    restored.writeFile('/data/y', '');
    expect(volume.readdir('/')).toEqual(['x', 'y']);
    expect(restored.stat('/run')?.size).toBe(40);
  });
});

describe('persistence', () => {
  it('never changes a frozen tree or an image tree, whatever happens after', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), fc.array(opArb, { maxLength: 20 }), (before, after) => {
        const clock = { now: 0 };
        const fs = new MemFs({ now: () => clock.now });
        run(fs, clock, before);
        const tree = fs.freeze();
        const frozen = JSON.stringify(entriesOfTree(tree.root));
        const image = JSON.stringify(entriesOfTree(lower.root));
        run(fs, clock, after);
        const container = new OverlayFs(lower, { now: () => clock.now });
        run(container, clock, after);
        expect(JSON.stringify(entriesOfTree(tree.root))).toBe(frozen);
        expect(JSON.stringify(entriesOfTree(lower.root))).toBe(image);
        expect(entriesOfTree(fs[CURRENT_ROOT]())).toEqual(entriesOfFs(fs));
        // link counts kept incrementally agree with a count of the subdirectories
        for (const e of entriesOfFs(fs)) {
          if (e.kind !== 'dir') continue;
          const subdirs = fs
            .readdir(e.path)
            .filter((n) => fs.lstat(`${e.path === '/' ? '' : e.path}/${n}`)?.kind === 'dir');
          expect(fs.lstat(e.path)?.nlink).toBe(2 + subdirs.length);
        }
      }),
    );
  });
});
