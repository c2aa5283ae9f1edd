import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputLog, checkEvents, type LabEvent } from './input-log.ts';

const write = (t: number, text: string, path = 'Dockerfile'): LabEvent => ({
  k: 'write',
  t,
  node: 'node1',
  path,
  text,
});

describe('InputLog', () => {
  it('keeps one write of a file typed a key at a time, until something else comes between', () => {
    const log = new InputLog();
    log.record(write(1, 'F'));
    log.record({ k: 'tick', t: 2, n: 1 });
    log.record(write(3, 'FR'));
    log.record(write(4, 'FRO'));
    expect(log.events).toEqual([{ k: 'tick', t: 2, n: 1 }, write(4, 'FRO')]);
    log.record(write(5, 'x', 'app.py'));
    log.record(write(6, 'FROM'));
    expect(log.events.map((e) => e.t)).toEqual([2, 4, 5, 6]);
    log.record({ k: 'line', t: 7, node: 'node1', line: 'docker build .' });
    log.record(write(8, 'FROM alpine'));
    expect(log.events.map((e) => e.t)).toEqual([2, 4, 5, 6, 7, 8]);
  });

  it('tells each input, returns its index, and records nothing once closed', () => {
    const log = new InputLog([{ k: 'tick', t: 1, n: 1 }]);
    const told: LabEvent[] = [];
    log.onRecord((e) => told.push(e));
    expect(log.record({ k: 'interrupt', t: 2, node: 'node1' })).toBe(1);
    log.close();
    expect(log.record({ k: 'interrupt', t: 3, node: 'node1' })).toBe(-1);
    expect(told).toHaveLength(1);
    expect(log.events).toHaveLength(2);
  });

  it('undoes to just before the last command line, whatever came after it', () => {
    const log = new InputLog();
    expect(log.undoPoint()).toBeUndefined();
    log.record({ k: 'line', t: 5, node: 'node1', line: 'docker run -d nginx' });
    log.record({ k: 'tick', t: 6, n: 2 });
    log.record({ k: 'line', t: 9, node: 'node2', line: 'docker ps' });
    log.record({ k: 'tick', t: 10, n: 1 });
    log.record(write(11, 'x'));
    expect(log.undoPoint()).toEqual({
      events: log.events.slice(0, 2),
      now: 9,
      node: 'node2',
      line: 'docker ps',
    });
    expect(new InputLog(log.undoPoint()!.events).undoPoint()).toMatchObject({ now: 5, events: [] });
  });
});

describe('checkEvents', () => {
  it('accepts a log the lab could have made', () => {
    const log: LabEvent[] = [
      { k: 'line', t: 1, node: 'node1', line: 'cat', stdin: true, tty: true },
      { k: 'stdin', t: 2, of: 0, data: null },
      { k: 'probe', t: 2, node: 'node2', url: 'http://localhost' },
    ];
    expect(checkEvents(log, ['node1', 'node2'])).toBeUndefined();
  });

  it('says which input is wrong', () => {
    expect(checkEvents({}, ['node1'])).toBe('the inputs are not a list');
    expect(
      checkEvents(
        [
          { k: 'tick', t: 1, n: 1 },
          { k: 'zap', t: 2 },
        ],
        ['node1'],
      ),
    ).toBe('input 2 is not one the lab knows');
    expect(
      checkEvents(
        [
          { k: 'tick', t: 5, n: 1 },
          { k: 'tick', t: 4, n: 1 },
        ],
        ['node1'],
      ),
    ).toBe('input 2 is earlier than the one before it');
    expect(checkEvents([{ k: 'write', t: 1, node: 'node1', path: 'a//b', text: '' }], ['node1'])).toBe(
      'input 1 is not one the lab knows',
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.anything())), (raw) => {
        const why = checkEvents(raw, ['node1']);
        expect(why === undefined || typeof why === 'string').toBe(true);
      }),
    );
  });
});
