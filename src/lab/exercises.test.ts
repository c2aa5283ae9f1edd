import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commandsOf, extractExercises } from './exercises.ts';

const LESSON = `---
title: x
---

Some text.

<Exercise id="publish" title="Publish nginx on 8080">
  <Setup>
  \`\`\`sh
  docker run -d --name old alpine sleep 1d
  @node2 docker ps
  \`\`\`
  </Setup>
  <Goal>
  \`\`\`yaml
  containers:
    web: { running: true }
  \`\`\`
  </Goal>
  <Hint>Use \`-p\`.</Hint>
  <Hint>
  Publish port 80 on 8080.
  </Hint>
  <Solution>
  \`\`\`sh
  docker run -d --name web \\
    -p 8080:80 nginx
  \`\`\`
  </Solution>
</Exercise>
`;

describe('extractExercises', () => {
  it('reads id, title, setup, goal with its line, hints and solution', () => {
    const [ex, ...rest] = extractExercises(LESSON);
    expect(rest).toEqual([]);
    expect(ex).toEqual({
      id: 'publish',
      title: 'Publish nginx on 8080',
      line: 7,
      setup: ['docker run -d --name old alpine sleep 1d', '@node2 docker ps'],
      goal: 'containers:\n  web: { running: true }',
      goalLine: 16,
      hints: ['Use `-p`.', 'Publish port 80 on 8080.'],
      solution: ['docker run -d --name web -p 8080:80 nginx'],
    });
    expect(LESSON.split('\n')[ex!.goalLine - 1]).toBe('  containers:');
  });

  it('names the line of a broken exercise', () => {
    expect(() => extractExercises(LESSON.replace('<Goal>', '<Goals>'))).toThrow(
      /line 7: exercise "publish" needs exactly one <Goal>/,
    );
    expect(() => extractExercises(LESSON.replace('```yaml', '```yml'))).toThrow(
      /line 15: the <Goal> of "publish"'s code block must be ```yaml/,
    );
    expect(() => extractExercises(LESSON.replace('id="publish"', 'id="Publish It"'))).toThrow(
      /line 7: <Exercise> needs an id/,
    );
    expect(() => extractExercises(LESSON.replace('</Exercise>', ''))).toThrow(
      /line 7: <Exercise> is not closed/,
    );
  });

  it('reads a challenge exercise’s points, and refuses points that are not a whole number in braces', () => {
    expect(extractExercises(LESSON)[0]!.points).toBeUndefined();
    const tagged = (points: string) => LESSON.replace('title="Publish', `${points} title="Publish`);
    expect(extractExercises(tagged('points={15}'))[0]!.points).toBe(15);
    expect(() => extractExercises(tagged('points="5"'))).toThrow(/written points=\{15\}, not points="5"$/);
    expect(() => extractExercises(tagged('points={0}'))).toThrow(
      'line 7: <Exercise id="publish">: points must be a whole number from 1 to 1000, written points={15}, not points={0}',
    );
    expect(() => extractExercises(tagged('points={5+5}'))).toThrow(/not points=\{5\+5\}$/);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((v) => !v.includes('>') && !v.includes('\n')),
        (v) => {
          try {
            const points = extractExercises(tagged(`points=${v}`))[0]!.points;
            expect(points === undefined || (Number.isInteger(points) && points >= 1 && points <= 1000)).toBe(
              true,
            );
          } catch (err) {
            expect((err as Error).message).toMatch(/^line 7: /);
          }
        },
      ),
    );
  });

  it('commands: comments and blank lines skipped, continuations joined', () => {
    expect(commandsOf(['# start', '', 'docker run \\', '  -d nginx', 'docker ps'])).toEqual([
      'docker run -d nginx',
      'docker ps',
    ]);
  });
});
