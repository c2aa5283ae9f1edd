import { describe, expect, it } from 'vitest';
import { utilities } from './index.ts';
import { DEBIAN_FILES, ALPINE_FILES } from './packages/package-files.ts';

describe('the registry', () => {
  it('names each program once', () => {
    const names = utilities.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
  });
  it('runs every program a package installs', () => {
    const registered = new Set(utilities.map(([name]) => name));
    // programs of other registries (runtime/programs, the shells)
    const external = new Set([
      'python3',
      'node',
      'npm',
      'bash',
      'psql',
      'mysql',
      'redis-cli',
      'gosu',
      'tini',
      'pip',
      'redis-server',
      'pg_wrapper',
      'dumb-init',
    ]);
    for (const files of [...Object.values(DEBIAN_FILES), ...Object.values(ALPINE_FILES)]) {
      for (const f of files) {
        if (f.tag === undefined) continue;
        const name = f.tag.split('@')[0]!;
        if (!external.has(name)) expect(registered, `${f.path} (${f.tag})`).toContain(name);
      }
    }
  });
});
