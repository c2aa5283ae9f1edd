import { describe, expect, it } from 'vitest';
import {
  LabPersistence,
  SAVE_VERSION,
  decodeSave,
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
  nodes: {
    node1: {
      home: [{ path: 'Dockerfile', kind: 'file', mode: 0o644, text: 'FROM alpine\n' }],
      transcript: '$ ls\n',
    },
  },
};

describe('decodeSave', () => {
  it('accepts a save of this version and this lab', () => {
    expect(decodeSave(good, ['node1'])).toEqual({ save: good });
    expect(decodeSave(undefined, ['node1'])).toEqual({});
  });

  it('refuses old versions, corrupt records, other labs and paths out of /root', () => {
    expect(decodeSave({ ...good, version: 0 }, ['node1']).notice).toMatch(/older version/);
    expect(decodeSave('junk', ['node1']).notice).toMatch(/could not be read/);
    expect(decodeSave(good, ['node1', 'node2']).notice).toMatch(/could not be read/);
    const escape = {
      ...good,
      nodes: {
        node1: { home: [{ path: '../etc/passwd', kind: 'file', mode: 0, text: '' }], transcript: '' },
      },
    };
    expect(decodeSave(escape, ['node1']).notice).toMatch(/could not be read/);
    expect(decodeSave({ version: SAVE_VERSION, unsaved: 'quota' }, ['node1']).notice).toMatch(
      /storage .* is full/,
    );
  });
});

describe('LabPersistence', () => {
  it('saves after changes (debounced), loads, and forgets only its own lesson', async () => {
    const store = mapStore();
    store.data.set('/other/', { keep: true });
    const p = new LabPersistence('/lesson/', { store, debounceMs: 10, now: () => 42 });
    p.start(() => ({ nodes: good.nodes }));
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
    p.start(() => ({ nodes: good.nodes }));
    await p.flush();
    expect(errors[0]).toMatch(/storage for this site is full/);
    expect(store.data.get('/lesson/')).toEqual({ version: SAVE_VERSION, unsaved: 'quota' });
    const loaded = await new LabPersistence('/lesson/', { store }).load(['node1']);
    expect(loaded.save).toBeUndefined();
    expect(loaded.notice).toMatch(/could not be saved/);
    expect(store.data.has('/lesson/')).toBe(false);
  });

  it('trims a transcript to its last lines', () => {
    expect(trimTranscript('a\nb\nc\n', 4)).toBe('c\n');
    expect(trimTranscript('short', 10)).toBe('short');
  });
});
