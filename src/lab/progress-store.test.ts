import { describe, expect, it } from 'vitest';
import { memoryBackend, ProgressStore, type ProgressBackend } from './progress-store.ts';
import { afterCheck, afterHint, emptyProgress, progressKey } from './progress.ts';

const LESSON = '/lessons/containers/run-your-first-container/';
const T = '2025-05-12T09:30:00.000Z';

describe('the progress store', () => {
  it('records an exercise as it is used and reads it back', async () => {
    const records = new Map<string, unknown>();
    const store = new ProgressStore(memoryBackend(records));
    await store.record(LESSON, 'publish-nginx', (p) => afterCheck(p, false, T));
    const p = await store.record(LESSON, 'publish-nginx', (p) => afterCheck(afterHint(p, 1), true, T));
    expect(p).toMatchObject({ attempts: 2, hintsShown: 1, passed: { at: T, hintsShown: 1 } });
    expect(records.get(progressKey(LESSON, 'publish-nginx'))).toEqual({ version: 1, ...p });
    expect(await store.load()).toEqual({ exercises: new Map([[progressKey(LESSON, 'publish-nginx'), p]]) });
    expect(await store.get(LESSON, 'publish-nginx')).toEqual({ progress: p });
    expect(await store.get(LESSON, 'tidy-up')).toEqual({ progress: emptyProgress(LESSON, 'tidy-up') });
  });

  it('a damaged or old-version record counts as not started, with a notice, never an exception', async () => {
    const good = { version: 1, ...emptyProgress(LESSON, 'a'), attempts: 1 };
    const records = new Map<string, unknown>([
      [progressKey(LESSON, 'a'), good],
      [progressKey(LESSON, 'b'), 'garbage'],
      [progressKey(LESSON, 'c'), { ...good, exercise: 'c', attempts: -1 }],
      // a record filed under another exercise's key
      [progressKey(LESSON, 'd'), { ...good, exercise: 'e' }],
      [progressKey(LESSON, 'f'), { ...good, exercise: 'f', version: 0 }],
    ]);
    const store = new ProgressStore(memoryBackend(records));
    const loaded = await store.load();
    expect([...loaded.exercises.keys()]).toEqual([progressKey(LESSON, 'a')]);
    expect(loaded.notice).toBe(
      '3 exercises’ saved progress could not be read (damaged), and 1 exercise’s saved progress is from another version of Dockyard: they count as not started.',
    );
    expect(await store.get(LESSON, 'f')).toEqual({
      progress: emptyProgress(LESSON, 'f'),
      notice: '1 exercise’s saved progress is from another version of Dockyard: it counts as not started.',
    });
    // recording over a damaged record starts it afresh
    expect(await store.record(LESSON, 'b', (p) => afterCheck(p, false, T))).toEqual({
      ...emptyProgress(LESSON, 'b'),
      attempts: 1,
    });
  });

  it('a browser that refuses the database gives empty progress and says so', async () => {
    const refusing: ProgressBackend = {
      entries: () => Promise.reject(new Error('quota exceeded')),
      get: () => Promise.reject(new Error('quota exceeded')),
      update: () => Promise.reject(new Error('quota exceeded')),
    };
    const store = new ProgressStore(refusing);
    const loaded = await store.load();
    expect(loaded.exercises.size).toBe(0);
    expect(loaded.notice).toMatch(/^Your progress cannot be read in this browser \(quota exceeded\)/);
    expect((await store.get(LESSON, 'a')).notice).toMatch(/quota exceeded/);
    await expect(store.record(LESSON, 'a', (p) => p)).rejects.toThrow('quota exceeded');
  });

  it('merges an import into what is stored', async () => {
    const store = new ProgressStore(memoryBackend());
    await store.record(LESSON, 'a', (p) => afterCheck(p, true, T));
    const imported = [
      { ...emptyProgress(LESSON, 'a'), attempts: 5, hintsShown: 2 },
      { ...emptyProgress(LESSON, 'b'), attempts: 1 },
    ];
    await store.merge(imported);
    await store.merge(imported);
    const { exercises } = await store.load();
    expect(exercises.get(progressKey(LESSON, 'a'))).toEqual({
      ...emptyProgress(LESSON, 'a'),
      attempts: 5,
      hintsShown: 2,
      passed: { at: T, hintsShown: 0, solutionShown: false },
    });
    expect(exercises.get(progressKey(LESSON, 'b'))).toEqual(imported[1]);
  });
});
