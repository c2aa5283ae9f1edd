import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellLex } from './shell-lex.ts';

// BuildKit's own tables (frontend/dockerfile/shell/envVarTest and wordsTest), read as
// lex_test.go reads them.
const here = new URL('./testdata/', import.meta.url);

describe('ProcessWord against envVarTest', () => {
  const env: Record<string, string> = { PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' };
  const lookup = (k: string) => (Object.hasOwn(env, k) ? env[k] : undefined);
  const lex = shellLex('\\');
  const lines = readFileSync(new URL('envVarTest', here), 'utf8').split('\n');
  const cases: [number, string, string][] = [];
  lines.forEach((raw, i) => {
    if (raw.startsWith('#')) return;
    const line = raw.trim();
    if (line === '') return;
    const parts = line.split('|');
    expect(parts).toHaveLength(3);
    const platform = parts[0]!.trim();
    if (platform !== 'A' && platform !== 'U') return;
    cases.push([i + 1, parts[1]!.trim(), parts[2]!.trim()]);
  });
  it.each(cases)('line %i: %s', (_n, source, expected) => {
    if (expected === 'error') {
      expect(() => lex.processWord(source, lookup)).toThrow();
    } else {
      expect(lex.processWord(source, lookup).result).toBe(expected);
    }
  });
});

describe('ProcessWords against wordsTest', () => {
  const lex = shellLex('\\');
  const lines = readFileSync(new URL('wordsTest', here), 'utf8').split('\n');
  const cases: [number, string, string[], Record<string, string>][] = [];
  let env: Record<string, string> = {};
  lines.forEach((line, i) => {
    if (line.startsWith('#') || line.trim() === '') return;
    if (line.startsWith('ENV ')) {
      const kv = line.slice(3).replace(/^ +/, '');
      const eq = kv.indexOf('=');
      env = { ...env, [kv.slice(0, eq)]: kv.slice(eq + 1) };
      return;
    }
    const parts = line.split('|');
    expect(parts).toHaveLength(2);
    cases.push([i + 1, parts[0]!.trim(), parts[1]!.replace(/^ +/, '').split(','), env]);
  });
  it.each(cases)('line %i: %s', (_n, source, expected, e) => {
    let got: string[];
    try {
      got = lex.processWords(source, (k) => (Object.hasOwn(e, k) ? e[k] : undefined)).result;
    } catch {
      got = ['error'];
    }
    expect(got).toEqual(expected);
  });
});
