import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatParseError, parseDockerfile } from './index.ts';

// Golden files: the parse of each testdata/golden/*.Dockerfile, reviewed by hand against
// BuildKit's Go sources (moby v28.5.1 vendor). Update with `vitest -u` and review the diff.
const dir = new URL('./testdata/golden/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();

function render(text: string) {
  const r = parseDockerfile(text);
  return {
    directives: r.directives,
    metaArgs: r.metaArgs,
    stages: r.stages,
    problems: r.problems.map((p) => ({ ...p, text: formatParseError(p) })),
  };
}

describe('golden parses', () => {
  it.each(files.filter((f) => !f.startsWith('bad-')))('%s', async (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    await expect(JSON.stringify(render(text), null, 2) + '\n').toMatchFileSnapshot(
      `testdata/golden/${f.replace(/\.Dockerfile$/, '.golden')}`,
    );
  });
});

describe('golden errors', () => {
  it('bad-*.Dockerfile', async () => {
    let out = '';
    for (const f of files.filter((n) => n.startsWith('bad-'))) {
      const r = parseDockerfile(readFileSync(new URL(f, dir), 'utf8'));
      out += `== ${f}\n`;
      for (const p of r.problems) {
        const at = p.line === p.endLine ? `${p.line}` : `${p.line}-${p.endLine}`;
        out += `${p.severity} [line ${at}]${p.rule ? ` ${p.rule}:` : ''} ${formatParseError(p)}\n`;
      }
      expect(r.problems.filter((p) => p.severity === 'error').length).toBeLessThanOrEqual(1);
    }
    await expect(out).toMatchFileSnapshot('testdata/golden/errors.golden');
  });
});
