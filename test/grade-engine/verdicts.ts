/**
 * The recorded verdicts of real engines (record.ts writes them, verdicts.test.ts reads
 * them): for one exercise, the goal's lines after its setup and after its solution.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'verdicts');

export interface Verdict {
  passed: boolean;
  lines: { passed: boolean; explain: string }[];
}

export interface RecordedVerdicts {
  lesson: string;
  exercise: string;
  /** what graded them: `dockerd 20.10.x, docker CLI 28.2.2` */
  engine: string;
  /** the goal as it was when recorded: a lesson whose goal changed must be recorded again */
  goal: string;
  before: Verdict;
  after: Verdict;
}

/** `containers/run-your-first-container#publish-nginx` → verdicts/containers.run-your-first-container.publish-nginx.json */
export function verdictFile(name: string): string {
  return join(DIR, `${name.replace(/\//g, '.').replace('#', '.')}.json`);
}

export function recordedVerdicts(): RecordedVerdicts[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RecordedVerdicts);
}
