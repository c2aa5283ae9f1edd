#!/usr/bin/env node
// record.mjs -- ask a real docker CLI 28 what it answers to each YAML of corpus.json.
//
//   node src/sim-engine/compose/yaml/testdata/record.mjs
//
// The sources are mutations of two compose files (a character deleted, a fragment such as
// `: `, `- `, a tab, a quote, a bracket, `&a`, `!` inserted, a line's indentation shifted);
// `docker stack config -c FILE` parses each with gopkg.in/yaml.v3 (it needs no daemon) and
// its first line is kept when it is a YAML error (`yaml: …`, `top-level object must be a
// mapping`), else "ok". yaml.test.ts expects parseYAML to fail with exactly that line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, 'corpus.json');
const cases = JSON.parse(readFileSync(file, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'yaml-corpus-'));
for (const c of cases) {
  const path = join(dir, 'case.yml');
  writeFileSync(path, c.source);
  let out;
  try {
    out = execFileSync('docker', ['stack', 'config', '-c', path], { encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    out = String(err.stderr ?? '') + String(err.stdout ?? '');
  }
  const first = out.split('\n')[0];
  c.docker = /^(yaml:|top-level)/.test(first) ? first : 'ok';
}
rmSync(dir, { recursive: true });
writeFileSync(file, JSON.stringify(cases, null, 1) + '\n');
console.log(`recorded ${cases.length} cases`);
