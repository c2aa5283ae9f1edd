import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTar, tarBytes, TarError } from './tar.ts';

describe('tar on the wire', () => {
  it('reads what tar(1) writes: files, directories, symlinks, long names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-tar-'));
    try {
      const long = 'd'.repeat(60) + '/' + 'f'.repeat(70) + '.txt';
      mkdirSync(join(dir, 'ctx', 'd'.repeat(60)), { recursive: true });
      writeFileSync(join(dir, 'ctx', 'Dockerfile'), 'FROM alpine\n');
      writeFileSync(join(dir, 'ctx', long), 'deep\n');
      writeFileSync(join(dir, 'ctx', 'é.txt'), 'accent\n');
      symlinkSync('Dockerfile', join(dir, 'ctx', 'link'));
      execFileSync('tar', ['--format=pax', '-cf', join(dir, 'a.tar'), '-C', join(dir, 'ctx'), '.']);
      const archive = parseTar(readFileSync(join(dir, 'a.tar')));
      const byPath = new Map(archive.entries.map((e) => [e.path, e]));
      expect(byPath.get('Dockerfile')).toMatchObject({ kind: 'file', data: 'FROM alpine\n' });
      expect(byPath.get(long)).toMatchObject({ kind: 'file', data: 'deep\n' });
      expect(byPath.get('é.txt')).toMatchObject({ kind: 'file', data: 'accent\n' });
      expect(byPath.get('link')).toMatchObject({ kind: 'symlink', target: 'Dockerfile' });
      expect(byPath.get('d'.repeat(60))).toMatchObject({ kind: 'dir' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a tar that tar(1) reads back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-tar-'));
    try {
      const long = 'x'.repeat(120);
      const bytes = tarBytes({
        entries: [
          { path: 'html', kind: 'dir', mode: 0o755 },
          {
            path: 'html/index.html',
            kind: 'file',
            data: '<h1>hi</h1>\n',
            mode: 0o644,
            mtime: 1_700_000_000_000,
          },
          { path: `html/${long}`, kind: 'file', data: 'long\n' },
          { path: 'html/latest', kind: 'symlink', target: 'index.html' },
        ],
      });
      writeFileSync(join(dir, 'b.tar'), bytes);
      const listing = execFileSync('tar', ['-tvf', join(dir, 'b.tar')], { encoding: 'utf8' });
      expect(listing).toContain('html/index.html');
      expect(listing).toContain(`html/${long}`);
      expect(listing).toMatch(/html\/latest -> index\.html/);
      execFileSync('tar', ['-xf', join(dir, 'b.tar'), '-C', dir]);
      expect(readFileSync(join(dir, 'html', 'index.html'), 'utf8')).toBe('<h1>hi</h1>\n');
      expect(readFileSync(join(dir, 'html', long), 'utf8')).toBe('long\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads back what it writes', () => {
    const entry = fc.record({
      path: fc.stringMatching(/^[a-z0-9é_-]{1,20}(\/[a-z0-9_-]{1,120})?$/),
      data: fc.string({ maxLength: 300 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.path, maxLength: 5 }), (files) => {
        const entries = files.map((f) => ({
          path: f.path,
          kind: 'file' as const,
          data: f.data,
          mode: 0o644,
        }));
        const back = parseTar(tarBytes({ entries }));
        expect(back.entries.map((e) => [e.path, e.data])).toEqual(
          entries.map((e) => [e.path, Buffer.from(e.data, 'utf8').toString('utf8')]),
        );
      }),
    );
  });

  it('any bytes are an archive or a TarError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          parseTar(Buffer.from(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(TarError);
        }
      }),
    );
    // a valid header with damaged fields
    const good = tarBytes({ entries: [{ path: 'a', kind: 'file', data: 'x'.repeat(600) }] });
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.nat(255), (at, value) => {
        const bytes = Buffer.from(good);
        bytes[at] = value;
        try {
          parseTar(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(TarError);
        }
      }),
    );
  });
});
