/**
 * `read [-r] [-p prompt] [-n count] [-t secs] [-s] [name…]`: one line, split on IFS
 * with the last name taking the rest. Reads through the shared input buffer, so the
 * rest of the input stays for the next reader.
 */
import { inputBuffer } from '../io.ts';
import type { Builtin } from './types.ts';

interface Ch {
  c: string;
  escaped: boolean;
}

/** Split `line` for `names` as read does. */
export function splitForRead(line: Ch[], ifs: string, count: number): string[] {
  const isIfs = (x: Ch) => !x.escaped && ifs.includes(x.c);
  const isWs = (x: Ch) => isIfs(x) && (x.c === ' ' || x.c === '\t' || x.c === '\n');
  const out: string[] = [];
  let i = 0;
  while (i < line.length && isWs(line[i]!)) i++;
  for (let n = 0; n < count - 1; n++) {
    let field = '';
    while (i < line.length && !isIfs(line[i]!)) field += line[i++]!.c;
    out.push(field);
    // one delimiter: white space around at most one other IFS character
    while (i < line.length && isWs(line[i]!)) i++;
    if (i < line.length && isIfs(line[i]!) && !isWs(line[i]!)) {
      i++;
      while (i < line.length && isWs(line[i]!)) i++;
    }
  }
  let end = line.length;
  while (end > i && isWs(line[end - 1]!)) end--;
  out.push(
    line
      .slice(i, end)
      .map((x) => x.c)
      .join(''),
  );
  return out;
}

/** Every field of the line, for `read -a` (bash). */
function splitAll(line: Ch[], ifs: string): string[] {
  const out: string[] = [];
  let cur = '';
  let state: 'start' | 'field' | 'ws' | 'delim' = 'start';
  for (const x of line) {
    if (x.escaped || !ifs.includes(x.c)) {
      cur += x.c;
      state = 'field';
    } else if (x.c === ' ' || x.c === '\t' || x.c === '\n') {
      if (state === 'field') {
        out.push(cur);
        cur = '';
        state = 'ws';
      }
    } else {
      if (state !== 'ws') out.push(cur);
      cur = '';
      state = 'delim';
    }
  }
  if (state === 'field') out.push(cur);
  return out;
}

export const read: Builtin = {
  async run(call) {
    const sh = call.sh;
    const args = call.argv.slice(1);
    let raw = false;
    let arrayName: string | undefined;
    let prompt: string | undefined;
    let nchars: number | undefined;
    let timeout: number | undefined;
    let delim = '\n';
    let i = 0;
    for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'r') raw = true;
        else if (c === 's') continue;
        else if ('pntdua'.includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) {
            call.error(`-${c}: option requires an argument`);
            return 2;
          }
          if (c === 'p') prompt = value;
          else if (c === 'n') nchars = Number(value);
          else if (c === 't') timeout = Number(value);
          else if (c === 'd') delim = value.slice(0, 1) || '\0';
          else if (c === 'a') arrayName = value;
          break;
        } else {
          call.error(`-${c}: invalid option`);
          return 2;
        }
      }
    }
    let names = args.slice(i);
    if (!names.length) {
      if (sh.dialect.name === 'dash') {
        call.error('arg count');
        return 2;
      }
      names = ['REPLY'];
    }
    for (const n of names) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
        call.error(
          sh.dialect.name === 'bash' ? `\`${n}': not a valid identifier` : `${n}: bad variable name`,
        );
        return sh.dialect.name === 'bash' ? 1 : 2;
      }
    }
    const input = call.io.stdin;
    if (prompt !== undefined && input === sh.proc.terminal?.reader) call.io.stderr.write(prompt);
    const buf = inputBuffer(input);
    let gaveUp = false;
    const cancelled = () => gaveUp;
    const readLine = async (): Promise<{ line: string; eol: boolean } | null> => {
      if (nchars !== undefined) {
        const t = await buf.readChars(nchars, cancelled);
        return t === null ? null : { line: t, eol: true };
      }
      if (delim !== '\n') {
        let text = '';
        for (;;) {
          const c = await buf.readChars(1, cancelled);
          if (c === null) return text ? { line: text, eol: false } : null;
          if (c === delim) return { line: text, eol: true };
          text += c;
        }
      }
      return buf.readLine(cancelled);
    };
    const reading = (async () => {
      const chars: Ch[] = [];
      let eol = false;
      for (;;) {
        const r = await readLine();
        if (!r) break;
        eol = r.eol;
        const text = r.line;
        let k = 0;
        for (; k < text.length; k++) {
          const c = text[k]!;
          if (c === '\\' && !raw) {
            if (k + 1 < text.length) chars.push({ c: text[++k]!, escaped: true });
            else break;
          } else chars.push({ c, escaped: false });
        }
        // a backslash at the end of the line joins the next one (without -r)
        if (!raw && text.endsWith('\\') && (text.length - text.replace(/\\+$/, '').length) % 2 === 1 && r.eol)
          continue;
        break;
      }
      return { chars, eol };
    })();
    let result: { chars: Ch[]; eol: boolean } | 'timeout';
    try {
      if (timeout !== undefined) {
        const late = sh.ctx.sleep(timeout * 1000).then(() => 'timeout' as const);
        result = await sh.interruptible(Promise.race([reading, late]));
      } else result = await sh.interruptible(reading);
    } finally {
      // a read given up (timeout, Ctrl-C) takes none of the input that comes later
      gaveUp = true;
    }
    if (result === 'timeout') return sh.dialect.name === 'bash' ? 142 : 1;
    const ifs = sh.state.vars.get('IFS') ?? ' \t\n';
    if (arrayName !== undefined && sh.dialect.name === 'bash') {
      sh.state.vars.setArray(arrayName, splitAll(result.chars, ifs));
      return result.eol ? 0 : 1;
    }
    const fields =
      names.length === 1 && names[0] === 'REPLY' && sh.dialect.name === 'bash'
        ? [result.chars.map((x) => x.c).join('')]
        : splitForRead(result.chars, ifs, names.length);
    names.forEach((n, k) => sh.setVar(n, fields[k] ?? ''));
    return result.eol ? 0 : 1;
  },
};
