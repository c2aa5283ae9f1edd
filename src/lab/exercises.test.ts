import { describe, expect, it } from 'vitest';
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

  it('commands: comments and blank lines skipped, continuations joined', () => {
    expect(commandsOf(['# start', '', 'docker run \\', '  -d nginx', 'docker ps'])).toEqual([
      'docker run -d nginx',
      'docker ps',
    ]);
  });
});
