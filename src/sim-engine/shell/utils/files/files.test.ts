import { describe, expect, it } from 'vitest';
import { makeFs, run } from '../testing/harness.ts';
import { echo } from '../text/echo.ts';
import { cat } from './cat.ts';
import { chmod, chown } from './chmod-chown.ts';
import { cp, mv } from './cp-mv.ts';
import { df, du } from './du-df.ts';
import { find } from './find.ts';
import { ln } from './ln.ts';
import { mkdir, rmdir } from './mkdir-rmdir.ts';
import { rm } from './rm.ts';
import { stat } from './stat.ts';
import { touch } from './touch.ts';
import { which } from '../system/which.ts';
import { free } from '../system/free.ts';

describe('cat', () => {
  it('copies files and stdin, numbers lines', async () => {
    const fs = makeFs({ '/a': 'one\ntwo\n' });
    expect((await run(cat, ['cat', '/a', '-'], { fs, stdin: 'three\n' })).stdout).toBe('one\ntwo\nthree\n');
    expect((await run(cat, ['cat', '-n', '/a'], { fs })).stdout).toBe('     1\tone\n     2\ttwo\n');
    expect((await run(cat, ['cat', '-E', '/a'], { fs })).stdout).toBe('one$\ntwo$\n');
  });
  it('words its errors per variant', async () => {
    const fs = makeFs();
    expect((await run(cat, ['cat', 'nope'], { fs })).stderr).toBe('cat: nope: No such file or directory\n');
    expect((await run(cat, ['cat', 'nope'], { fs, variant: 'busybox' })).stderr).toBe(
      "cat: can't open 'nope': No such file or directory\n",
    );
    expect((await run(cat, ['cat', '/tmp'], { fs })).stderr).toBe('cat: /tmp: Is a directory\n');
    expect((await run(cat, ['cat', '/tmp'], { fs, variant: 'busybox' })).stderr).toBe(
      'cat: read error: Is a directory\n',
    );
  });
});

describe('mkdir, rmdir, rm, touch', () => {
  it('creates and removes', async () => {
    const fs = makeFs();
    expect((await run(mkdir, ['mkdir', '-p', '/x/y/z'], { fs })).status).toBe(0);
    expect(fs.stat('/x/y/z')?.kind).toBe('dir');
    expect(await run(mkdir, ['mkdir', '/x'], { fs })).toMatchObject({
      status: 1,
      stderr: "mkdir: cannot create directory '/x': File exists\n",
    });
    expect((await run(mkdir, ['mkdir', '/x'], { fs, variant: 'busybox' })).stderr).toBe(
      "mkdir: can't create directory '/x': File exists\n",
    );
    expect((await run(mkdir, ['mkdir', '-m', '700', '/m'], { fs })).status).toBe(0);
    expect(fs.stat('/m')!.mode & 0o777).toBe(0o700);
    expect((await run(rmdir, ['rmdir', '/x'], { fs })).stderr).toBe(
      "rmdir: failed to remove '/x': Directory not empty\n",
    );
    expect((await run(touch, ['touch', '/x/y/z/f'], { fs })).status).toBe(0);
    expect((await run(rm, ['rm', '/x'], { fs })).stderr).toBe("rm: cannot remove '/x': Is a directory\n");
    expect((await run(rm, ['rm', '/x'], { fs, variant: 'busybox' })).stderr).toBe(
      "rm: '/x' is a directory\n",
    );
    expect((await run(rm, ['rm', '-rf', '/x', '/nope'], { fs })).status).toBe(0);
    expect(fs.stat('/x')).toBeUndefined();
    expect((await run(rm, ['rm', 'nope'], { fs })).stderr).toBe(
      "rm: cannot remove 'nope': No such file or directory\n",
    );
    expect((await run(touch, ['touch', 'q/z'], { fs })).stderr).toBe(
      "touch: cannot touch 'q/z': No such file or directory\n",
    );
    expect((await run(rm, ['rm'], { fs })).stderr).toBe(
      "rm: missing operand\nTry 'rm --help' for more information.\n",
    );
  });
  it('touch -d sets the time', async () => {
    const fs = makeFs({ '/f': '' });
    await run(touch, ['touch', '-d', '2020-01-02 03:04:05', '/f'], { fs });
    expect(fs.stat('/f')!.mtime).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    await run(touch, ['touch', '-d', '@86400', '/f'], { fs });
    expect(fs.stat('/f')!.mtime).toBe(86400000);
  });
});

