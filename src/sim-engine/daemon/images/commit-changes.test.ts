import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContainerConfig } from '../../api/types/container.ts';
import { applyChanges, words } from './commit-changes.ts';

const base = {
  Env: ['PATH=/bin'],
  Cmd: ['sh'],
  Entrypoint: null,
  WorkingDir: '/app',
  Labels: null,
  Volumes: null,
} as unknown as ContainerConfig;

describe('commit --change', () => {
  it('applies the metadata instructions in order', () => {
    const c = applyChanges(base, [
      'ENV A=1 B="two words"',
      'ENV PATH=/usr/bin',
      'LABEL org.example.v=1',
      'EXPOSE 80 53/udp',
      'VOLUME ["/data"]',
      'WORKDIR sub/../www',
      'USER nobody',
      'STOPSIGNAL SIGQUIT',
      'CMD echo hi',
      'HEALTHCHECK --interval=5s --retries=2 CMD curl -f http://localhost/',
    ]);
    expect(c.Env).toEqual(['PATH=/usr/bin', 'A=1', 'B=two words']);
    expect(c.Labels).toEqual({ 'org.example.v': '1' });
    expect(Object.keys(c.ExposedPorts ?? {})).toEqual(['80/tcp', '53/udp']);
    expect(c.Volumes).toEqual({ '/data': {} });
    expect(c.WorkingDir).toBe('/app/www');
    expect([c.User, c.StopSignal]).toEqual(['nobody', 'SIGQUIT']);
    expect(c.Cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
    expect(c.Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'curl -f http://localhost/'],
      Interval: 5e9,
      Retries: 2,
    });
    expect(base.Env).toEqual(['PATH=/bin']);
  });

  it('clears an inherited CMD when only ENTRYPOINT is given', () => {
    expect(applyChanges(base, ['ENTRYPOINT ["top"]'])).toMatchObject({ Entrypoint: ['top'], Cmd: null });
    expect(applyChanges(base, ['CMD ["-b"]', 'ENTRYPOINT ["top"]'])).toMatchObject({
      Entrypoint: ['top'],
      Cmd: ['-b'],
    });
  });

  it('refuses instructions that are not metadata', () => {
    expect(() => applyChanges(base, ['RUN true'])).toThrow('run is not a valid change command');
    expect(() => applyChanges(base, ['ENV'])).toThrow('ENV requires at least one argument');
  });

  it('splits words as the Dockerfile does: plain words, and quoted ones back as they were', () => {
    const plain = fc.array(fc.stringMatching(/^[a-z0-9=/._-]{1,8}$/), { maxLength: 6 });
    fc.assert(
      fc.property(plain, (ws) => {
        expect(words(ws.join(' '))).toEqual(ws);
      }),
    );
    const any = fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', "'", '=', 'x') }), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(any, (ws) => {
        const quoted = ws.map((w) => `"${w.replace(/[\\"]/g, (c) => '\\' + c)}"`).join(' ');
        expect(words(quoted)).toEqual(ws);
      }),
    );
  });
});
