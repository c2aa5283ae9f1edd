import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerHost, nodeListen, parseServeArgs, UsageError } from './options.ts';

describe('dockersim serve options', () => {
  it('serves ./dockersim.sock by default, a path made absolute', () => {
    expect(parseServeArgs([], '/home/me')).toEqual({
      listen: { kind: 'socket', path: '/home/me/dockersim.sock' },
      share: '/home/me',
    });
    expect(parseServeArgs(['--share', '../lab'], '/home/me').share).toBe('/home/lab');
    expect(parseServeArgs(['--socket', 'lab/d.sock'], '/home/me').listen).toEqual({
      kind: 'socket',
      path: '/home/me/lab/d.sock',
    });
  });

  it('a TCP port binds to 127.0.0.1 unless another loopback name is given', () => {
    expect(parseServeArgs(['--port', '2375']).listen).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375 });
    expect(parseServeArgs(['--port=2375', '--host=::1']).listen).toEqual({
      kind: 'tcp',
      host: '::1',
      port: 2375,
    });
    expect(parseServeArgs(['--port', '2375', '--host', 'localhost']).listen).toMatchObject({
      host: 'localhost',
    });
  });

  it('refuses any address that is not loopback, saying why', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com', '127.0.0.2']) {
      expect(() => parseServeArgs(['--port', '2375', '--host', host])).toThrow(
        `refusing to listen on ${host}: the simulated engine asks no credentials, so it listens on a loopback address only (127.0.0.1, ::1 or localhost)`,
      );
    }
  });

  it('refuses what makes no sense', () => {
    const bad = [
      [['--port', '0'], 'invalid --port 0: a TCP port is 1 to 65535'],
      [['--port', 'abc'], 'invalid --port abc: a TCP port is 1 to 65535'],
      [['--port', '65535', '--nodes', '2'], '--port 65535 leaves no port for node 2'],
      [
        ['--socket', 'a', '--port', '1'],
        '--socket and --port/--host are exclusive: serve on a Unix socket or on a TCP port',
      ],
      [['--host', '127.0.0.1'], '--host needs --port'],
      [['--nodes', '0'], '--nodes must be between 1 and 9'],
      [['--nodes', 'A,b'], '--nodes takes a count or node names (lower-case letters, digits, -)'],
      [['--addresses', 'x'], '--addresses takes IPv4 addresses separated by commas'],
      [['--socket'], 'flag needs an argument: --socket'],
      [['--bogus'], 'unknown flag: --bogus'],
      [['extra'], 'unexpected argument: extra'],
      [['--log-requests', ''], '--log-requests needs a file'],
      [['--log-requests'], 'flag needs an argument: --log-requests'],
    ] as const;
    for (const [args, message] of bad) expect(() => parseServeArgs(args), args.join(' ')).toThrow(message);
  });

  it('--log-requests FILE: a path made absolute', () => {
    expect(parseServeArgs(['--log-requests', 'log/requests.jsonl'], '/home/me').logRequests).toBe(
      '/home/me/log/requests.jsonl',
    );
    expect(parseServeArgs(['--log-requests=/tmp/r.jsonl'], '/home/me').logRequests).toBe('/tmp/r.jsonl');
    expect(parseServeArgs([], '/home/me')).not.toHaveProperty('logRequests');
  });

  it('puts node N on the next port, or on PATH-nodeN.sock', () => {
    const sock = { kind: 'socket', path: '/tmp/d.sock' } as const;
    expect(nodeListen(sock, 0, 'node1')).toBe(sock);
    expect(nodeListen(sock, 1, 'node2')).toEqual({ kind: 'socket', path: '/tmp/d-node2.sock' });
    expect(nodeListen({ kind: 'socket', path: '/tmp/d' }, 2, 'worker2')).toEqual({
      kind: 'socket',
      path: '/tmp/d-worker2.sock',
    });
    expect(nodeListen({ kind: 'tcp', host: '::1', port: 2375 }, 2, 'node3')).toEqual({
      kind: 'tcp',
      host: '::1',
      port: 2377,
    });
  });

  it('names each endpoint as DOCKER_HOST wants it', () => {
    expect(dockerHost({ kind: 'socket', path: '/tmp/d.sock' })).toBe('unix:///tmp/d.sock');
    expect(dockerHost({ kind: 'tcp', host: '127.0.0.1', port: 2375 })).toBe('tcp://127.0.0.1:2375');
    expect(dockerHost({ kind: 'tcp', host: '::1', port: 2375 })).toBe('tcp://[::1]:2375');
  });

  it('any arguments give options or a usage error, nothing else', () => {
    const word = fc.oneof(
      fc.constantFrom(
        '--socket',
        '--port',
        '--host',
        '--nodes',
        '--addresses',
        '--images',
        '--seed',
        '--port=1',
        '--log-requests',
        '--log-requests=',
        '-x',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        try {
          const o = parseServeArgs(args, '/w');
          expect(['socket', 'tcp']).toContain(o.listen.kind);
          if (o.listen.kind === 'tcp') expect(['127.0.0.1', '::1', 'localhost']).toContain(o.listen.host);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
        }
      }),
    );
  });
});
