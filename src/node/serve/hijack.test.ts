import { describe, expect, it } from 'vitest';
import type { Reader } from '../../sim-engine/process/types.ts';
import { hijackKind, TtyEcho, upgradedHead } from './hijack.ts';

function reader(chunks: string[]): Reader {
  return { read: () => Promise.resolve(chunks.length ? chunks.shift()! : null) };
}

describe('hijacked connections', () => {
  it('knows the endpoints that take the connection over', () => {
    expect(hijackKind('POST', '/v1.50/containers/web/attach')).toBe('attach');
    expect(hijackKind('POST', '/exec/abc/start')).toBe('exec');
    expect(hijackKind('GET', '/v1.50/containers/web/attach')).toBeUndefined();
    expect(hijackKind('POST', '/v1.50/containers/web/attach/ws')).toBeUndefined();
  });

  it("writes the 101 as moby does: exec start copies the middlewares' headers, attach none", () => {
    expect(upgradedHead('attach', 'application/vnd.docker.raw-stream')).toBe(
      'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
    );
    expect(upgradedHead('exec', 'application/vnd.docker.multiplexed-stream')).toBe(
      'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n' +
        'Api-Version: 1.51\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/28.5.2 (linux)\r\n\r\n',
    );
  });

  it('echoes what a TTY is typed, as its line discipline would, and passes the input on unchanged', async () => {
    const typed = ['ls -x', '\x7f\x7fl\r', 'abc\x15', 'sleep 9\r', '\x03', '\x04', '\x10\x11'];
    const echo = new TtyEcho(reader([...typed]));
    const seen: string[] = [];
    const got: (string | null)[] = [];
    // held until the 101 is written
    got.push(await echo.read());
    echo.start((t) => seen.push(t));
    for (let i = 1; i <= typed.length; i++) got.push(await echo.read());
    expect(got).toEqual([...typed, null]);
    expect(seen.join('')).toBe('ls -x\b \b\b \bl\r\n' + 'abc\b \b\b \b\b \b' + 'sleep 9\r\n' + '^C');
  });

  it('echoes nothing where there is no TTY', async () => {
    const echo = new TtyEcho(reader(['hello\n']));
    echo.start(undefined);
    expect(await echo.read()).toBe('hello\n');
  });
});
