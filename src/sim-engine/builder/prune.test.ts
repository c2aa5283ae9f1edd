/**
 * The build cache as the user sees it: `docker system df`, `docker builder prune`
 * (buildx's, and docker/cli's own with DOCKER_BUILDKIT=0), `docker system prune`, and
 * the filters of `POST /build/prune`.
 */
import { describe, expect, it } from 'vitest';
import { testLab, type TestLab } from '../../../test/kit/lab.ts';
import { FilterArgs } from '../api/filters.ts';
import { DaemonError } from '../errdefs.ts';
import { matches, pruneInfo } from './prune.ts';
import type { UsageInfo } from './df.ts';

async function built(): Promise<TestLab> {
  const l = testLab({ images: ['alpine:latest'] });
  const fs = l.engine.host().fs;
  fs.mkdir('/root/app', { parents: true });
  fs.writeFile('/root/app/Dockerfile', 'FROM alpine\nRUN echo hi > /x\nCOPY a.txt /a.txt\n');
  fs.writeFile('/root/app/a.txt', 'hello\n');
  expect((await l.docker(['build', '-q', '-t', 'app', 'app'])).status).toBe(0);
  return l;
}

const rows = (out: string) => out.split('\n').filter((l) => /^[0-9a-z]{25}/.test(l));

describe('the build cache', () => {
  it('is a Build Cache row in docker system df: the base layer, each step and the context', async () => {
    const l = await built();
    const df = await l.docker('system df');
    // only the context is not shared with an image: 6 bytes of a.txt
    expect(df.stdout).toMatch(/^Build Cache\s+4\s+0\s+6B\s+6B$/m);
    const v = await l.docker(['system', 'df', '-v', '--format', 'raw']);
    expect(v.stdout).toContain('build_cache_type: source.local\ndescription: local source for context\n');
    expect(v.stdout).toContain('description: mount / from exec /bin/sh -c echo hi > /x\n');
    expect(v.stdout).toContain('description: [3/3] COPY a.txt /a.txt\n');
    expect(v.stdout).toContain('description: from local docker.io/library/alpine:latest\n');
  });

  it('docker builder prune -f removes the dangling records with buildx table and total', async () => {
    const l = await built();
    const p = await l.docker('builder prune -f');
    expect(p.status).toBe(0);
    const [header, row, total] = p.stdout.split('\n');
    expect(header).toBe('ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED');
    expect(row).toMatch(/^[0-9a-z]{25}\* {14}\ttrue \t\t6B {8}\tLess than a second ago$/);
    expect(total).toBe('Total:\t6B');
    // what an image still uses stays
    expect((await l.docker('system df')).stdout).toMatch(/^Build Cache\s+3\s+0\s+0B\s+0B$/m);
    // the steps stay cached
    const again = await l.docker(['build', '--progress=plain', '-t', 'app', 'app']);
    expect(again.stderr).toContain('#5 [2/3] RUN echo hi > /x\n#5 CACHED');
  });

  it('asks first, and prunes nothing without a yes', async () => {
    const l = await built();
    const p = await l.docker('builder prune', { stdin: 'n\n' });
    expect(p.stdout).toBe(
      'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ',
    );
    expect(p.status).toBe(0);
    const a = await l.docker('builder prune -a', { stdin: 'n\n' });
    expect(a.stdout).toBe(
      'WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] ',
    );
    expect((await l.docker('system df')).stdout).toMatch(/^Build Cache\s+4\s/m);
  });

  it('-a removes every record, children before parents, and the next build runs again', async () => {
    const l = await built();
    const p = await l.docker('builder prune -af');
    expect(rows(p.stdout)).toHaveLength(4);
    expect(p.stdout).toMatch(/^Total:\t8\.654MB\n$/m);
    expect((await l.docker('system df')).stdout).toMatch(/^Build Cache\s+0\s+0\s+0B\s+0B$/m);
    const again = await l.docker(['build', '--progress=plain', '-t', 'app', 'app']);
    expect(again.stderr).not.toContain('CACHED');
    expect(again.stderr).toContain('#5 [2/3] RUN echo hi > /x\n#5 DONE');
  });

  it('a step no image uses any more is dangling', async () => {
    const l = await built();
    await l.docker('rmi app');
    const p = await l.docker('builder prune -f');
    // the COPY first (it holds the RUN), then the RUN, and the context
    expect(rows(p.stdout)).toHaveLength(3);
    expect(p.stdout).toMatch(/Total:\t15B\n$/);
  });

  it('keeps what was used after until, and says what buildx says of bad filters', async () => {
    const l = await built();
    await l.sleep(2 * 3_600_000);
    expect((await l.docker('builder prune -f --filter until=3h')).stdout).toBe('Total:\t0B\n');
    expect(rows((await l.docker('builder prune -f --filter until=1h')).stdout)).toHaveLength(1);
    const bad = await l.docker('builder prune -f --filter until=soon');
    expect(bad.stderr).toBe(
      `ERROR: "until" filter expects a duration (e.g., '24h'): time: invalid duration "soon"\n`,
    );
    expect(bad.status).toBe(1);
    const both = await l.docker('builder prune -f --filter until=1h --filter unused-for=1h');
    expect(both.stderr).toBe('ERROR: conflicting filters "until" and "unused-for"\n');
  });

  it('DOCKER_BUILDKIT=0 runs docker/cli own builder prune', async () => {
    const l = await built();
    const p = await l.docker('builder prune -af', { env: { DOCKER_BUILDKIT: '0' } });
    expect(p.stderr).toContain('BuildKit is currently disabled');
    const lines = p.stdout.split('\n');
    expect(lines[0]).toBe('Deleted build cache objects:');
    expect(lines.slice(1, 5).every((id) => /^[0-9a-z]{25}$/.test(id))).toBe(true);
    expect(lines.slice(5)).toEqual(['', 'Total reclaimed space: 8.654MB', '']);
  });

  it('docker system prune removes the unused build cache too', async () => {
    const l = await built();
    await l.docker('rmi app');
    const p = await l.docker('system prune -f');
    expect(p.stdout).toMatch(
      /^Deleted build cache objects:\n([0-9a-z]{25}\n){3}\nTotal reclaimed space: 15B\n$/,
    );
  });

  it('answers POST /build/prune and lists records in GET /system/df as moby does', async () => {
    const l = await built();
    const d = l.engine.host().daemon;
    const api = l.engine.host().api;
    const df = await api({ method: 'GET', path: '/v1.51/system/df' });
    const records = (df.body as { BuildCache: Record<string, unknown>[] }).BuildCache;
    expect(records).toHaveLength(4);
    const step = records.find((r) => r['Description'] === '[3/3] COPY a.txt /a.txt')!;
    // moby's JSON tag for Parents has a leading space
    expect(Object.keys(step)).toEqual([
      'ID',
      ' Parents',
      'Type',
      'Description',
      'InUse',
      'Shared',
      'Size',
      'CreatedAt',
      'LastUsedAt',
      'UsageCount',
    ]);
    const r = await api({ method: 'POST', path: '/v1.51/build/prune', query: { all: '1' } });
    const alpine = d.images.all().find((i) => i.layers.length === 1)!;
    expect(r.body).toMatchObject({ SpaceReclaimed: alpine.layers[0]!.size + 3 + 6 + 6 });
    expect((r.body as { CachesDeleted: string[] }).CachesDeleted).toHaveLength(4);
    const none = await api({ method: 'POST', path: '/v1.51/build/prune' });
    expect(none.body).toEqual({ CachesDeleted: null, SpaceReclaimed: 0 });
  });
});

