import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemFs } from '../fs/mem-fs.ts';
import { execArgv, parseShebang, parseTag, resolveExecutable } from './resolve.ts';

function image(): MemFs {
  const fs = new MemFs();
  for (const d of ['/bin', '/usr/bin', '/usr/local/bin', '/etc', '/app']) fs.mkdir(d, { parents: true });
  fs.writeFile('/bin/busybox', '', { mode: 0o755, program: 'busybox@alpine', size: 800000 });
  fs.symlink('/bin/busybox', '/bin/sh');
  fs.symlink('/bin/busybox', '/bin/ls');
  fs.writeFile('/usr/bin/env', '', { mode: 0o755, program: 'env@busybox' });
  fs.writeFile('/usr/local/bin/entry.sh', '#!/bin/sh -e\nexec "$@"\n', { mode: 0o755 });
  fs.writeFile('/usr/local/bin/envscript', '#!/usr/bin/env sh\necho\n', { mode: 0o755 });
  fs.writeFile('/usr/local/bin/noexec', 'echo hi\n', { mode: 0o644 });
  fs.writeFile('/usr/local/bin/plain', 'echo hi\n', { mode: 0o755 });
  fs.writeFile('/usr/local/bin/bashy', '#!/bin/bash\necho\n', { mode: 0o755 });
  fs.writeFile('/usr/local/bin/nested', '#!/usr/local/bin/entry.sh\n', { mode: 0o755 });
  fs.writeFile('/app/run', '', { mode: 0o700, program: 'node' });
  return fs;
}

const PATH = '/usr/local/bin:/usr/bin:/bin';

describe('resolveExecutable', () => {
  const fs = image();

  it('finds tagged programs in PATH order, through symlinks', () => {
    expect(resolveExecutable(fs, 'ls', PATH)).toEqual({ ok: true, path: '/bin/ls', tag: 'busybox@alpine' });
    expect(resolveExecutable(fs, 'env', PATH)).toMatchObject({ ok: true, path: '/usr/bin/env' });
  });

  it('takes a name with a slash as a path, relative to the cwd', () => {
    expect(resolveExecutable(fs, './run', PATH, '/app')).toEqual({ ok: true, path: './run', tag: 'node' });
    expect(resolveExecutable(fs, '/app/run', '')).toMatchObject({ ok: true, tag: 'node' });
    expect(resolveExecutable(fs, 'run', PATH, '/app')).toMatchObject({ ok: false, error: 'ENOENT' });
    expect(resolveExecutable(fs, 'run', ':/bin', '/app')).toMatchObject({ ok: true, path: 'run' });
  });

  it('gives EACCES for directories and files without an x bit, ENOENT when missing', () => {
    expect(resolveExecutable(fs, '/etc', PATH)).toEqual({ ok: false, error: 'EACCES', path: '/etc' });
    expect(resolveExecutable(fs, 'noexec', PATH)).toEqual({
      ok: false,
      error: 'EACCES',
      path: '/usr/local/bin/noexec',
    });
    expect(resolveExecutable(fs, 'nope', PATH)).toEqual({ ok: false, error: 'ENOENT', path: 'nope' });
    expect(resolveExecutable(fs, '', PATH)).toMatchObject({ ok: false, error: 'ENOENT' });
  });

  it('keeps searching past EACCES, as execvp does', () => {
    fs.writeFile('/usr/bin/noexec', '', { mode: 0o755, program: 'later' });
    expect(resolveExecutable(fs, 'noexec', PATH)).toMatchObject({ ok: true, tag: 'later' });
    fs.rm('/usr/bin/noexec');
  });

  it('runs scripts by their interpreter, taking its tag', () => {
    const r = resolveExecutable(fs, 'entry.sh', PATH);
    expect(r).toEqual({
      ok: true,
      path: '/usr/local/bin/entry.sh',
      tag: 'busybox@alpine',
      interpreters: [{ path: '/bin/sh', arg: '-e' }],
    });
    if (!r.ok) throw new Error('unreachable');
    expect(execArgv(r, ['entry.sh', 'nginx', '-g'])).toEqual([
      '/bin/sh',
      '-e',
      '/usr/local/bin/entry.sh',
      'nginx',
      '-g',
    ]);
    const env = resolveExecutable(fs, 'envscript', PATH);
    expect(env).toMatchObject({
      ok: true,
      tag: 'env@busybox',
      interpreters: [{ path: '/usr/bin/env', arg: 'sh' }],
    });
  });

  it('follows nested interpreters as Linux does', () => {
    const r = resolveExecutable(fs, 'nested', PATH);
    expect(r).toMatchObject({ ok: true, tag: 'busybox@alpine' });
    if (!r.ok) throw new Error('unreachable');
    expect(execArgv(r, ['nested', 'x'])).toEqual([
      '/bin/sh',
      '-e',
      '/usr/local/bin/entry.sh',
      '/usr/local/bin/nested',
      'x',
    ]);
  });

  it('reports ENOEXEC for text without #!, and a bad interpreter', () => {
    expect(resolveExecutable(fs, 'plain', PATH)).toMatchObject({ ok: false, error: 'ENOEXEC' });
    expect(resolveExecutable(fs, 'bashy', PATH)).toEqual({
      ok: false,
      error: 'ENOENT',
      path: '/usr/local/bin/bashy',
      interpreter: '/bin/bash',
    });
  });
});

describe('tags and shebangs', () => {
  it('splits tags', () => {
    expect(parseTag('ls@gnu')).toEqual({ name: 'ls', variant: 'gnu' });
    expect(parseTag('nginx')).toEqual({ name: 'nginx', variant: '' });
  });

  it('parses interpreter lines as the kernel does (one optional argument, the rest of the line)', () => {
    expect(parseShebang('#!/bin/sh\n')).toEqual({ path: '/bin/sh' });
    expect(parseShebang('#! /usr/bin/env  python3 -u \nx')).toEqual({
      path: '/usr/bin/env',
      arg: 'python3 -u',
    });
    expect(parseShebang('#!\n')).toBeUndefined();
    expect(parseShebang('echo')).toBeUndefined();
    fc.assert(
      fc.property(
        fc.stringMatching(/^\/[a-z/]{1,20}$/),
        fc.stringMatching(/^[a-z -]{0,20}$/),
        (path, arg) => {
          const parsed = parseShebang(`#!${path} ${arg}\nbody`);
          expect(parsed?.path).toBe(path);
          expect(parsed?.arg).toBe(arg.trim() === '' ? undefined : arg.trim());
        },
      ),
    );
  });
});
