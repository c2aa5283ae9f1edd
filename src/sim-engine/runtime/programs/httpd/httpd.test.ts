import { describe, expect, it } from 'vitest';
import { TestLab } from '../testing/harness.ts';

describe('httpd', () => {
  it('starts with Apache’s lines, serves It works! and logs in the common format', async () => {
    const lab = new TestLab();
    const c = lab.container('library/httpd', 'latest');
    const run = c.run(c.argv());
    await lab.advance(0);
    const err = run.err.text.replace(/\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\]/g, '[T]');
    expect(err).toBe(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n".repeat(
        2,
      ) +
        '[T] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.68 (Unix) configured -- resuming normal operations\n' +
        "[T] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n",
    );
    const res = await c.http(80);
    expect(res.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(res.headers['Server']).toBe('Apache/2.4.68 (Unix)');
    expect(run.out.text).toBe('172.17.0.1 - - [28/Nov/2026:05:21:18 +0000] "GET / HTTP/1.1" 200 45\n');
    expect((await c.http(80, '/nope')).status).toBe(404);
    expect(c.table.list().map((p) => [p.pid, p.user, p.args])).toEqual([
      [1, 'root', 'httpd -DFOREGROUND'],
      [8, 'www-data', 'httpd -DFOREGROUND'],
      [9, 'www-data', 'httpd -DFOREGROUND'],
      [10, 'www-data', 'httpd -DFOREGROUND'],
    ]);
  });

  it('stops gracefully on SIGWINCH with status 0', async () => {
    const lab = new TestLab();
    const c = lab.container('library/httpd', 'latest');
    const run = c.run(c.argv());
    await lab.advance(0);
    await c.stop();
    expect(run.proc.exitCode).toBe(0);
    expect(run.err.text).toMatch(
      /\[mpm_event:notice\] \[pid 1:tid 1\] AH00492: caught SIGWINCH, shutting down gracefully\n$/,
    );
  });

  it('prints its version', async () => {
    const lab = new TestLab();
    const c = lab.container('library/httpd', 'latest');
    expect((await c.exec(['httpd', '-v'])).stdout).toBe(
      'Server version: Apache/2.4.68 (Unix)\nServer built:   Sep 18 2026 00:18:40\n',
    );
  });
});
