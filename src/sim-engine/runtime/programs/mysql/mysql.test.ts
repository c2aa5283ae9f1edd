import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const start = async (env: Record<string, string> = { MYSQL_ROOT_PASSWORD: 'secret' }, tag = '8.4') => {
  const lab = new TestLab();
  const c = lab.container('library/mysql', tag, { env });
  const run = c.run(c.argv());
  await lab.advance(0);
  return { lab, c, run };
};
const stamp = (t: string) =>
  t
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/g, '<TZ>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00/g, '<T>');

describe('mysql entrypoint and server', () => {
  it('refuses to initialise without a password option', async () => {
    const { run } = await start({});
    expect(run.proc.exitCode).toBe(1);
    expect(stamp(run.out.text)).toBe(
      "<T> [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.9-1.el9 started.\n<T> [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n<T> [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.9-1.el9 started.\n",
    );
    expect(stamp(run.err.text)).toBe(
      '<T> [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    );
  });

  it('initialises and ends ready for connections on 3306', async () => {
    const { run } = await start();
    const all = stamp(run.all.text);
    expect(all).toContain(
      '<T> [Note] [Entrypoint]: Initializing database files\n<TZ> 0 [System] [MY-015017] [Server] MySQL Server Initialization - start.\n',
    );
    expect(all).toContain(
      "<T> [Note] [Entrypoint]: Temporary server started.\n'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\nWarning: Unable to load '/usr/share/zoneinfo/iso3166.tab' as time zone. Skipping it.\n",
    );
    expect(all).toContain(
      '<TZ> 10 [System] [MY-013172] [Server] Received SHUTDOWN from user root. Shutting down mysqld (Version: 8.4.9).\n',
    );
    expect(all).toContain(
      '\n<T> [Note] [Entrypoint]: MySQL init process done. Ready for start up.\n\n<TZ> 0 [System] [MY-015015] [Server] MySQL Server - start.\n<TZ> 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.4.9) starting as process 1\n',
    );
    expect(
      all.endsWith(
        "/usr/sbin/mysqld: ready for connections. Version: '8.4.9'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n",
      ),
    ).toBe(true);
  });

  it('answers the client and shuts down on SIGTERM', async () => {
    const { c, run, lab } = await start({ MYSQL_ROOT_PASSWORD: 'secret', MYSQL_DATABASE: 'shop' });
    const q = await c.exec(['mysql', '-uroot', '-psecret', '-e', 'show databases']);
    expect(q.stderr).toBe(
      'mysql: [Warning] Using a password on the command line interface can be insecure.\n',
    );
    expect(q.stdout).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
    expect(
      (
        await c.exec([
          'mysql',
          '-uroot',
          '-psecret',
          'shop',
          '-e',
          'create table t (id int primary key, n varchar(9)); insert into t values (1, "a"); select * from t',
        ])
      ).stdout,
    ).toBe('id\tn\n1\ta\n');
    expect((await c.exec(['mysql', '-uroot', '-psecret', '-e', 'select 1+1'], { tty: true })).stdout).toBe(
      '+-----+\n| 1+1 |\n+-----+\n|   2 |\n+-----+\n',
    );
    expect((await c.exec(['mysql', '-uroot', '-e', 'select 1'])).stderr).toBe(
      "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n",
    );
    expect(
      (await c.exec(['mysql', '-uroot', '-psecret', 'shop', '-e', 'select * from nope'])).stderr,
    ).toContain("ERROR 1146 (42S02) at line 1: Table 'shop.nope' doesn't exist\n");
    await c.stop();
    expect(run.proc.exitCode).toBe(0);
    expect(stamp(run.err.text)).toContain(
      '<TZ> 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.4.9).\n',
    );
    const next = lab.container('library/mysql', '8.4', { fs: c.fs });
    const again = next.run(next.argv());
    await lab.advance(0);
    expect(stamp(again.out.text)).toBe(
      "<T> [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.9-1.el9 started.\n<T> [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n<T> [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.9-1.el9 started.\n'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n",
    );
    expect(
      (await next.exec(['mysql', '-uroot', '-psecret', 'shop', '-N', '-e', 'select n from t'])).stdout,
    ).toBe('a\n');
  });

  it('the monitor on a terminal', async () => {
    const { lab, c } = await start();
    const r = c.run(['mysql', '-uroot', '-psecret'], { tty: true, stdin: 'pipe' });
    await lab.advance(0);
    r.stdin!.write('show databases;\nexit\n');
    await lab.advance(0);
    expect(r.out.text).toContain(
      "Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\nmysql> +--------------------+\n| Database           |\n",
    );
    expect(r.out.text).toContain('+--------------------+\n4 rows in set (0.00 sec)\n\nmysql> Bye\n');
  });
});
