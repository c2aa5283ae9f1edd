/**
 * Property: whatever Dockerfile a learner writes — random instructions, random
 * arguments, broken quotes, flags that do not exist — `docker build` ends with 0 or 1
 * and prints no JavaScript failure, and the daemon goes on answering.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testLab } from '../../../test/kit/lab.ts';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 60);

const word = fc.constantFrom(
  'alpine',
  'app',
  '.',
  '/app',
  'f.txt',
  '*.txt',
  '$A',
  '${A:-x}',
  '"quoted"',
  "'x'",
  '[',
  '["sh", "-c", "echo hi"]',
  '--from=build',
  '--chown=1000:1000',
  '--chmod=755',
  '--nope',
  '80/tcp',
  'A=1',
  'exit 3',
  'echo hi > /x',
  '\\',
  '<<EOF',
  'EOF',
  '',
);
const keyword = fc.constantFrom(
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'WORKDIR',
  'USER',
  'VOLUME',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'SHELL',
  'STOPSIGNAL',
  'ONBUILD',
  'MAINTAINER',
  'FORM',
  '#',
);
const line = fc.tuple(keyword, fc.array(word, { maxLength: 4 })).map(([k, ws]) => [k, ...ws].join(' '));
const dockerfile = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 8 }))
  .map(([from, lines]) => (from ? ['FROM alpine AS build', ...lines] : lines).join('\n') + '\n');

describe('docker build on random Dockerfiles', () => {
  it('ends with 0 or 1, prints no JavaScript failure, and leaves the daemon working', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const fs = lab.engine.host().fs;
    fs.mkdir('/root/ctx', { parents: true });
    fs.writeFile('/root/ctx/f.txt', 'file\n');
    await fc.assert(
      fc.asyncProperty(dockerfile, async (text) => {
        fs.writeFile('/root/ctx/Dockerfile', text);
        const r = await lab.docker(['build', '--progress=plain', '-t', 'prop', 'ctx']);
        expect(r.finished).toBe(true);
        expect([0, 1]).toContain(r.status);
        // (`Usage of undefined variable` is the UndefinedVar check's own text)
        expect(r.out.replaceAll('undefined variable', '')).not.toMatch(
          /internal error|undefined|\[object |NaN|TypeError/,
        );
      }),
      { numRuns: RUNS },
    );
    expect((await lab.docker('images -q')).status).toBe(0);
    expect((await lab.docker('ps -a')).status).toBe(0);
  });
});
