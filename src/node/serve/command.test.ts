/**
 * `dockersim serve` as a user starts it: the bin, its banner, its refusals, Ctrl-C.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exchange, rawRequest } from '../../../test/serve/raw-http.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/dockersim.js');

describe('dockersim serve, the command', () => {
  it('refuses an address that is not loopback: a clear message, exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '2375', '--host', '0.0.0.0'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'dockersim: refusing to listen on 0.0.0.0: the simulated engine asks no credentials, so it listens on a loopback address only (127.0.0.1, ::1 or localhost)',
    );
    expect(r.stdout).toBe('');
  });

  it('serves each node on its own socket, says where, and stops on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-cmd-'));
    const sock = join(dir, 'lab.sock');
    try {
      const child = spawn(process.execPath, [BIN, 'serve', '--socket', sock, '--nodes', '2'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      for (let i = 0; i < 100 && !out.includes('Press Ctrl-C'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toBe(
        'dockersim: a simulated Docker Engine 28.5.2 (API 1.51) is listening\n' +
          `  node1  unix://${sock}\n` +
          `  node2  unix://${join(dir, 'lab-node2.sock')}\n` +
          '\nUse it with your docker CLI:\n' +
          `  export DOCKER_HOST=unix://${sock}\n` +
          `A lesson's \`-H tcp://node2:2375\` is \`-H unix://${join(dir, 'lab-node2.sock')}\` here.\n` +
          '\nPress Ctrl-C to stop.\n',
      );
      const info = await exchange(join(dir, 'lab-node2.sock'), rawRequest('GET', '/v1.51/info'));
      expect(JSON.parse(info.body.toString()) as { Name: string }).toMatchObject({ Name: 'node2' });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(sock)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('will not take a socket another server listens on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockersim-cmd-'));
    const sock = join(dir, 'busy.sock');
    const first = spawn(process.execPath, [BIN, 'serve', '--socket', sock], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      let out = '';
      first.stdout.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 100 && !out.includes('Press Ctrl-C'); i++)
        await new Promise((r) => setTimeout(r, 100));
      const second = spawnSync(process.execPath, [BIN, 'serve', '--socket', sock], { encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toBe(`dockersim: cannot listen: ${sock}: another server is listening on it\n`);
    } finally {
      first.kill('SIGINT');
      await new Promise((r) => first.on('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
