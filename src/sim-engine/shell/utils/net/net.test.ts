import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../process/types.ts';
import { makeFs, run } from '../testing/harness.ts';
import { curl } from './curl.ts';
import { getent, ip, nslookup } from './net-info.ts';
import { ping } from './ping.ts';
import { wget } from './wget.ts';
import { nc } from './nc.ts';

const PAGE = '<h1>hi</h1>\n';
function nginx(req: HttpRequest): HttpResponse {
  if (req.path === '/old') return { status: 301, headers: { Location: '/' }, body: '' };
  if (req.path === '/echo')
    return {
      status: 200,
      headers: { 'Content-Type': 'text/plain' },
      body: `${req.method} ${req.body} ${req.headers['Content-Type']}`,
    };
  if (req.path !== '/') return { status: 404, headers: { 'Content-Type': 'text/html' }, body: 'not found\n' };
  return {
    status: 200,
    headers: { Server: 'nginx/1.27.3', 'Content-Type': 'text/html', 'Content-Length': String(PAGE.length) },
    body: PAGE,
  };
}
const net = {
  services: { '127.0.0.1:8080': { http: nginx }, '172.18.0.3:80': { http: nginx } },
  hosts: { web: '172.18.0.3' },
};

describe('curl', () => {
  it('prints the body, with the progress meter on stderr when piped', async () => {
    const r = await run(curl, ['curl', 'localhost:8080'], net);
    expect(r).toMatchObject({ status: 0, stdout: PAGE });
    expect(r.stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0' +
        '\r100    12  100    12    0     0  12000      0 --:--:-- --:--:-- --:--:-- 12000\n',
    );
    expect((await run(curl, ['curl', 'localhost:8080'], { ...net, tty: true })).stderr).toBe('');
    expect((await run(curl, ['curl', '-s', 'http://web/'], net)).stdout).toBe(PAGE);
  });
  it('sends what curl sends', async () => {
    const r = await run(curl, ['curl', '-s', '-d', 'a=1', 'localhost:8080/echo'], net);
    expect(r.stdout).toBe('POST a=1 application/x-www-form-urlencoded');
    expect(r.requests[0]!.request.headers).toMatchObject({
      Host: 'localhost:8080',
      'User-Agent': 'curl/8.14.1',
      Accept: '*/*',
    });
    const put = await run(
      curl,
      ['curl', '-s', '-X', 'PUT', '-H', 'Content-Type: application/json', '-d', '{}', 'localhost:8080/echo'],
      net,
    );
    expect(put.stdout).toBe('PUT {} application/json');
    const ubuntu = makeFs({ '/etc/os-release': 'ID=ubuntu\nVERSION_ID="24.04"\n' });
    expect(
      (await run(curl, ['curl', '-s', 'localhost:8080'], { ...net, fs: ubuntu })).requests[0]!.request
        .headers['User-Agent'],
    ).toBe('curl/8.5.0');
  });
  it('-i, -I, -L, -w, -o', async () => {
    const i = await run(curl, ['curl', '-si', 'localhost:8080'], net);
    expect(i.stdout).toBe(
      `HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n${PAGE}`,
    );
    const head = await run(curl, ['curl', '-sI', 'localhost:8080'], net);
    expect(head.stdout.endsWith('\r\n\r\n')).toBe(true);
    expect(head.requests[0]!.request.method).toBe('HEAD');
    expect((await run(curl, ['curl', '-sL', 'localhost:8080/old'], net)).stdout).toBe(PAGE);
    expect(
      (
        await run(
          curl,
          ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'localhost:8080/nope'],
          net,
        )
      ).stdout,
    ).toBe('404\n');
    const fs = makeFs();
    await run(curl, ['curl', '-s', '-o', '/tmp/page.html', 'localhost:8080'], { ...net, fs });
    expect(fs.readFile('/tmp/page.html')).toBe(PAGE);
  });
  it('fails like curl', async () => {
    expect(await run(curl, ['curl', '-s', 'localhost:9999'], net)).toMatchObject({ status: 7, stderr: '' });
    expect(await run(curl, ['curl', '-sS', 'localhost:9999'], net)).toMatchObject({
      status: 7,
      stderr: "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n",
    });
    expect(await run(curl, ['curl', '-sS', 'http://foo/'], net)).toMatchObject({
      status: 6,
      stderr: 'curl: (6) Could not resolve host: foo\n',
    });
    expect(await run(curl, ['curl', '-sSf', 'localhost:8080/nope'], net)).toMatchObject({
      status: 22,
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
    });
    const failed = await run(curl, ['curl', 'localhost:9999'], net);
    expect(
      failed.stderr.endsWith(
        "--:--:--     0\ncurl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n",
      ),
    ).toBe(true);
    expect(await run(curl, ['curl'], net)).toMatchObject({
      status: 2,
      stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    });
    expect((await run(curl, ['curl', '--foo', 'x'], net)).stderr).toBe(
      "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
  });
  it('-v shows curl 7.88 on Debian 12 hosts', async () => {
    const fs = makeFs({ '/etc/os-release': 'ID=debian\nVERSION_ID="12"\n' });
    const r = await run(curl, ['curl', '-sv', 'localhost:8080'], { ...net, fs });
    // as curl 7.88.1 prints it (recorded on the fixture machine)
    expect(r.stderr).toBe(
      '*   Trying 127.0.0.1:8080...\n* Connected to localhost (127.0.0.1) port 8080 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: localhost:8080\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.27.3\r\n< Content-Type: text/html\r\n< Content-Length: 12\r\n< \r\n' +
        '{ [12 bytes data]\n* Connection #0 to host localhost left intact\n',
    );
    const failed = await run(curl, ['curl', '-v', 'localhost:9999'], { ...net, fs });
    expect(
      failed.stderr.endsWith(
        "* Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n* Closing connection 0\ncurl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n",
      ),
    ).toBe(true);
  });

  it('-v shows the exchange', async () => {
    const r = await run(curl, ['curl', '-sv', 'localhost:8080'], net);
    expect(r.stderr).toContain('* Connected to localhost (127.0.0.1) port 8080\n');
    expect(r.stderr).toContain('> GET / HTTP/1.1\r\n> Host: localhost:8080\r\n');
    expect(r.stderr).toContain('< HTTP/1.1 200 OK\r\n');
  });
});

