import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const T = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC/g;
const start = async (env: Record<string, string> = { POSTGRES_PASSWORD: 'secret' }, tag = '16') => {
  const lab = new TestLab();
  const c = lab.container('library/postgres', tag, { env });
  const run = c.run(c.argv());
  await lab.advance(0);
  return { lab, c, run };
};

describe('postgres entrypoint', () => {
  it('refuses to initialise without a password', async () => {
    const { run } = await start({});
    expect(run.proc.exitCode).toBe(1);
    expect(run.err.text).toBe(
      'Error: Database is uninitialized and superuser password is not specified.\n' +
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the\n' +
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n' +
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n' +
        '       connections without a password. This is *not* recommended.\n\n' +
        '       See PostgreSQL documentation about "trust":\n' +
        '       https://www.postgresql.org/docs/current/auth-trust.html\n',
    );
  });

  it('initialises, then starts the server as PID 1', async () => {
    const { run, c } = await start();
    const out = run.all.text.replace(T, '<T>');
    expect(out).toContain(
      'Data page checksums are disabled.\n\nfixing permissions on existing directory /var/lib/postgresql/data ... ok\n',
    );
    expect(out).toContain('selecting default max_connections ... 100\n');
    expect(out).toContain(
      'syncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n',
    );
    expect(out).toContain(
      'waiting for server to start....<T> [48] LOG:  starting PostgreSQL 16.15 (Debian 16.15-1.pgdg13+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit\n',
    );
    expect(out).toContain(
      'server started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down....',
    );
    expect(out).toContain(
      ' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n<T> [1] LOG:  starting PostgreSQL',
    );
    expect(out).toMatch(/<T> \[1\] LOG: {2}listening on IPv4 address "0.0.0.0", port 5432\n/);
    expect(out).toContain('<T> [64] LOG:  database system was shut down at');
    expect(out.endsWith('<T> [1] LOG:  database system is ready to accept connections\n')).toBe(true);
    expect(c.table.list().map((p) => p.args)).toEqual([
      'postgres',
      'postgres: checkpointer ',
      'postgres: background writer ',
      'postgres: walwriter ',
      'postgres: autovacuum launcher ',
      'postgres: logical replication launcher ',
    ]);
  });

  it('skips initialisation on a volume that has a database, and stops fast on SIGINT', async () => {
    const { lab, c, run } = await start();
    await c.stop();
    expect(run.proc.exitCode).toBe(0);
    expect(run.err.text.replace(T, '<T>')).toContain(
      '[1] LOG:  received fast shutdown request\n<T> [1] LOG:  aborting any active transactions\n',
    );
    const next = lab.container('library/postgres', '16', { fs: c.fs, env: { POSTGRES_PASSWORD: 'secret' } });
    const again = next.run(next.argv());
    await lab.advance(0);
    expect(again.out.text).toBe(
      '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n',
    );
    expect(again.err.text.replace(T, '<T>')).toContain('<T> [27] LOG:  database system was shut down at');
  });

  it('recovers after a kill', async () => {
    const { lab, c } = await start();
    c.table.kill(1, 'SIGKILL');
    await lab.advance(0);
    const next = lab.container('library/postgres', '16', { fs: c.fs });
    const again = next.run(next.argv());
    await lab.advance(0);
    expect(again.err.text).toContain(
      'LOG:  database system was not properly shut down; automatic recovery in progress\n',
    );
  });

  it('creates POSTGRES_DB and runs init scripts', async () => {
    const lab = new TestLab();
    const c = lab.container('library/postgres', '16', {
      env: { POSTGRES_PASSWORD: 'x', POSTGRES_DB: 'shop' },
    });
    c.fs.writeFile(
      '/docker-entrypoint-initdb.d/init.sql',
      "CREATE TABLE items (id serial PRIMARY KEY, name text);\nINSERT INTO items (name) VALUES ('pen'), ('ink');\n",
    );
    const run = c.run(c.argv());
    await lab.advance(0);
    expect(run.out.text).toContain(
      'CREATE DATABASE\n\n\n/usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/init.sql\nCREATE TABLE\nINSERT 0 2\n\n\n',
    );
    const r = await c.exec(['psql', '-U', 'postgres', '-d', 'shop', '-c', 'SELECT * FROM items ORDER BY id']);
    expect(r.stdout).toBe(' id | name \n----+------\n  1 | pen\n  2 | ink\n(2 rows)\n\n');
  });
});

describe('psql and pg_isready', () => {
  it('answers queries in psql’s table format', async () => {
    const { c } = await start();
    expect((await c.exec(['psql', '-U', 'postgres', '-c', 'select 1'])).stdout).toBe(
      ' ?column? \n----------\n        1\n(1 row)\n\n',
    );
    expect((await c.exec(['psql', '-U', 'postgres', '-tAc', 'select 1'])).stdout).toBe('1\n');
    const err = await c.exec(['psql', '-U', 'postgres', '-c', 'select * from nope']);
    expect(err.status).toBe(1);
    expect(err.stderr).toBe(
      'ERROR:  relation "nope" does not exist\nLINE 1: select * from nope\n                      ^\n',
    );
    expect((await c.exec(['psql', '-U', 'postgres', '-c', '\\l'])).stdout).toContain(
      ' postgres  | postgres | UTF8',
    );
  });

  it('as root in docker exec: role "root" does not exist', async () => {
    const { c } = await start();
    expect((await c.exec(['psql'])).stderr).toBe(
      'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n',
    );
  });

  it('needs the password from another container', async () => {
    const lab = new TestLab();
    const db = lab.container('library/postgres', '16', {
      env: { POSTGRES_PASSWORD: 'secret' },
      ip: '172.17.0.3',
    });
    db.run(db.argv());
    const app = lab.container('library/postgres', '16');
    app.ns.resolver = (h) => (h === 'db' ? '172.17.0.3' : undefined);
    await lab.advance(0);
    expect((await app.exec(['psql', '-h', 'db', '-U', 'postgres', '-c', 'select 1'])).stderr).toBe(
      'psql: error: connection to server at "db" (172.17.0.3), port 5432 failed: fe_sendauth: no password supplied\n',
    );
    const ok = await app.exec(['psql', '-h', 'db', '-U', 'postgres', '-tAc', 'select current_database()'], {
      env: { PGPASSWORD: 'secret' },
    });
    expect(ok.stdout).toBe('postgres\n');
    expect((await app.exec(['pg_isready', '-h', 'db'])).stdout).toBe('db:5432 - accepting connections\n');
    expect((await app.exec(['pg_isready'])).stdout).toBe('/var/run/postgresql:5432 - no response\n');
  });

  it('interactive prompt', async () => {
    const { lab, c } = await start();
    const r = c.run(['psql', '-U', 'postgres'], { tty: true, stdin: 'pipe' });
    await lab.advance(0);
    r.stdin!.write('select\n');
    await lab.advance(0);
    r.stdin!.write("'hi' as greeting;\n\\q\n");
    await lab.advance(0);
    expect(r.out.text).toBe(
      'psql (16.15 (Debian 16.15-1.pgdg13+2))\nType "help" for help.\n\npostgres=# postgres-#  greeting \n----------\n hi\n(1 row)\n\npostgres=# ',
    );
  });
});
