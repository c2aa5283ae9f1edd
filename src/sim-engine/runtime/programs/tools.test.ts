import { describe, expect, it } from 'vitest';
import { TestLab } from './testing/harness.ts';

describe('the images’ other programs', () => {
  it('envsubst replaces variables from the environment', async () => {
    const c = new TestLab().container('library/nginx', 'latest', { env: { HOST: 'example.com' } });
    const all = await c.exec(['envsubst'], { stdin: 'server_name ${HOST} $HOST $MISSING;\n' });
    expect(all.stdout).toBe('server_name example.com example.com ;\n');
    const some = await c.exec(['envsubst', '$HOST'], { stdin: '${HOST} $uri\n' });
    expect(some.stdout).toBe('example.com $uri\n');
  });

  it('createdb, then pg_dump of a table', async () => {
    const lab = new TestLab();
    const c = lab.container('library/postgres', '17', { env: { POSTGRES_PASSWORD: 'secret' } });
    c.run(c.argv());
    await lab.advance(0);
    expect(await c.exec(['createdb', '-U', 'postgres', 'shop'])).toMatchObject({
      status: 0,
      stdout: '',
      stderr: '',
    });
    const again = await c.exec(['createdb', '-U', 'postgres', 'shop']);
    expect(again.stderr).toBe(
      'createdb: error: database creation failed: ERROR:  database "shop" already exists\n',
    );
    await c.exec([
      'psql',
      '-U',
      'postgres',
      '-d',
      'shop',
      '-c',
      "CREATE TABLE items (id integer NOT NULL, name text); INSERT INTO items VALUES (1, 'pen');",
    ]);
    const dump = await c.exec(['pg_dump', '-U', 'postgres', 'shop']);
    expect(dump.status).toBe(0);
    expect(dump.stdout).toMatch(
      /^--\n-- PostgreSQL database dump\n--\n\n\\restrict \w{63}\n\n-- Dumped from database version 17\./,
    );
    expect(dump.stdout).toContain(
      'CREATE TABLE public.items (\n    id integer NOT NULL,\n    name text\n);\n',
    );
    expect(dump.stdout).toContain('COPY public.items (id, name) FROM stdin;\n1\tpen\n\\.\n');
  });

  it('docker-ensure-initdb.sh initialises once, then notes the existing database', async () => {
    const c = new TestLab().container('library/postgres', '17', { env: { POSTGRES_PASSWORD: 'secret' } });
    const first = await c.exec(['docker-ensure-initdb.sh']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('server stopped\n');
    expect(first.stdout).not.toContain('init process complete');
    const second = await c.exec(['docker-ensure-initdb.sh']);
    expect(second.stderr).toMatch(
      /^docker-ensure-initdb\.sh: note: database already initialized in '\/var\/lib\/postgresql\/data'!\n$/,
    );
  });

  it('mysqladmin ping: alive, or the connection error', async () => {
    const lab = new TestLab();
    const c = lab.container('library/mysql', '8.4', { env: { MYSQL_ROOT_PASSWORD: 'secret' } });
    const down = await c.exec(['mysqladmin', 'ping', '-h', 'localhost']);
    expect(down.status).toBe(1);
    expect(down.stderr).toBe(
      "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n",
    );
    c.run(c.argv());
    await lab.advance(0);
    for (let i = 0; i < 30; i++) await lab.advance(1000);
    const up = await c.exec(['mysqladmin', 'ping', '-uroot', '-psecret']);
    expect(up.stdout).toBe('mysqld is alive\n');
    expect(up.status).toBe(0);
  });

  it('redis-benchmark -q', async () => {
    const lab = new TestLab();
    const c = lab.container('library/redis', '7');
    c.run(c.argv());
    await lab.advance(0);
    const r = await c.exec(['redis-benchmark', '-q', '-t', 'set,get', '-n', '1000']);
    expect(r.stdout).toMatch(
      /^SET: \d+\.\d\d requests per second, p50=0\.\d{3} msec\nGET: \d+\.\d\d requests per second, p50=0\.\d{3} msec\n$/,
    );
    expect((await c.exec(['redis-cli', 'keys', '*'])).stdout).toBe('key:__rand_int__\n');
  });

  it('apachectl configtest and htpasswd -nb', async () => {
    const c = new TestLab().container('library/httpd', 'latest');
    const t = await c.exec(['apachectl', 'configtest']);
    expect(t.stderr).toContain('Syntax OK\n');
    const h = await c.exec(['htpasswd', '-nb', 'admin', 'pw']);
    expect(h.stdout).toMatch(/^admin:\$apr1\$[./0-9A-Za-z]{8}\$[./0-9A-Za-z]{22}\n\n$/);
  });

  it('yarn install and yarn start', async () => {
    const lab = new TestLab();
    const c = lab.container('library/node', '20');
    c.fs.mkdir('/app', { parents: true });
    c.fs.writeFile(
      '/app/package.json',
      JSON.stringify({
        name: 'a',
        scripts: { start: 'node -e "console.log(42)"' },
        dependencies: { cors: '^2.8.5' },
      }),
    );
    const i = await c.exec(['yarn', 'install'], { cwd: '/app' });
    expect(i.stdout).toMatch(
      /^yarn install v1\.22\.22\ninfo No lockfile found\.\n\[1\/4\] Resolving packages\.\.\.\n\[2\/4\] Fetching packages\.\.\.\n\[3\/4\] Linking dependencies\.\.\.\n\[4\/4\] Building fresh packages\.\.\.\nsuccess Saved lockfile\.\nDone in \d\.\d\ds\.\n$/,
    );
    expect(c.fs.readFile('/app/yarn.lock')).toContain('cors@^2.8.5:\n  version "2.8.5"\n');
    const s = await c.exec(['yarn', 'start'], { cwd: '/app' });
    expect(s.stdout).toMatch(
      /^yarn run v1\.22\.22\n\$ node -e "console\.log\(42\)"\n42\nDone in \d\.\d\ds\.\n$/,
    );
  });
});
