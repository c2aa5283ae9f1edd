import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { getTimestamp } from '../../api/timetypes.ts';
import { DaemonError } from '../../errdefs.ts';
import { formatRFC3339Nano } from '../../golang/time.ts';
import type { Daemon } from '../daemon.ts';
import { eventListeners, parseEventTime, streamEvents } from './event-stream.ts';

const drain = async (q: AsyncIterable<Record<string, unknown>>) => {
  const out: Record<string, unknown>[] = [];
  for await (const m of q) out.push(m);
  return out;
};

const volumeEvent = (d: Daemon, name: string, action = 'create') =>
  d.events.log(d.instant(), 'volume', action, name, { driver: 'local' });

const secs = (ms: number) => String(Math.floor(ms / 1000));

describe('parseEventTime (timetypes.ParseTimestamps then time.Unix)', () => {
  it('reads seconds and a fraction scaled to nanoseconds', () => {
    expect(parseEventTime('1700000000')).toBe(1_700_000_000_000_000_000n);
    expect(parseEventTime('1700000000.5')).toBe(1_700_000_000_500_000_000n);
    expect(parseEventTime('1700000000.000000001')).toBe(1_700_000_000_000_000_001n);
  });

  it('gives the zero time for nothing and for -1 seconds', () => {
    expect(parseEventTime(undefined)).toBeUndefined();
    expect(parseEventTime('')).toBeUndefined();
    expect(parseEventTime('-1.000000000')).toBeUndefined();
  });

  it("fails with strconv's text as a 500", () => {
    let err: DaemonError | undefined;
    try {
      parseEventTime('abc');
    } catch (e) {
      err = e as DaemonError;
    }
    expect(err).toBeInstanceOf(DaemonError);
    expect(err?.status).toBe(500);
    expect(err?.message).toBe('strconv.ParseInt: parsing "abc": invalid syntax');
  });

  it('property: what the CLI sends for an RFC 3339 time is that time to the nanosecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 999_999 }),
        (ms, ns) => {
          const sent = getTimestamp(formatRFC3339Nano(ms, ns), 0);
          return parseEventTime(sent) === BigInt(ms) * 1_000_000n + BigInt(ns);
        },
      ),
    );
  });
});

describe('streamEvents (GET /events)', () => {
  it('replays nothing without since or until, then follows until the client hangs up', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    volumeEvent(d, 'old');
    const q = streamEvents(d, {});
    expect(eventListeners(d)).toBe(1);
    volumeEvent(d, 'new');
    const first = await q.next();
    expect((first.value as { Actor: { ID: string } }).Actor.ID).toBe('new');
    q.close();
    expect(eventListeners(d)).toBe(0);
  });

  it('replays the kept events from since and ends at once when until is past', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    volumeEvent(d, 'before');
    await lab.sleep(2000);
    const since = lab.engine.clock.now();
    volumeEvent(d, 'a');
    volumeEvent(d, 'b', 'destroy');
    await lab.sleep(2000);
    const got = await drain(
      streamEvents(d, { since: secs(since), until: secs(lab.engine.clock.now() - 500) }),
    );
    expect(got.map((m) => (m as { Actor: { ID: string } }).Actor.ID)).toEqual(['a', 'b']);
    expect(eventListeners(d)).toBe(0);
  });

  it('sends the exact nanosecond time and filters with moby rules', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    volumeEvent(d, 'data');
    d.events.log(d.instant(), 'network', 'create', 'n1', { name: 'data', type: 'bridge' });
    await lab.sleep(1000);
    const got = await drain(
      streamEvents(d, {
        since: '0',
        until: secs(lab.engine.clock.now()),
        filters: JSON.stringify({ type: { volume: true } }),
      }),
    );
    expect(got).toHaveLength(1);
    const m = got[0] as { time: number; timeNano: bigint };
    expect(typeof m.timeNano).toBe('bigint');
    expect(m.timeNano / 1_000_000_000n).toBe(BigInt(m.time));
  });

  it('stays open until a future until, taking new events on the way', async () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    const start = lab.engine.clock.now();
    const q = streamEvents(d, { until: secs(start + 5000) });
    const all = drain(q);
    await lab.sleep(1000);
    volumeEvent(d, 'during');
    await lab.sleep(5000);
    expect(q.closed).toBe(true);
    expect((await all).map((m) => (m as { Actor: { ID: string } }).Actor.ID)).toEqual(['during']);
  });

  it('refuses a since after until', () => {
    const lab = testLab();
    const d = lab.engine.host().daemon;
    expect(() => streamEvents(d, { since: '200', until: '100' })).toThrow(
      '`since` time (200) cannot be after `until` time (100)',
    );
  });
});
