import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const start = async (tag = 'latest', o: { tty?: boolean; args?: string[] } = {}) => {
  const lab = new TestLab();
  const c = lab.container('library/redis', tag);
  const run = c.run(c.argv(o.args), { tty: o.tty ?? false });
  await lab.advance(0);
  return { lab, c, run };
};

const strip = (text: string) => text.replace(/\d\d \w\w\w \d{4} \d\d:\d\d:\d\d\.\d{3}/g, '<T>');

describe('redis-server', () => {
  it('redis 8 starts as the image does', async () => {
    const { run, c } = await start();
    expect(strip(run.out.text)).toBe(
      [
        'Starting Redis Server',
        '1:C <T> * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C <T> * Redis version=8.10.1, bits=64, commit=00000000, modified=1, pid=1, just started',
        '1:C <T> * Configuration loaded',
        '1:M <T> * monotonic clock: POSIX clock_gettime',
        '1:M <T> * Running mode=standalone, port=6379.',
        '1:M <T> * Server initialized',
        '1:M <T> * Ready to accept connections tcp',
        '',
      ].join('\n'),
    );
    expect(run.err.text).toBe('');
    expect(c.table.list()[0]!.args).toBe('redis-server *:6379');
  });

  it('redis 7 warns that no config file was given', async () => {
    const { run } = await start('7');
    expect(strip(run.out.text)).toContain(
      '1:C <T> * Redis version=7.4.11, bits=64, commit=00000000, modified=0, pid=1, just started\n' +
        '1:C <T> # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n',
    );
    expect(run.out.text).not.toContain('Starting Redis Server');
  });

  it('shows the logo on a terminal', async () => {
    const { run } = await start('7', { tty: true });
    expect(run.out.text).toContain("  .-`` .-```.  ```\\/    _.,_ ''-._     7.4.11 (00000000/0) 64 bit\n");
    expect(run.out.text).toContain(" |    `-._   `._    /     _.-'    |     PID: 1\n");
    expect(run.out.text).not.toContain('Running mode');
  });

  it('saves on SIGTERM and loads the dump in the next container', async () => {
    const { lab, c, run } = await start('7');
    expect((await c.exec(['redis-cli', 'set', 'visits', '41'])).stdout).toBe('OK\n');
    expect((await c.exec(['redis-cli', 'incr', 'visits'])).stdout).toBe('42\n');
    await c.stop();
    expect(run.proc.exitCode).toBe(0);
    expect(strip(run.out.text)).toMatch(
      /1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n1:M <T> \* User requested shutdown\.\.\.\n1:M <T> \* Saving the final RDB snapshot before exiting\.\n1:M <T> \* DB saved on disk\n1:M <T> # Redis is now ready to exit, bye bye\.\.\.\n$/,
    );
    expect(c.fs.stat('/data/dump.rdb')).toMatchObject({ uid: 999, gid: 999 });
    const next = lab.container('library/redis', '7', { fs: c.fs });
    const again = next.run(next.argv());
    await lab.advance(3000);
    expect(strip(again.out.text)).toContain(
      '1:M <T> * Server initialized\n1:M <T> * Loading RDB produced by version 7.4.11\n1:M <T> * RDB age 0 seconds\n',
    );
    expect(strip(again.out.text)).toContain(
      '1:M <T> * Done loading RDB, keys loaded: 1, keys expired: 0.\n1:M <T> * DB loaded from disk: 0.000 seconds\n1:M <T> * Ready to accept connections tcp\n',
    );
    expect((await next.exec(['redis-cli', 'get', 'visits'])).stdout).toBe('42\n');
  });

  it('runs a background save when a save point is reached', async () => {
    const { lab, c, run } = await start('7');
    await c.exec(['redis-cli', 'set', 'a', '1']);
    await lab.advance(3600_000);
    expect(strip(run.out.text)).toContain(
      '1:M <T> * 1 changes in 3600 seconds. Saving...\n1:M <T> * Background saving started by pid 20\n',
    );
    expect(run.out.text).toContain('Background saving terminated with success\n');
  });

  it('requires the password set with --requirepass', async () => {
    const { c } = await start('7', { args: ['redis-server', '--requirepass', 's3cret'] });
    expect((await c.exec(['redis-cli', 'ping'])).stdout).toBe('NOAUTH Authentication required.\n\n');
    const ok = await c.exec(['redis-cli', '-a', 's3cret', 'ping']);
    expect(ok.stdout).toBe('PONG\n');
    expect(ok.stderr).toBe(
      "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n",
    );
  });
});

