import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

describe('traefik/whoami', () => {
  it('logs its start and answers as whoami does', async () => {
    const lab = new TestLab();
    const c = lab.container('traefik/whoami', 'latest', { hostname: 'f00dfeed1234' });
    const run = c.run(c.argv());
    await lab.advance(0);
    expect(run.err.text).toBe('2026/11/28 05:21:18 Starting up on port 80\n');
    const res = await c.http(80, '/', 'GET', { Host: 'localhost:8080' });
    expect(res.body).toMatch(
      /^Hostname: f00dfeed1234\nIP: 127\.0\.0\.1\nIP: 172\.17\.0\.2\nRemoteAddr: 172\.17\.0\.1:\d+\nGET \/ HTTP\/1\.1\r\nHost: localhost:8080\r\nUser-Agent: curl\/8\.14\.1\r\nAccept: \*\/\*\r\n\r\n$/,
    );
    const api = await c.http(80, '/api');
    expect(JSON.parse(api.body)).toMatchObject({
      hostname: 'f00dfeed1234',
      ip: ['127.0.0.1', '172.17.0.2'],
      method: 'GET',
      url: '/api',
    });
    expect((await c.http(80, '/health')).status).toBe(200);
  });

  it('takes --port and --name, and exits 2 on SIGTERM as PID 1', async () => {
    const lab = new TestLab();
    const c = lab.container('traefik/whoami', 'latest');
    const run = c.run(c.argv(['--port', '8080', '--name', 'blue']));
    await lab.advance(0);
    expect((await c.http(8080)).body).toMatch(/^Name: blue\n/);
    await c.stop();
    expect(run.proc.exitCode).toBe(2);
  });

  it('rejects an unknown flag as Go’s flag package does', async () => {
    const lab = new TestLab();
    const c = lab.container('traefik/whoami', 'latest');
    const r = await c.exec(c.argv(['--nope']));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^flag provided but not defined: -nope\nUsage of \/whoami:\n {2}-cacert string\n/,
    );
  });
});
