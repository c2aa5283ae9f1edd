/** uniq (-c -d -u -i -f N -s N -w N) over adjacent lines; optional INPUT and OUTPUT files. */
import type { Program } from '../../../process/types.ts';
import { parseCommand } from '../support/command.ts';
import { complain } from '../support/fail.ts';
import { errorText, readOperand, resolvePath, splitLines } from '../support/io.ts';

export const uniq: Program = async (ctx) => {
  const parsed = parseCommand(ctx, {
    name: 'uniq',
    options: [
      { key: 'c', short: 'c', long: 'count' },
      { key: 'd', short: 'd', long: 'repeated' },
      { key: 'u', short: 'u', long: 'unique' },
      { key: 'i', short: 'i', long: 'ignore-case' },
      { key: 'f', short: 'f', long: 'skip-fields', arg: 'required' },
      { key: 's', short: 's', long: 'skip-chars', arg: 'required' },
      { key: 'w', short: 'w', long: 'check-chars', arg: 'required' },
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.options;
  const input = parsed.operands[0] ?? '-';
  let text: string;
  try {
    text = await readOperand(ctx, input);
  } catch (error) {
    complain(ctx, 'uniq', `${input}: ${errorText(error)}`, `can't open '${input}': ${errorText(error)}`);
    return 1;
  }
  const skipFields = Number(o.last('f') ?? 0);
  const skipChars = Number(o.last('s') ?? 0);
  const width = o.has('w') ? Number(o.last('w')) : Infinity;
  const keyOf = (line: string) => {
    let rest = line;
    for (let i = 0; i < skipFields; i++) rest = rest.replace(/^\s*\S+/, '');
    rest = rest.slice(skipChars).slice(0, width);
    return o.has('i') ? rest.toLowerCase() : rest;
  };
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(text)) {
    const last = groups.at(-1);
    if (last && keyOf(last.line) === keyOf(line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const out = groups
    .filter((g) => (o.has('d') ? g.count > 1 : true) && (o.has('u') ? g.count === 1 : true))
    .map((g) => (o.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`))
    .join('');
  if (parsed.operands[1] !== undefined) ctx.fs.writeFile(resolvePath(ctx.cwd, parsed.operands[1]), out);
  else ctx.stdout.write(out);
  return 0;
};
