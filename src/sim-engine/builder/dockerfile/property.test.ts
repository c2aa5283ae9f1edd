import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerignoreMatcher, parseDockerignore } from '../dockerignore/index.ts';
import {
  expandInstruction,
  parseDockerfile,
  parseOnbuildTrigger,
  shellLex,
  type Instruction,
} from './index.ts';

// Random and mutated Dockerfiles: the parser reports Problems and never throws; every
// problem sits on the file's lines; expansion returns or fails with a message.
const dir = new URL('./testdata/golden/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));

const keywords = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'from',
  'Run',
  'FORM',
  'NONE',
  'AS',
  'as',
];
const flags = [
  '--from=build',
  '--mount=type=cache,target=/x',
  '--mount=type=secret,id=a,required',
  '--mount=from=$X',
  '--network=none',
  '--network=bad',
  '--chown=1:1',
  '--chmod=755',
  '--link',
  '--link=false',
  '--exclude=*.md',
  '--platform=$BUILDPLATFORM',
  '--interval=5s',
  '--retries=3',
  '--checksum=sha256:00',
  '--keep-git-dir',
  '--parents',
  '--frob',
  '--',
  '--device=x,required',
];
const pieces = [
  '\\',
  '`',
  '"',
  "'",
  '$',
  '${',
  '}',
  '{',
  '[',
  ']',
  '<<',
  '<<-',
  '<<EOF',
  'EOF',
  '\n',
  '\r\n',
  '#',
  ' ',
  '\t',
  '-',
  '=',
  ',',
  ':',
  '${A:-b}',
  '${A/x/y}',
  '${A%%.*}',
  '$1',
  '["a"]',
  '[1]',
  '# escape=`',
  '# check=error=true',
  '\uFEFF',
  'é',
  '😀',
  '\u00a0',
  '\u0085',
  'AS',
  'x',
];

const line = fc
  .tuple(
    fc.constantFrom(...keywords),
    fc.array(fc.constantFrom(...flags), { maxLength: 2 }),
    fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 5 }),
  )
  .map(([k, f, a]) => [k, ...f, ...a].join(' '));

type Mutation = (s: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (s: string) => s.slice(0, i % (s.length + 1)) + s.slice((i % (s.length + 1)) + 1)),
  fc.tuple(fc.nat(), fc.nat({ max: 20 })).map(([i, n]) => (s: string) => {
    const at = i % (s.length + 1);
    return s.slice(0, at) + s.slice(at, at + n) + s.slice(at);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...pieces)).map(([i, p]) => (s: string) => {
    const at = i % (s.length + 1);
    return s.slice(0, at) + p + s.slice(at);
  }),
  fc.tuple(fc.nat(), line).map(([i, l]) => (s: string) => {
    const lines = s.split('\n');
    lines.splice(i % (lines.length + 1), 0, l);
    return lines.join('\n');
  }),
);

const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, ms]) => ms.reduce((s, m) => m(s), seed));
const random = fc.array(line, { maxLength: 8 }).map((ls) => ls.join('\n'));
const dockerfile = fc.oneof(mutated, random, fc.string({ maxLength: 80 }));

const envs = fc.dictionary(
  fc.constantFrom('A', 'B', 'HOME', 'X', 'PORT', 'TARGETPLATFORM'),
  fc.string({ maxLength: 6 }),
);

function expectMessageError(e: unknown): void {
  expect(e).toBeInstanceOf(Error);
  expect(e).not.toBeInstanceOf(TypeError);
  expect(e).not.toBeInstanceOf(RangeError);
  expect((e as Error).message.length).toBeGreaterThan(0);
}

describe('parseDockerfile on random and mutated input', () => {
  it('reports problems on real lines and never throws', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        const r = parseDockerfile(text);
        const lines = text.split('\n').length;
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.endLine).toBeGreaterThanOrEqual(p.line);
          expect(p.endLine).toBeLessThanOrEqual(lines + 1);
          expect(p.message).not.toBe('');
        }
        // parsing stops at the first error, so it is the last problem
        const errors = r.problems.filter((p) => p.severity === 'error');
        expect(errors.length).toBeLessThanOrEqual(1);
        if (errors.length === 1) expect(r.problems[r.problems.length - 1]).toBe(errors[0]);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('expansion returns or throws an Error with a message', () => {
    fc.assert(
      fc.property(dockerfile, envs, fc.constantFrom<'\\' | '`'>('\\', '`'), (text, vars, esc) => {
        const r = parseDockerfile(text);
        const lex = shellLex(esc);
        const get = (k: string) => (Object.hasOwn(vars, k) ? vars[k] : undefined);
        const all: Instruction[] = [...r.metaArgs, ...r.stages.flatMap((s) => s.commands)];
        for (const c of all) {
          try {
            expandInstruction(c, lex, get);
          } catch (e) {
            expectMessageError(e);
          }
          if (c.kind === 'ONBUILD') {
            try {
              parseOnbuildTrigger(c.expression);
            } catch (e) {
              expectMessageError(e);
            }
          }
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  it('the lexer returns or throws an Error with a message', () => {
    const word = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(word, envs, (parts, vars) => {
        const w = parts.join('');
        const get = (k: string) => (Object.hasOwn(vars, k) ? vars[k] : undefined);
        for (const lex of [
          shellLex('\\'),
          shellLex('`'),
          shellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }),
        ]) {
          try {
            lex.processWord(w, get);
            lex.processWords(w, get);
          } catch (e) {
            expectMessageError(e);
          }
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });
});

describe('.dockerignore on random input', () => {
  const glob = fc.array(
    fc.constantFrom('*', '**', '?', '/', '!', '[', ']', '^', '-', '\\', '.', 'a', 'b', ' ', '\n', '#', '..'),
    {
      maxLength: 10,
    },
  );
  it('parses anything and matches or fails with a message', () => {
    fc.assert(
      fc.property(
        fc.array(glob, { maxLength: 6 }),
        fc.array(fc.constantFrom('a', 'b', '.a', 'a/b', 'b/a/c', 'x'), { maxLength: 4 }),
        (ls, paths) => {
          const patterns = parseDockerignore(ls.map((l) => l.join('')).join('\n'));
          let m;
          try {
            m = dockerignoreMatcher(patterns);
          } catch (e) {
            expectMessageError(e);
            return;
          }
          for (const p of paths) {
            try {
              expect(typeof m.matches(p)).toBe('boolean');
              expect(typeof m.excludesDirectoryEntirely(p)).toBe('boolean');
            } catch (e) {
              expectMessageError(e);
            }
          }
        },
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });
});
