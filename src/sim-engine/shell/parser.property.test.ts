/**
 * Property tests: any input parses to commands or a syntax error value (never an
 * exception, never a hang), in every dialect, and the tokenizer covers any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from './dialect.ts';
import { needsMoreInput, parse } from './parse.ts';
import { ShellSyntaxError, describeSyntaxError } from './syntax-error.ts';
import { tokenize } from './tokenize.ts';

/** Pieces that exercise the grammar far more often than random characters do. */
const PIECES = [
  ' ', '\t', '\n', ';', ';;', ';&', '&', '&&', '|', '||', '(', ')', '((', '))', '{', '}', '<', '>', '>>', '<<',
  '<<-', '<<<', '&>', '2>&1', '>&', '<&', '!', '#', '\\', '\\\n', "'", '"', '`', '$', '$(', '${', '$((', "$'", '${#',
  '${x:-', '${x#', '${x/', '${x:1:', '}', 'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while',
  'until', 'case', 'esac', 'function', '[[', ']]', 'x', 'a=b', 'echo', 'EOF', '*', '?', '[a]', '~', '=', '-', '0',
  '1', 'a b', 'ls -l', '\u00e9', '\u{1f600}', '\r',
]; // prettier-ignore

const shellish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 })
  .map((a) => a.join(''));

describe.each(['bash', 'dash', 'busybox'] as const)('%s parser', (name) => {
  const dialect = DIALECTS[name];
  it('returns commands or a syntax error for any input', () => {
    fc.assert(
      fc.property(shellish, (src) => {
        const r = parse(src, dialect);
        if (!r.ok) {
          expect(r.error).toBeInstanceOf(ShellSyntaxError);
          const d = describeSyntaxError(r.error, dialect);
          expect(d.text.length).toBeGreaterThan(0);
          expect(d.line).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('returns for random unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (src) => {
        parse(src, dialect);
        needsMoreInput(src, dialect);
      }),
      { numRuns: 1000 },
    );
  });

  it('tokenizes any input into ordered spans within it', () => {
    fc.assert(
      fc.property(shellish, (src) => {
        let last = 0;
        for (const s of tokenize(src, dialect)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(src.length);
          last = s.end;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parses in time linear in the input', () => {
    const line = 'docker run -d --name web -p 8080:80 "$IMAGE" && echo "${x:-y}" | cat > /dev/null\n';
    // 5000 lines (400 kB) take well under a second when parsing is linear; a quadratic
    // step anywhere would take minutes
    const t = performance.now();
    const r = parse(line.repeat(5000), dialect);
    expect(r.ok && r.commands.length).toBe(5000);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
