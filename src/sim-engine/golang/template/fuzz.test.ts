import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goMap } from '../values.ts';
import { TemplateError } from './errors.ts';
import { parseDockerTemplate } from './template.ts';

// Fragments that make random text likely to look like a template.
const pieces = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '\n',
  '.',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  ',',
  '"',
  '`',
  "'",
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'template',
  'block',
  'break',
  'continue',
  'nil',
  'true',
  'len',
  'index',
  'printf',
  'json',
  'upper',
  'eq',
  'and',
  '.A',
  '.B',
  '.A.B',
  '1',
  '-2',
  '3.5',
  '0x1',
  '1+2i',
  '"s"',
  '`r`',
  "'c'",
  '/*',
  '*/',
  'x',
  'é',
  '\t',
  '%d',
  '#',
  '{',
  '}',
];
const templateText = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join('')),
);

const data = { A: { B: [1, 2, 3] }, N: null, M: goMap({ k: 'v', n: 2 }), S: 'str', I: 3 };

function onlyTemplateErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
  }
}

describe('template engine robustness', () => {
  it('random text parses or fails with a TemplateError', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        onlyTemplateErrors(() => parseDockerTemplate(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('random templates execute or fail with a TemplateError, quickly', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        const started = performance.now();
        onlyTemplateErrors(() => parseDockerTemplate(text).execute(data));
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 3000 },
    );
  });

  it('plain text without delimiters comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (text) => {
          expect(parseDockerTemplate(text).execute(data)).toBe(text);
        },
      ),
    );
  });

  it('errors start with "template: "', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        try {
          parseDockerTemplate(text).execute(data);
        } catch (e) {
          expect((e as Error).message.startsWith('template: ')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('survives deep nesting', () => {
    const deep = '{{' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}';
    onlyTemplateErrors(() => parseDockerTemplate(deep));
    const ifs = '{{if 1}}'.repeat(3000) + '{{end}}'.repeat(3000);
    onlyTemplateErrors(() => parseDockerTemplate(ifs).execute(1));
  });
});