describe('cp, mv, ln', () => {
  it('copies files and trees, keeping program tags', async () => {
    const fs = makeFs({ '/src/a': 'A', '/src/sub/b': 'B' });
    fs.writeFile('/bin/tool', '', { mode: 0o755, program: 'ls@gnu', size: 12345 });
    expect((await run(cp, ['cp', '/bin/tool', '/tmp/'], { fs })).status).toBe(0);
    expect(fs.stat('/tmp/tool')).toMatchObject({ program: 'ls@gnu', size: 12345, mode: 0o755 });
    expect((await run(cp, ['cp', '/src', '/dst'], { fs })).stderr).toBe(
      "cp: -r not specified; omitting directory '/src'\n",
    );
    expect((await run(cp, ['cp', '-r', '/src', '/dst'], { fs })).status).toBe(0);
    expect(fs.readFile('/dst/sub/b')).toBe('B');
    expect((await run(cp, ['cp', 'nope', '/x'], { fs, variant: 'busybox' })).stderr).toBe(
      "cp: can't stat 'nope': No such file or directory\n",
    );
    expect((await run(cp, ['cp', '/src/a'], { fs })).stderr).toBe(
      "cp: missing destination file operand after '/src/a'\nTry 'cp --help' for more information.\n",
    );
  });
  it('moves and links', async () => {
    const fs = makeFs({ '/a': 'A' });
    expect((await run(mv, ['mv', '/a', '/tmp'], { fs })).status).toBe(0);
    expect(fs.readFile('/tmp/a')).toBe('A');
    expect((await run(mv, ['mv', '/nope', '/x'], { fs })).stderr).toBe(
      "mv: cannot stat '/nope': No such file or directory\n",
    );
    expect((await run(ln, ['ln', '-s', '/tmp/a', '/l'], { fs })).status).toBe(0);
    expect(fs.readlink('/l')).toBe('/tmp/a');
    expect((await run(ln, ['ln', '-s', '/tmp/a', '/l'], { fs })).stderr).toBe(
      "ln: failed to create symbolic link '/l': File exists\n",
    );
    expect((await run(ln, ['ln', '-sf', '/tmp', '/l'], { fs })).status).toBe(0);
    expect(fs.readlink('/l')).toBe('/tmp');
  });
});

describe('chmod, chown, stat', () => {
  it('changes modes and owners', async () => {
    const fs = makeFs({ '/f': 'x' });
    await run(chmod, ['chmod', '755', '/f'], { fs });
    expect(fs.stat('/f')!.mode & 0o7777).toBe(0o755);
    await run(chmod, ['chmod', 'go-rx', '/f'], { fs });
    expect(fs.stat('/f')!.mode & 0o7777).toBe(0o700);
    await run(chmod, ['chmod', '-x', '/f'], { fs });
    expect(fs.stat('/f')!.mode & 0o7777).toBe(0o600);
    await run(chmod, ['chmod', '+x', '/f'], { fs });
    expect(fs.stat('/f')!.mode & 0o7777).toBe(0o711);
    expect((await run(chmod, ['chmod', 'abc', '/f'], { fs })).stderr).toBe(
      "chmod: invalid mode: 'abc'\nTry 'chmod --help' for more information.\n",
    );
    await run(chown, ['chown', 'app:app', '/f'], { fs });
    expect(fs.stat('/f')).toMatchObject({ uid: 1000, gid: 1000 });
    expect((await run(chown, ['chown', 'nosuch', '/f'], { fs })).stderr).toBe(
      "chown: invalid user: 'nosuch'\n",
    );
    expect((await run(chown, ['chown', 'nosuch', '/f'], { fs, variant: 'busybox' })).stderr).toBe(
      'chown: unknown user nosuch\n',
    );
  });
  it('stat prints the report and formats', async () => {
    const fs = makeFs({ '/f': 'abc' });
    const out = (await run(stat, ['stat', '/f'], { fs })).stdout.split('\n');
    expect(out[0]).toBe('  File: /f');
    expect(out[1]).toBe('  Size: 3         \tBlocks: 8          IO Block: 4096   regular file');
    expect(out[3]).toBe('Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)');
    expect((await run(stat, ['stat', '-c', '%n %s %a %U', '/f'], { fs })).stdout).toBe('/f 3 644 root\n');
    expect((await run(stat, ['stat', 'nope'], { fs })).stderr).toBe(
      "stat: cannot statx 'nope': No such file or directory\n",
    );
  });
});

