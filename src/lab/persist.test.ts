import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LabPersistence,
  MAX_HISTORY,
  SAVE_VERSION,
  decodeSave,
  labFingerprint,
  nodeSave,
  trimTranscript,
  type LabSave,
  type SaveStore,
} from './persist.ts';

function mapStore(fail?: (value: unknown) => Error | undefined): SaveStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    put: async (key, value) => {
      const error = fail?.(value);
      if (error) throw error;
      data.set(key, structuredClone(value));
    },
    delete: async (key) => void data.delete(key),
  };
}

const good: LabSave = {
  version: SAVE_VERSION,
  savedAt: 5,
  lab: labFingerprint({ nodes: 1 }),
  setup: ['docker pull alpine'],
  events: [
    { k: 'line', t: 10, node: 'node1', line: 'cat', tty: true, stdin: true },
    { k: 'stdin', t: 12, of: 0, data: 'hi\n' },
    { k: 'tick', t: 20, n: 2 },
    { k: 'write', t: 30, node: 'node1', path: 'app/Dockerfile', text: 'FROM alpine\n' },
    { k: 'interrupt', t: 31, node: 'node1' },
    { k: 'probe', t: 40, node: 'node1', url: 'http://localhost:8080' },
  ],
  now: 50,
  nodes: { node1: { transcript: '$ ls\n', history: ['ls'] } },
};
const saved = { lab: good.lab, setup: good.setup, events: good.events, now: good.now, nodes: good.nodes };

describe('decodeSave', () => {
  it('accepts a save of this version and this lab', () => {
    expect(decodeSave(good, ['node1'])).toEqual({ save: good });
    expect(decodeSave(undefined, ['node1'])).toEqual({});
  });

  it('refuses old versions, corrupt records, other labs and paths out of /root', () => {
    expect(decodeSave({ ...good, version: 1 }, ['node1']).notice).toMatch(/an older version/);
    expect(decodeSave({ ...good, version: SAVE_VERSION + 1 }, ['node1']).notice).toMatch(/a newer version/);
    expect(decodeSave('junk', ['node1']).notice).toMatch(/could not be read/);
    expect(decodeSave(good, ['node1', 'node2']).notice).toMatch(/could not be read/);
    const escape = {
      ...good,
      events: [{ k: 'write', t: 1, node: 'node1', path: '../etc/passwd', text: '' }],
    };
    expect(decodeSave(escape, ['node1']).notice).toMatch(/could not be read/);
    expect(decodeSave({ version: SAVE_VERSION, unsaved: 'quota' }, ['node1']).notice).toMatch(
      /storage .* is full/,
    );
  });

  it('refuses inputs the lab could not have had: out of order, after the save, on no node, stdin of no line', () => {
    const bad = (events: unknown[], now = 50) => decodeSave({ ...good, events, now }, ['node1']).notice;
    expect(
      bad([
        { k: 'tick', t: 20, n: 1 },
        { k: 'tick', t: 10, n: 1 },
      ]),
    ).toMatch(/could not be read/);
    expect(bad([{ k: 'tick', t: 60, n: 1 }])).toMatch(/could not be read/);
    expect(bad([{ k: 'interrupt', t: 1, node: 'node9' }])).toMatch(/could not be read/);
    expect(bad([{ k: 'stdin', t: 1, of: 0, data: 'x' }])).toMatch(/could not be read/);
    expect(
      bad([
        { k: 'line', t: 1, node: 'node1', line: 'ls' },
        { k: 'stdin', t: 1, of: 0, data: 'x' },
      ]),
    ).toMatch(/could not be read/);
    expect(bad([{ k: 'tick', t: 1, n: 0 }])).toMatch(/could not be read/);
    expect(bad([{ k: 'reboot', t: 1 }])).toMatch(/could not be read/);
    expect(bad([])).toBeUndefined();
  });

  it('refuses a save of another version of the lesson’s lab', () => {
    expect(decodeSave(good, ['node1'], labFingerprint({ nodes: 1 })).save).toEqual(good);
    expect(
      decodeSave(good, ['node1'], labFingerprint({ nodes: 1, images: ['nginx:latest'] })).notice,
    ).toMatch(/lesson’s lab has changed/);
    expect(labFingerprint({ files: { a: '1', b: '2' } })).toBe(labFingerprint({ files: { b: '2', a: '1' } }));
    expect(labFingerprint({ setup: ['a'] })).not.toBe(labFingerprint({ setup: ['b'] }));
  });

  it('never throws on any stored value: a save or a notice', () => {
    const event = fc.oneof(
      fc.record({
        k: fc.constantFrom('tick', 'line', 'stdin', 'interrupt', 'write', 'probe', 'x'),
        t: fc.integer(),
      }),
      fc.record({
        k: fc.constant('line'),
        t: fc.nat(60),
        node: fc.constantFrom('node1', 'node2'),
        line: fc.string(),
      }),
      fc.record({ k: fc.constant('stdin'), t: fc.nat(60), of: fc.integer(), data: fc.option(fc.string()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            ...Object.fromEntries(Object.entries(good).map(([k, v]) => [k, fc.constant(v)])),
            events: fc.array(event),
          }),
          fc.record({
            version: fc.constant(SAVE_VERSION),
            nodes: fc.anything(),
            events: fc.anything(),
            now: fc.anything(),
          }),
        ),
        (raw) => {
          const loaded = decodeSave(raw, ['node1']);
          expect(loaded.save !== undefined || raw === undefined || typeof loaded.notice === 'string').toBe(
            true,
          );
        },
      ),
    );
  });
});

