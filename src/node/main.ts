/**
 * The `dockersim` command: the engine without a browser.
 *   dockersim transcript SCRIPT [--cwd DIR] [--nodes N|a,b,c] [--addresses A,B,C] [--seed S]
 *   dockersim verify [DIR]
 *   dockersim serve [--socket PATH | --port N [--host H]] [--nodes N|a,b,c] …
 *   dockersim grade [--engine URL]... LESSON#EXERCISE
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { GRADE_USAGE, gradeCommand } from './grade.ts';
import { SERVE_USAGE } from './serve/options.ts';
import { serveCommand } from './serve/serve.ts';
import { transcript } from './transcript.ts';
import { verifyCommand } from './verify.ts';

const USAGE = `Usage:  dockersim COMMAND

The Dockyard engine, headless.

Commands:
  transcript SCRIPT [--cwd DIR] [--nodes N|a,b,c] [--addresses A,B,C] [--seed S]
                 Run a script of commands on a simulated lab and print the transcript:
                 "$ <command>", its output, and "[exit N]" when it fails.
                 DIR (default: none) is the lab folder the commands see.
                 A,B,C are the nodes' lab addresses (default 192.168.0.11, .12, ...;
                 test/fidelity/multi's scripts were recorded with 10.99.0.11, .12, .13).
  verify [DIR]   Check every exercise of the lessons in DIR (default: src/content/lessons):
                 from its setup the goal must fail, after its solution it must pass.
                 Exits 1 when an exercise is broken.
  ${SERVE_USAGE}
  ${GRADE_USAGE}`;

/** Every file under `dir`, as paths relative to it (the lab folder). */
export function readFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function fail(message: string): number {
  process.stderr.write(`dockersim: ${message}\n\n${USAGE}`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'verify') {
    if (rest.length > 1 || rest[0]?.startsWith('-')) return fail('verify takes at most a DIR');
    return verifyCommand(rest[0]);
  }
  if (command === 'serve') return serveCommand(rest);
  if (command === 'grade') return gradeCommand(rest);
  if (command !== 'transcript') return fail(`unknown command: ${command}`);
  let script: string | undefined;
  let cwd: string | undefined;
  let nodes: number | string[] | undefined;
  let seed: string | undefined;
  let addresses: string[] | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`flag needs an argument: ${a}`);
      return v;
    };
    try {
      if (a === '--cwd') cwd = value();
      else if (a.startsWith('--cwd=')) cwd = a.slice(6);
      else if (a === '--nodes' || a.startsWith('--nodes=')) {
        const v = a === '--nodes' ? value() : a.slice(8);
        nodes = /^\d+$/.test(v) ? Number(v) : v.split(',').filter(Boolean);
        if (typeof nodes === 'number' && (nodes < 1 || nodes > 9))
          return fail('--nodes must be between 1 and 9');
      } else if (a === '--addresses' || a.startsWith('--addresses=')) {
        addresses = (a === '--addresses' ? value() : a.slice(12)).split(',').filter(Boolean);
        if (!addresses.every((ip) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip)))
          return fail('--addresses takes IPv4 addresses separated by commas');
      } else if (a === '--seed') seed = value();
      else if (a.startsWith('-') && a !== '-') return fail(`unknown flag: ${a}`);
      else if (script === undefined) script = a;
      else return fail(`unexpected argument: ${a}`);
    } catch (err) {
      return fail((err as Error).message);
    }
  }
  if (script === undefined) return fail('transcript needs a SCRIPT');
  let text: string;
  try {
    text = script === '-' ? readFileSync(0, 'utf8') : readFileSync(script, 'utf8');
  } catch (err) {
    return fail(`cannot read ${script}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let files: Record<string, string> | undefined;
  if (cwd !== undefined) {
    try {
      files = readFolder(resolve(cwd));
    } catch (err) {
      return fail(
        `cannot read --cwd ${cwd}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
  }
  void dirname;
  process.stdout.write(await transcript(text, { files, nodes, addresses, seed }));
  return 0;
}
