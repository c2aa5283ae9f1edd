import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, exportProgress, parseProgressFile, readProgressFile } from './progress-file.ts';
import { readExerciseProgress, type ExerciseProgress } from './progress.ts';

const NOW = '2025-05-12T09:30:00.000Z';
const published: ExerciseProgress = {
  lesson: '/lessons/containers/run-your-first-container/',
  exercise: 'publish-nginx',
  attempts: 2,
  hintsShown: 1,
  solutionShown: false,
  passed: { at: NOW, hintsShown: 1, solutionShown: false },
};
const tidy: ExerciseProgress = { ...published, exercise: 'tidy-up', attempts: 1, passed: null };

describe('export', () => {
  it('writes a versioned JSON file, sorted, that import reads back', () => {
    const text = exportProgress([tidy, published], NOW);
    expect(JSON.parse(text)).toEqual({
      format: 'dockyard-progress',
      version: 1,
      exportedAt: NOW,
      exercises: [published, tidy],
    });
    expect(parseProgressFile(text)).toEqual({ ok: true, exercises: [published, tidy] });
    expect(exportFileName(NOW)).toBe('dockyard-progress-2025-05-12.json');
  });
});

describe('import', () => {
  const file = (over: Record<string, unknown>) =>
    JSON.stringify({ format: 'dockyard-progress', version: 1, exercises: [published], ...over });

  it.each([
    ['not json', /^The file is not JSON, so it is not a progress file exported by Dockyard: .+\.$/],
    [
      '[1,2]',
      'The file is not a progress file exported by Dockyard: it holds a list, not an object with "format": "dockyard-progress".',
    ],
    [
      '{}',
      'The file is not a progress file exported by Dockyard: its "format" is nothing, not "dockyard-progress".',
    ],
    [
      file({ format: 'dockyard-labs' }),
      'The file is not a progress file exported by Dockyard: its "format" is "dockyard-labs", not "dockyard-progress".',
    ],
    [
      file({ version: 2 }),
      'The file is from a newer version of Dockyard (progress version 2); this site reads version 1. Import it into a newer Dockyard.',
    ],
    [file({ version: '1' }), 'The file\'s "version" must be 1, not "1".'],
    [file({ version: 0 }), 'The file\'s "version" must be 1, not 0.'],
    [
      file({ scores: {} }),
      'The file has a field "scores" a progress file cannot have (it has format, version, exportedAt, exercises).',
    ],
    [
      file({ exportedAt: 'soon' }),
      'The file\'s "exportedAt" must be a time like "2025-05-12T09:30:00.000Z", not "soon".',
    ],
    [
      file({ exercises: {} }),
      'The file\'s "exercises" must be a list of exercises\' progress, not an object.',
    ],
    [
      file({ exercises: [published, { ...tidy, attempts: -3 }] }),
      'The file cannot be imported: exercises[1].attempts must be a whole number from 0 to 1,000,000, not -3.',
    ],
    [
      file({ exercises: [published, tidy, { ...published, attempts: 9 }] }),
      'The file cannot be imported: exercises[2] is exercise "publish-nginx" of /lessons/containers/run-your-first-container/ again (also exercises[0]).',
    ],
  ])('refuses %s with a precise message', (text, message) => {
    const r = parseProgressFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.message).toMatch(
        typeof message === 'string'
          ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
          : message,
      );
  });

  it('refuses a file too big to be ours before parsing it', () => {
    const r = parseProgressFile(' '.repeat(1024 * 1024 + 1));
    expect(r).toEqual({
      ok: false,
      message: 'The file is too big to be a progress file (1025 KB; Dockyard’s are at most 1024 KB).',
    });
  });

  it('takes an empty list', () => {
    expect(parseProgressFile(file({ exercises: [] }))).toEqual({ ok: true, exercises: [] });
  });

  const validProgress = fc
    .record({
      module: fc.constantFrom('containers', 'services'),
      lesson: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      exercise: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
      attempts: fc.integer({ min: 1, max: 50 }),
      hintsShown: fc.nat(5),
      solutionShown: fc.boolean(),
      passed: fc.boolean(),
    })
    .map((r): ExerciseProgress => ({
      lesson: `/lessons/${r.module}/${r.lesson}/`,
      exercise: r.exercise,
      attempts: r.attempts,
      hintsShown: r.hintsShown,
      solutionShown: r.solutionShown,
      passed: r.passed ? { at: NOW, hintsShown: r.hintsShown, solutionShown: r.solutionShown } : null,
    }));

  it('random JSON never throws: a clear message, or exercises that are all valid', () => {
    const anyFile = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ format: 'dockyard-progress', version: 1, exercises: v })),
      fc
        .array(fc.oneof(fc.jsonValue(), validProgress as fc.Arbitrary<unknown>))
        .map((exercises) => JSON.stringify({ format: 'dockyard-progress', version: 1, exercises })),
      fc.string(),
    );
    fc.assert(
      fc.property(anyFile, (text) => {
        const r = parseProgressFile(text);
        if (r.ok) for (const p of r.exercises) expect(readExerciseProgress(p, 'p')).toEqual(p);
        else expect(r.message).toMatch(/^The file\b.+\.$/s);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back whatever it exported', () => {
    fc.assert(
      fc.property(fc.uniqueArray(validProgress, { selector: (p) => `${p.lesson}#${p.exercise}` }), (list) => {
        const r = parseProgressFile(exportProgress(list, NOW));
        expect(r.ok && new Set(r.exercises)).toEqual(new Set(list));
      }),
    );
  });

  it('checks a value already parsed', () => {
    expect(readProgressFile(null)).toEqual({
      ok: false,
      message:
        'The file is not a progress file exported by Dockyard: it holds null, not an object with "format": "dockyard-progress".',
    });
  });
});
