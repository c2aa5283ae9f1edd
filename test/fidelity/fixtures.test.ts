// Keeps the recorded fixtures consistent with their scenarios: every scenario declares its
// base images and has a golden transcript whose commands are the script's lines, in order;
// a golden28 transcript (Docker 28's text where the recording daemon differs) has exactly
// the same commands as its golden.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureConsistencyTests, scenariosIn } from './fixture-kit.ts';

const here = dirname(fileURLToPath(import.meta.url));

describe('fidelity fixtures', () => {
  it('has at least 24 scenarios', () => {
    expect(scenariosIn(here).length).toBeGreaterThanOrEqual(24);
  });

  fixtureConsistencyTests(here, (lines) => expect(lines[0]).toMatch(/^# images: \S+(?: \S+)*$/));
});