describe('find', () => {
  const tree = () => makeFs({ '/p/a.txt': '', '/p/b.log': 'x', '/p/d/c.txt': '', '/p/.h': '' });
  it('walks with tests and prints', async () => {
    const fs = tree();
    expect((await run(find, ['find', '/p'], { fs })).stdout).toBe(
      '/p\n/p/.h\n/p/a.txt\n/p/b.log\n/p/d\n/p/d/c.txt\n',
    );
    expect((await run(find, ['find', '/p', '-name', '*.txt'], { fs })).stdout).toBe('/p/a.txt\n/p/d/c.txt\n');
    expect((await run(find, ['find', '/p', '-maxdepth', '1', '-type', 'f'], { fs })).stdout).toBe(
      '/p/.h\n/p/a.txt\n/p/b.log\n',
    );
    expect(
      (await run(find, ['find', '/p', '-type', 'd', '-o', '-name', '*.log', '-print'], { fs })).stdout,
    ).toBe('/p/b.log\n');
    expect((await run(find, ['find', '/p', '!', '-name', '*.txt', '-type', 'f'], { fs })).stdout).toBe(
      '/p/.h\n/p/b.log\n',
    );
    expect((await run(find, ['find', '.', '-empty', '-name', 'c*'], { fs, cwd: '/p' })).stdout).toBe(
      './d/c.txt\n',
    );
  });
  it('runs -exec and reports errors', async () => {
    const fs = tree();
    const r = await run(find, ['find', '/p', '-name', '*.txt', '-exec', 'echo', 'got', '{}', ';'], {
      fs,
      programs: { echo },
    });
    expect(r.stdout).toBe('got /p/a.txt\ngot /p/d/c.txt\n');
    const plus = await run(find, ['find', '/p', '-name', '*.txt', '-exec', 'echo', '{}', '+'], {
      fs,
      programs: { echo },
    });
    expect(plus.stdout).toBe('/p/a.txt /p/d/c.txt\n');
    expect((await run(find, ['find', '/nope'], { fs })).stderr).toBe(
      "find: '/nope': No such file or directory\n",
    );
    expect((await run(find, ['find', '.', '-foo'], { fs })).stderr).toBe("find: unknown predicate `-foo'\n");
    expect((await run(find, ['find', '.', '-type', 'q'], { fs })).stderr).toBe(
      "find: invalid argument 'q' to '-type'\n",
    );
    expect((await run(find, ['find', '.', '-name'], { fs, variant: 'busybox' })).stderr).toBe(
      'find: -name requires an argument\n',
    );
    expect(fs.stat('/p/d')).toBeDefined();
    await run(find, ['find', '/p/d', '-delete'], { fs });
    expect(fs.stat('/p/d')).toBeUndefined();
  });
});

describe('which, du, df, free', () => {
  it('which finds executables in PATH', async () => {
    const fs = makeFs();
    fs.writeFile('/usr/bin/curl', '', { mode: 0o755, program: 'curl' });
    expect(await run(which, ['which', 'curl', 'nope'], { fs })).toMatchObject({
      status: 1,
      stdout: '/usr/bin/curl\n',
    });
  });
  it('du sums blocks', async () => {
    const fs = makeFs({ '/d/a': 'x'.repeat(5000), '/d/s/b': 'y' });
    expect((await run(du, ['du', '/d'], { fs })).stdout).toBe('8\t/d/s\n20\t/d\n');
    expect((await run(du, ['du', '-sh', '/d'], { fs })).stdout).toBe('20K\t/d\n');
    expect((await run(du, ['du', '-sh', '/d'], { fs, variant: 'busybox' })).stdout).toBe('20.0K\t/d\n');
  });
  it('df shows the overlay of a container', async () => {
    const fs = makeFs({ '/.dockerenv': '' });
    const gnu = (await run(df, ['df', '-h'], { fs })).stdout.split('\n');
    expect(gnu[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(gnu[1]).toBe('overlay          59G   21G   36G  37% /');
    const bb = (await run(df, ['df', '-h'], { fs, variant: 'busybox' })).stdout.split('\n');
    expect(bb[0]).toBe('Filesystem                Size      Used Available Use% Mounted on');
    expect(bb[1]).toBe('overlay                  58.4G     20.1G     35.3G  36% /');
  });
  it('free prints a table', async () => {
    const out = (await run(free, ['free', '-h'])).stdout.split('\n');
    expect(out[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(out[1]).toBe('Mem:           3.8Gi       793Mi       2.0Gi       1.2Mi       1.0Gi       2.8Gi');
  });
});