describe('LabPersistence', () => {
  it('saves after changes (debounced), loads, and forgets only its own lesson', async () => {
    const store = mapStore();
    store.data.set('/other/', { keep: true });
    const p = new LabPersistence('/lesson/', { store, debounceMs: 10, now: () => 42 });
    p.start(() => saved);
    p.changed();
    p.changed();
    await new Promise((r) => setTimeout(r, 30));
    await p.flush();
    expect(store.data.get('/lesson/')).toEqual({ ...good, savedAt: 42 });
    expect(await new LabPersistence('/lesson/', { store }).load(['node1'])).toEqual({
      save: { ...good, savedAt: 42 },
    });
    await p.clear();
    expect(store.data.has('/lesson/')).toBe(false);
    expect(store.data.get('/other/')).toEqual({ keep: true });
  });

  it('a corrupt record is deleted on load, with a notice; other lessons keep theirs', async () => {
    const store = mapStore();
    store.data.set('/lesson/', { version: SAVE_VERSION, nodes: 7 });
    store.data.set('/other/', good);
    const loaded = await new LabPersistence('/lesson/', { store }).load(['node1']);
    expect(loaded.save).toBeUndefined();
    expect(loaded.notice).toMatch(/could not be read/);
    expect(store.data.has('/lesson/')).toBe(false);
    expect(store.data.get('/other/')).toEqual(good);
  });

  it('over quota: a marker instead of the save, the learner told, the next load fresh with a notice', async () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const store = mapStore((v) => ((v as { nodes?: unknown }).nodes ? quota : undefined));
    const errors: string[] = [];
    const p = new LabPersistence('/lesson/', { store, onError: (m) => errors.push(m) });
    p.start(() => saved);
    await p.flush();
    expect(errors[0]).toMatch(/storage for this site is full/);
    expect(store.data.get('/lesson/')).toEqual({ version: SAVE_VERSION, unsaved: 'quota' });
    const loaded = await new LabPersistence('/lesson/', { store }).load(['node1']);
    expect(loaded.save).toBeUndefined();
    expect(loaded.notice).toMatch(/could not be saved/);
    expect(store.data.has('/lesson/')).toBe(false);
  });

  it('a lab that keeps changing is still saved: a due save is not put off by later changes', async () => {
    const store = mapStore();
    const p = new LabPersistence('/lesson/', { store, debounceMs: 30 });
    p.start(() => saved);
    for (let i = 0; i < 6; i++) {
      p.changed();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(store.data.has('/lesson/')).toBe(true);
    p.stop();
  });

  it('trims a transcript to its last lines, and a history to its last commands', () => {
    expect(trimTranscript('a\nb\nc\n', 4)).toBe('c\n');
    expect(trimTranscript('short', 10)).toBe('short');
    const long = Array.from({ length: MAX_HISTORY + 3 }, (_, i) => `echo ${i}`);
    expect(nodeSave('x\n', long).history).toEqual(long.slice(3));
  });
});
