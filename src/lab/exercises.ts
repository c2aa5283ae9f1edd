/**
 * The exercises of a lesson, read from its MDX source: each `<Exercise id title>` block
 * with its `<Setup>` and `<Solution>` commands (the `sh` code blocks in them, a command
 * a line, `@node2 …` for another node, as in `lab.setup`), its `<Goal>` YAML and its
 * `<Hint>`s. The build (the Exercise component) and `dockersim verify` both read
 * exercises this way, so they agree on what an exercise is, and both can name the line
 * of the lesson a mistake is on.
 */

export interface ExerciseSource {
  id: string;
  title: string;
  /** the line of `<Exercise` in the file (1-based) */
  line: number;
  setup: string[];
  goal: string;
  /** the file's line of the goal's first YAML line: goal line N is file line goalLine + N - 1 */
  goalLine: number;
  hints: string[];
  solution: string[];
  /** what the exercise is worth in a challenge, when its tag says (`points={15}`) */
  points?: number;
}

export class ExerciseSourceError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`).exec(tag);

/** The text between `<Tag>` and `</Tag>` for every such block in `lines[from..to)`. */
function blocks(
  lines: string[],
  from: number,
  to: number,
  tag: string,
): { start: number; end: number; body: string[] }[] {
  const out: { start: number; end: number; body: string[] }[] = [];
  for (let i = from; i < to; i++) {
    const open = new RegExp(`^\\s*<${tag}(\\s[^>]*)?>(.*)$`).exec(lines[i]!);
    if (!open) continue;
    const close = new RegExp(`</${tag}>`);
    // one-line form: <Hint>text</Hint>
    if (close.test(open[2]!)) {
      out.push({ start: i, end: i, body: [open[2]!.replace(close, '').replace(/<\/.*$/, '')] });
      continue;
    }
    let j = i + 1;
    while (j < to && !close.test(lines[j]!)) j++;
    if (j >= to) throw new ExerciseSourceError(i + 1, `<${tag}> is not closed with </${tag}>`);
    const last = lines[j]!.replace(/\s*<\/[A-Za-z]+>.*$/, '');
    out.push({
      start: i,
      end: j,
      body: [open[2]!, ...lines.slice(i + 1, j), last].filter((_, k, a) => !(k === 0 && a[0] === '')),
    });
    i = j;
  }
  return out;
}

/** The content of the one fenced code block in `body` (of language `lang`), with its first line's index. */
function fence(
  body: string[],
  lang: string,
  where: number,
  what: string,
): { text: string[]; offset: number } {
  const start = body.findIndex((l) => /^\s*(```|~~~)/.test(l));
  if (start < 0) throw new ExerciseSourceError(where, `${what} needs a \`\`\`${lang} code block`);
  const open = /^(\s*)(```|~~~)\s*(\S*)/.exec(body[start]!)!;
  if (open[3] !== lang)
    throw new ExerciseSourceError(
      where + start,
      `${what}'s code block must be \`\`\`${lang}, not \`\`\`${open[3] || '(no language)'}`,
    );
  const indent = open[1]!.length;
  const end = body.findIndex((l, k) => k > start && l.trim().startsWith(open[2]!));
  if (end < 0) throw new ExerciseSourceError(where + start, `${what}'s code block is not closed`);
  const text = body.slice(start + 1, end).map((l) => l.replace(new RegExp(`^ {0,${indent}}`), ''));
  return { text, offset: start + 1 };
}

/** Shell lines as commands: blank lines and `#` comments skipped, `\` continuations joined. */
export function commandsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of lines) {
    const line = pending ? `${pending} ${raw.trim()}` : raw.trim();
    if (line.endsWith('\\')) {
      pending = line.slice(0, -1).trimEnd();
      continue;
    }
    pending = '';
    if (line !== '' && !line.startsWith('#')) out.push(line);
  }
  if (pending) out.push(pending);
  return out;
}

export function extractExercises(source: string): ExerciseSource[] {
  const lines = source.split('\n');
  const out: ExerciseSource[] = [];
  for (const ex of blocks(lines, 0, lines.length, 'Exercise')) {
    const line = ex.start + 1;
    const tag = lines[ex.start]!;
    const idm = attr(tag, 'id');
    const titlem = attr(tag, 'title');
    const id = idm?.[1] ?? idm?.[2] ?? idm?.[3];
    const title = titlem?.[1] ?? titlem?.[2] ?? titlem?.[3];
    if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new ExerciseSourceError(
        line,
        '<Exercise> needs an id of lower-case letters, digits and dashes, like id="publish-a-port"',
      );
    if (!title) throw new ExerciseSourceError(line, `<Exercise id="${id}"> needs a title`);
    const points = pointsOf(tag, id, line);
    if (out.some((e) => e.id === id))
      throw new ExerciseSourceError(line, `two exercises have the id "${id}"`);
    const inner = (tag: string) => blocks(lines, ex.start + 1, ex.end + 1, tag);
    const goals = inner('Goal');
    if (goals.length !== 1)
      throw new ExerciseSourceError(line, `exercise "${id}" needs exactly one <Goal>, not ${goals.length}`);
    const g = goals[0]!;
    const goal = fence(lines.slice(g.start + 1, g.end), 'yaml', g.start + 2, `the <Goal> of "${id}"`);
    const solutions = inner('Solution');
    if (solutions.length !== 1)
      throw new ExerciseSourceError(
        line,
        `exercise "${id}" needs exactly one <Solution>, not ${solutions.length}`,
      );
    const s = solutions[0]!;
    const solution = commandsOf(
      fence(lines.slice(s.start + 1, s.end), 'sh', s.start + 2, `the <Solution> of "${id}"`).text,
    );
    const setups = inner('Setup');
    if (setups.length > 1) throw new ExerciseSourceError(line, `exercise "${id}" has more than one <Setup>`);
    const setup = setups.length
      ? commandsOf(
          fence(
            lines.slice(setups[0]!.start + 1, setups[0]!.end),
            'sh',
            setups[0]!.start + 2,
            `the <Setup> of "${id}"`,
          ).text,
        )
      : [];
    const hints = inner('Hint').map((h) => h.body.join('\n').trim());
    if (hints.length === 0) throw new ExerciseSourceError(line, `exercise "${id}" needs at least one <Hint>`);
    out.push({
      id,
      title,
      line,
      setup,
      goal: goal.text.join('\n'),
      goalLine: g.start + 1 + goal.offset + 1,
      hints,
      solution,
      ...(points === undefined ? {} : { points }),
    });
  }
  return out;
}

/**
 * `points={15}` on the tag: a whole number from 1 to 1000. Only that form, since the
 * component receives what MDX makes of it and `points="15"` would be text there.
 */
function pointsOf(tag: string, id: string, line: number): number | undefined {
  const m = /\bpoints\s*=\s*(\{[^}]*\}|"[^"]*"|'[^']*'|\S+)/.exec(tag);
  if (!m) return undefined;
  const n = Number(/^\{\s*(\d+)\s*\}$/.exec(m[1]!)?.[1] ?? NaN);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new ExerciseSourceError(
      line,
      `<Exercise id="${id}">: points must be a whole number from 1 to 1000, written points={15}, not points=${m[1]}`,
    );
  return n;
}
