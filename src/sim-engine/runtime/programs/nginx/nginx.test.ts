import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

const start = async (tag = 'latest', env: Record<string, string> = {}) => {
  const lab = new TestLab();
  const c = lab.container('library/nginx', tag, { env });
  const run = c.run(c.argv());
  await lab.advance(0);
  return { lab, c, run };
};

describe('nginx entrypoint', () => {
  it('prints the real entrypoint lines, then nginx notices on stderr', async () => {
    const { run } = await start();
    expect(run.out.text).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    );
    expect(run.err.text).toBe(
      [
        '2026/11/28 05:21:18 [notice] 1#1: using the "epoll" event method',
        '2026/11/28 05:21:18 [notice] 1#1: nginx/1.31.3',
        '2026/11/28 05:21:18 [notice] 1#1: built by gcc 14.2.0 (Debian 14.2.0-19) ',
        '2026/11/28 05:21:18 [notice] 1#1: OS: Linux 6.1.0-41-amd64',
        '2026/11/28 05:21:18 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        '2026/11/28 05:21:18 [notice] 1#1: start worker processes',
        '2026/11/28 05:21:18 [notice] 1#1: start worker process 29',
        '2026/11/28 05:21:18 [notice] 1#1: start worker process 30',
        '',
      ].join('\n'),
    );
  });

  it('on a restart finds IPv6 already enabled', async () => {
    const { lab, c } = await start();
    await c.stop();
    const again = c.run(c.argv());
    await lab.advance(0);
    expect(again.out.text).toContain('10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n');
  });

  it('is silent with NGINX_ENTRYPOINT_QUIET_LOGS', async () => {
    const { run } = await start('latest', { NGINX_ENTRYPOINT_QUIET_LOGS: '1' });
    expect(run.out.text).toBe('');
  });

  it('execs another command directly', async () => {
    const lab = new TestLab();
    const c = lab.container('library/nginx', 'latest');
    const r = await c.exec(c.argv(['sh', '-c', 'echo hi']));
    expect(r).toMatchObject({ status: 0, stdout: 'hi\n', stderr: '' });
  });

  it('says dash’s not found for a missing command', async () => {
    const lab = new TestLab();
    const c = lab.container('library/nginx', 'latest');
    const r = await c.exec(c.argv(['nope']));
    expect(r).toMatchObject({ status: 127, stderr: '/docker-entrypoint.sh: 47: exec: nope: not found\n' });
  });

  it('1.18 prints its older script texts and no notices (error_log warn)', async () => {
    const { run } = await start('1.18');
    expect(run.out.text).toContain(
      '10-listen-on-ipv6-by-default.sh: Getting the checksum of /etc/nginx/conf.d/default.conf\n',
    );
    expect(run.out.text).not.toContain('envsh');
    expect(run.err.text).toBe('');
  });

  it('1.17 has no entrypoint: nginx is the command', async () => {
    const { run, c } = await start('1.17');
    expect(c.argv()).toEqual(['nginx', '-g', 'daemon off;']);
    expect(run.out.text + run.err.text).toBe('');
    expect((await c.http(80)).status).toBe(200);
  });

  it('renders templates with envsubst', async () => {
    const lab = new TestLab();
    const c = lab.container('library/nginx', 'latest', { env: { PORT: '8081' } });
    c.fs.mkdir('/etc/nginx/templates', { parents: true });
    c.fs.writeFile(
      '/etc/nginx/templates/site.conf.template',
      'server { listen ${PORT}; return 200 "$PORT $nginx_var"; }\n',
    );
    const run = c.run(c.argv());
    await lab.advance(0);
    expect(run.out.text).toContain(
      '20-envsubst-on-templates.sh: Running envsubst on /etc/nginx/templates/site.conf.template to /etc/nginx/conf.d/site.conf\n',
    );
    expect(c.fs.readFile('/etc/nginx/conf.d/site.conf')).toBe(
      'server { listen 8081; return 200 "8081 $nginx_var"; }\n',
    );
    expect((await c.http(8081)).body).toBe('8081 ');
  });
});