describe('wget', () => {
  it('prints to stdout and saves files like BusyBox', async () => {
    expect(
      await run(wget, ['wget', '-qO-', 'http://localhost:8080/'], { ...net, variant: 'busybox' }),
    ).toMatchObject({ status: 0, stdout: PAGE, stderr: '' });
    const fs = makeFs();
    const r = await run(wget, ['wget', 'http://localhost:8080/'], {
      ...net,
      variant: 'busybox',
      fs,
      cwd: '/tmp',
    });
    expect(r.stderr).toBe(
      "Connecting to localhost:8080 (127.0.0.1:8080)\nsaving to 'index.html'\nindex.html           100% |********************************|    12  0:00:00 ETA\n'index.html' saved\n",
    );
    expect(fs.readFile('/tmp/index.html')).toBe(PAGE);
    expect(
      (await run(wget, ['wget', '-q', 'http://localhost:8080/nope'], { ...net, variant: 'busybox' })).stderr,
    ).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(
      (await run(wget, ['wget', '-q', 'http://localhost:1/'], { ...net, variant: 'busybox' })).stderr,
    ).toBe("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
    expect((await run(wget, ['wget', '-q', 'http://nope/'], { ...net, variant: 'busybox' })).stderr).toBe(
      "wget: bad address 'nope'\n",
    );
  });
});

describe('ping', () => {
  it('pings with iputils texts', async () => {
    const r = await run(ping, ['ping', '-c', '2', 'web'], { ...net, now: 0 });
    expect(r.stdout).toBe(
      'PING web (172.18.0.3) 56(84) bytes of data.\n' +
        '64 bytes from 172.18.0.3: icmp_seq=1 ttl=64 time=0.061 ms\n' +
        '64 bytes from 172.18.0.3: icmp_seq=2 ttl=64 time=0.048 ms\n\n' +
        '--- web ping statistics ---\n' +
        '2 packets transmitted, 2 received, 0% packet loss, time 1001ms\n' +
        'rtt min/avg/max/mdev = 0.048/0.054/0.061/0.006 ms\n',
    );
    expect(await run(ping, ['ping', '-c1', 'foo'], net)).toMatchObject({
      status: 2,
      stderr: 'ping: foo: Name or service not known\n',
    });
  });
  it('pings with BusyBox texts', async () => {
    const r = await run(ping, ['ping', '-c', '1', 'web'], { ...net, variant: 'busybox' });
    expect(r.stdout).toBe(
      'PING web (172.18.0.3): 56 data bytes\n64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.061 ms\n\n--- web ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.061/0.061/0.061 ms\n',
    );
    expect(await run(ping, ['ping', 'foo'], { ...net, variant: 'busybox' })).toMatchObject({
      status: 1,
      stderr: "ping: bad address 'foo'\n",
    });
  });
});

describe('getent, nslookup, ip', () => {
  it('looks names up', async () => {
    expect((await run(getent, ['getent', 'hosts', 'web'], net)).stdout).toBe('172.18.0.3      web\n');
    expect((await run(getent, ['getent', 'passwd', 'root'])).stdout).toBe('root:x:0:0:root:/root:/bin/sh\n');
    const ns = await run(nslookup, ['nslookup', 'web'], { ...net, variant: 'busybox' });
    expect(ns.stdout).toContain('Name:\tweb\nAddress: 172.18.0.3\n');
  });
  it('ip -o prints one line per interface', async () => {
    const none = await run(ip, ['ip', '-o', 'link', 'show'], { addresses: [], variant: 'busybox' });
    expect(none.stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
    const addr = await run(ip, ['ip', '-o', 'addr', 'show', 'lo'], { addresses: ['172.17.0.2'] });
    expect(addr.stdout).toBe(
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n',
    );
  });

  it('ip addr shows the namespace', async () => {
    const r = await run(ip, ['ip', 'addr'], { addresses: ['172.17.0.2'], variant: 'busybox' });
    expect(r.stdout).toContain('    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n');
    expect(r.stdout).toContain('link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff');
  });
});

describe('nc', () => {
  const redis = {
    services: {
      '172.18.0.9:6379': { line: (l: string) => (l === 'PING' ? '+PONG' : '-ERR unknown command') },
    },
    hosts: { redis: '172.18.0.9' },
  };
  it('talks to line services', async () => {
    expect((await run(nc, ['nc', 'redis', '6379'], { ...redis, stdin: 'PING\n' })).stdout).toBe('+PONG\n');
    expect(await run(nc, ['nc', '-zv', 'redis', '6379'], redis)).toMatchObject({
      status: 0,
      stderr: 'Connection to redis (172.18.0.9) 6379 port [tcp/*] succeeded!\n',
    });
    expect(await run(nc, ['nc', '-z', 'redis', '6380'], redis)).toMatchObject({
      status: 1,
      stderr: 'nc: connect to redis port 6380 (tcp) failed: Connection refused\n',
    });
    expect(
      (await run(nc, ['nc', 'redis', '6380'], { ...redis, variant: 'busybox', stdin: 'x\n' })).stderr,
    ).toBe("nc: can't connect to remote host (172.18.0.9): Connection refused\n");
  });
});