describe('redis-cli', () => {
  it('prints replies raw through a pipe and typed on a terminal', async () => {
    const { c } = await start();
    expect((await c.exec(['redis-cli', 'ping'])).stdout).toBe('PONG\n');
    await c.exec(['redis-cli', 'set', 'k', 'v']);
    expect((await c.exec(['redis-cli', 'get', 'k'])).stdout).toBe('v\n');
    expect((await c.exec(['redis-cli', 'get', 'k'], { tty: true })).stdout).toBe('"v"\n');
    expect((await c.exec(['redis-cli', 'get', 'nope'], { tty: true })).stdout).toBe('(nil)\n');
    expect((await c.exec(['redis-cli', 'incr', 'n'], { tty: true })).stdout).toBe('(integer) 1\n');
    await c.exec(['redis-cli', 'rpush', 'l', 'a', 'b']);
    expect((await c.exec(['redis-cli', 'lrange', 'l', '0', '-1'], { tty: true })).stdout).toBe(
      '1) "a"\n2) "b"\n',
    );
    expect((await c.exec(['redis-cli', 'lrange', 'l', '0', '-1'])).stdout).toBe('a\nb\n');
    expect((await c.exec(['redis-cli', 'keys', '*'])).stdout.split('\n').sort()).toEqual(['', 'k', 'l', 'n']);
  });

  it('says what redis says about errors', async () => {
    const { c } = await start();
    expect((await c.exec(['redis-cli', 'foo', 'a'], { tty: true })).stdout).toBe(
      "(error) ERR unknown command 'foo', with args beginning with: 'a' \n",
    );
    expect((await c.exec(['redis-cli', 'get'], { tty: true })).stdout).toBe(
      "(error) ERR wrong number of arguments for 'get' command\n",
    );
    await c.exec(['redis-cli', 'rpush', 'l', 'a']);
    expect((await c.exec(['redis-cli', 'get', 'l'], { tty: true })).stdout).toBe(
      '(error) WRONGTYPE Operation against a key holding the wrong kind of value\n',
    );
  });

  it('cannot connect when nothing listens', async () => {
    const lab = new TestLab();
    const c = lab.container('library/redis', 'latest');
    const r = await c.exec(['redis-cli', 'ping']);
    expect(r).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n',
    });
  });

  it('interactive: a prompt per command, until quit', async () => {
    const { lab, c } = await start();
    const r = c.run(['redis-cli'], { tty: true, stdin: 'pipe' });
    await lab.advance(0);
    r.stdin!.write('set greeting hello\n');
    await lab.advance(0);
    r.stdin!.write('select 2\n');
    await lab.advance(0);
    r.stdin!.write('get greeting\nquit\n');
    await lab.advance(0);
    expect(r.out.text).toBe(
      '127.0.0.1:6379> OK\n127.0.0.1:6379> OK\n127.0.0.1:6379[2]> (nil)\n127.0.0.1:6379[2]> ',
    );
    expect(r.proc.exitCode).toBe(0);
  });

  it('reaches another container by name', async () => {
    const lab = new TestLab();
    const db = lab.container('library/redis', 'latest', { ip: '172.17.0.3' });
    db.run(db.argv());
    const app = lab.container('library/redis', 'latest');
    app.ns.resolver = (h) => (h === 'db' ? '172.17.0.3' : undefined);
    await lab.advance(0);
    expect((await app.exec(['redis-cli', '-h', 'db', 'ping'])).stdout).toBe('PONG\n');
    expect((await app.exec(['redis-cli', '-h', 'nohost', 'ping'])).stderr).toBe(
      'Could not connect to Redis at nohost:6379: Name or service not known\n',
    );
  });
});