describe('build cache filters (toBuildkitPruneInfo, adaptUsageInfo)', () => {
  const u: UsageInfo = {
    key: 'k',
    id: 'abc123def456ghi789jkl0mno',
    parents: ['p'],
    type: 'regular',
    description: 'mount / from exec /bin/sh -c make',
    mutable: false,
    inUse: false,
    shared: false,
    size: 10,
    createdMs: 0,
    lastUsedMs: 0,
    usageCount: 1,
  };
  const sel = (f: Record<string, string[]>) =>
    pruneInfo(new FilterArgs(new Map(Object.entries(f).map(([k, v]) => [k, new Set(v)]))), 0).selectors;

  it('matches id as a regular expression, type and description exactly', () => {
    expect(matches(sel({ id: ['^abc'] }), u)).toBe(true);
    expect(matches(sel({ id: ['^zzz'] }), u)).toBe(false);
    expect(matches(sel({ type: ['regular'] }), u)).toBe(true);
    expect(matches(sel({ type: ['source.local'] }), u)).toBe(false);
    expect(matches(sel({ description: [u.description] }), u)).toBe(true);
    expect(matches(sel({ type: ['regular'], id: ['^zzz'] }), u)).toBe(false);
  });

  it('never matches inuse, shared, private or parent with a value (BuildKit gives them none)', () => {
    for (const f of ['inuse', 'shared', 'private', 'parent'])
      expect(matches(sel({ [f]: ['true'] }), { ...u, shared: true, inUse: true })).toBe(false);
    // without a value, presence counts
    expect(matches(sel({ private: [] }), u)).toBe(true);
    expect(matches(sel({ shared: [] }), u)).toBe(false);
  });

  it('refuses what moby refuses, with its words', () => {
    const err = (f: Record<string, string[]>) => {
      try {
        sel(f);
      } catch (e) {
        return e instanceof DaemonError ? e.message : String(e);
      }
      return '';
    };
    expect(err({ mutable: ['true'] })).toBe("invalid filter 'mutable'");
    expect(err({ until: ['1h'], 'unused-for': ['1h'] })).toBe(
      'conflicting filters: "until" and "unused-for"',
    );
    expect(err({ type: ['a', 'b'] })).toBe('filters expect only one value');
    expect(err({ until: ['x'] })).toMatch(
      /^"until" filter expects a duration \(e\.g\., '24h'\) or a timestamp: /,
    );
    expect(err({ label: ['a=b'] })).toBe('');
  });
});
