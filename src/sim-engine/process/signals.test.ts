import { describe, expect, it } from 'vitest';
import { nullNetwork } from './null-network.ts';
import { DEFAULT_ACTIONS, killedStatus, parseSignal } from './signals.ts';
import { NetError, SIGNAL_NUMBERS } from './types.ts';
import type { SignalName } from './types.ts';

describe('signals', () => {
  it('parses the ways users name signals', () => {
    expect(parseSignal('TERM')).toBe('SIGTERM');
    expect(parseSignal('sigkill')).toBe('SIGKILL');
    expect(parseSignal(' 15 ')).toBe('SIGTERM');
    expect(parseSignal('9')).toBe('SIGKILL');
    expect(parseSignal('SIGWINCH')).toBe('SIGWINCH');
    expect(parseSignal('99')).toBeUndefined();
    expect(parseSignal('toString')).toBeUndefined();
    expect(parseSignal('')).toBeUndefined();
  });

  it('gives 128 + n for every signal and a default action for each', () => {
    for (const name of Object.keys(SIGNAL_NUMBERS) as SignalName[]) {
      expect(killedStatus(name)).toBe(128 + SIGNAL_NUMBERS[name]);
      expect(DEFAULT_ACTIONS[name]).toBeDefined();
    }
    expect(killedStatus('SIGKILL')).toBe(137);
    expect(killedStatus('SIGTERM')).toBe(143);
  });
});

describe('nullNetwork', () => {
  it('knows loopback only and refuses every connection', async () => {
    expect(nullNetwork.resolve('localhost')).toBe('127.0.0.1');
    expect(nullNetwork.resolve('10.0.0.1')).toBe('10.0.0.1');
    expect(nullNetwork.resolve('web')).toBeUndefined();
    await expect(
      nullNetwork.http('localhost', 80, { method: 'GET', path: '/', headers: {}, body: '' }),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await expect(nullNetwork.line('web', 6379, 'PING')).rejects.toBeInstanceOf(NetError);
    const listener = nullNetwork.listen(80, {});
    expect(listener.port).toBe(80);
    listener.close();
  });
});