describe('nginx serving', () => {
  it('serves the welcome page and logs the request in the combined format', async () => {
    const { lab, c, run } = await start();
    await lab.advance(1000);
    const res = await c.http(80);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(res.headers).toMatchObject({
      Server: 'nginx/1.31.3',
      'Content-Type': 'text/html',
      Connection: 'keep-alive',
    });
    expect(Object.keys(res.headers)).toEqual([
      'Server',
      'Date',
      'Content-Type',
      'Content-Length',
      'Last-Modified',
      'Connection',
      'ETag',
      'Accept-Ranges',
    ]);
    expect(run.out.text.split('\n').at(-2)).toBe(
      `172.17.0.1 - - [28/Nov/2026:05:21:19 +0000] "GET / HTTP/1.1" 200 ${res.headers['Content-Length']} "-" "curl/8.14.1" "-"`,
    );
  });

  it('answers 404 with its page and an error log line', async () => {
    const { c, run } = await start();
    const res = await c.http(80, '/nope');
    expect(res.status).toBe(404);
    expect(res.body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.31.3</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(run.err.text).toContain(
      '[error] 29#29: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "localhost:80"\n',
    );
    expect(run.out.text).toContain('"GET /nope HTTP/1.1" 404 153 "-"');
  });

  it('redirects a directory without its slash, forbids one without index', async () => {
    const { c, run } = await start();
    c.fs.mkdir('/usr/share/nginx/html/docs');
    const moved = await c.http(80, '/docs', 'GET', { Host: 'localhost:8080' });
    expect(moved.status).toBe(301);
    expect(moved.headers['Location']).toBe('http://localhost/docs/');
    const forbidden = await c.http(80, '/docs/');
    expect(forbidden.status).toBe(403);
    expect(run.err.text).toContain('directory index of "/usr/share/nginx/html/docs/" is forbidden');
    c.fs.writeFile('/usr/share/nginx/html/docs/index.html', '<h1>docs</h1>\n');
    expect((await c.http(80, '/docs/')).body).toBe('<h1>docs</h1>\n');
  });

  it('follows an edited root', async () => {
    const { lab, c } = await start();
    c.fs.mkdir('/srv/site', { parents: true });
    c.fs.writeFile('/srv/site/index.html', 'mine\n');
    c.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n  listen 80;\n  root /srv/site;\n}\n');
    c.table.kill(1, 'SIGHUP');
    await lab.advance(0);
    expect((await c.http(80)).body).toBe('mine\n');
  });

  it('proxies to an upstream and answers 502 when it refuses', async () => {
    const lab = new TestLab();
    const app = lab.container('traefik/whoami', 'latest', { ip: '172.17.0.3', hostname: 'app' });
    app.run(app.argv());
    const c = lab.container('library/nginx', 'latest');
    c.fs.writeFile(
      '/etc/nginx/conf.d/default.conf',
      'server { listen 80; location / { proxy_pass http://172.17.0.3:80; } }\n',
    );
    const run = c.run(c.argv());
    await lab.advance(0);
    const res = await c.http(80, '/');
    expect(res.body).toContain('Hostname: app\n');
    expect(res.headers['Server']).toBe('nginx/1.31.3');
    app.table.killAll();
    await lab.advance(0);
    const bad = await c.http(80, '/');
    expect(bad.status).toBe(502);
    expect(run.err.text).toContain('connect() failed (111: Connection refused) while connecting to upstream');
  });

  it('refuses to start on a broken config with the emerg line twice', async () => {
    const lab = new TestLab();
    const c = lab.container('library/nginx', 'latest');
    c.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n  lisen 80;\n}\n');
    const r = await c.exec(c.argv());
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      '2026/11/28 05:21:18 [emerg] 1#1: unknown directive "lisen" in /etc/nginx/conf.d/default.conf:2\n' +
        'nginx: [emerg] unknown directive "lisen" in /etc/nginx/conf.d/default.conf:2\n',
    );
  });
});

describe('nginx signals and options', () => {
  it('stops gracefully on SIGQUIT with status 0', async () => {
    const { c, run } = await start();
    await c.stop('SIGQUIT');
    expect(run.proc.exitCode).toBe(0);
    const tail = run.err.text
      .split('\n')
      .slice(8, -1)
      .map((l) => l.slice(20));
    expect(tail).toEqual([
      '[notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '[notice] 29#29: gracefully shutting down',
      '[notice] 30#30: gracefully shutting down',
      '[notice] 29#29: exiting',
      '[notice] 30#30: exiting',
      '[notice] 29#29: exit',
      '[notice] 30#30: exit',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 29',
      '[notice] 1#1: worker process 29 exited with code 0',
      '[notice] 1#1: signal 29 (SIGIO) received',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 30',
      '[notice] 1#1: worker process 30 exited with code 0',
      '[notice] 1#1: exit',
    ]);
  });

  it('stops fast on SIGTERM', async () => {
    const { c, run } = await start();
    await c.stop('SIGTERM');
    expect(run.proc.exitCode).toBe(0);
    expect(run.err.text).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(run.err.text).not.toContain('gracefully');
  });

  it('shows the master and its workers to ps', async () => {
    const { c } = await start();
    expect(c.table.list().map((p) => [p.pid, p.user, p.args])).toEqual([
      [1, 'root', 'nginx: master process nginx -g daemon off;'],
      [29, 'nginx', 'nginx: worker process'],
      [30, 'nginx', 'nginx: worker process'],
    ]);
    expect(c.fs.stat('/var/cache/nginx/client_temp')).toMatchObject({ kind: 'dir', uid: 101, mode: 0o700 });
    expect(c.fs.readFile('/run/nginx.pid')).toBe('1\n');
  });

  it('reloads with nginx -s reload, saying who sent the signal', async () => {
    const { lab, c, run } = await start();
    const r = await c.exec(['nginx', '-s', 'reload']);
    await lab.advance(0);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\[notice\] (\d+)#\1: signal process started\n/);
    expect(run.err.text).toMatch(/signal 1 \(SIGHUP\) received from \d+, reconfiguring\n.*reconfiguring\n/);
  });

  it('prints -v, -V and -t as nginx does', async () => {
    const lab = new TestLab();
    const c = lab.container('library/nginx', 'latest');
    expect((await c.exec(['nginx', '-v'])).stderr).toBe('nginx version: nginx/1.31.3\n');
    expect((await c.exec(['nginx', '-V'])).stderr).toMatch(
      /^nginx version: nginx\/1.31.3\nbuilt by gcc 14.2.0 \(Debian 14.2.0-19\) \nbuilt with OpenSSL/,
    );
    expect((await c.exec(['nginx', '-t'])).stderr).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    expect(await c.exec(['nginx', '-x'])).toMatchObject({
      status: 1,
      stderr: 'nginx: invalid option: "x"\n',
    });
  });

  it('alpine: built by Alpine gcc', async () => {
    const { run } = await start('alpine');
    expect(run.err.text).toContain('built by gcc 15.2.0 (Alpine 15.2.0) \n');
  });
});
