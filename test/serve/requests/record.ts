/**
 * Record what the real docker CLI sends for the commands the course teaches: each
 * scenario's script (scenarios/NAME/script.sh) runs line by line with bash and the docker
 * CLI 28 on PATH against `dockersim serve --log-requests`, on a fresh lab with the
 * images and nodes its header names, in a copy of the scenario's folder (`@nodeK CMD`
 * and `$(@nodeK CMD)` talk to node K's daemon, as in test/fidelity/multi). A command's
 * requests are all those the daemons received while it ran, in the order they came. Each line's requests are
 * normalized (normalize.ts) and written to NAME.json beside this file, which
 * requests.test.ts holds the simulated CLI to.
 *
 *   npx node test/serve/requests/record.ts [NAME ...]
 *
 * Only the docker CLI is needed: it talks to `dockersim serve`, not to a real dockerd.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServe } from '../../../src/node/serve/serve.ts';
import type { LoggedRequest } from '../../../src/node/serve/request-log.ts';
import { scriptHeader } from '../../../src/node/transcript.ts';
import { findDocker, multiNodeLine, scriptLines } from '../both-sides.ts';
import { collapseRepeats, normalRequest, type RecordedCommand, type RequestFixture } from './normalize.ts';
import { isDeepStrictEqual } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));

/** One line as the fidelity recorder runs it: `bash -c LINE`, stdin /dev/null, 60 s at most. */
function runLine(
  line: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ status: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: signal === 'SIGKILL' ? 124 : (code ?? 1), out });
    });
  });
}

async function record(name: string, client: string): Promise<RequestFixture> {
  const dir = join(here, 'scenarios', name);
  const script = readFileSync(join(dir, 'script.sh'), 'utf8');
  const header = scriptHeader(script);
  const work = mkdtempSync(join(tmpdir(), 'dockersim-requests-'));
  const logFile = join(work, 'requests.jsonl');
  const served = await startServe({
    listen: { kind: 'socket', path: join(work, 'd.sock') },
    images: header.images,
    nodes: header.nodes,
    share: join(work, 'cwd'),
    ports: false,
    seed: 'dockyard',
    logRequests: logFile,
  });
  const commands: RecordedCommand[] = [];
  try {
    cpSync(dir, join(work, 'cwd'), { recursive: true });
    const env = {
      PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: work,
      DOCKER_CONFIG: join(work, '.docker'),
      DOCKER_HOST: served.endpoints[0]!.dockerHost,
      LANG: 'C.UTF-8',
    };
    // `@nodeK CMD` and `$(@nodeK CMD)` talk to node K's daemon, as in test/fidelity/multi
    const hosts = new Map(served.endpoints.map((e) => [e.node, e.dockerHost]));
    let seen = 0;
    for (const line of scriptLines(script)) {
      const { status, out } = await runLine(multiNodeLine(line, hosts), join(work, 'cwd'), env);
      const logged = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LoggedRequest);
      const sent = logged
        .slice(seen)
        .map((r) => normalRequest(r.method, `${r.path}${r.query ? `?${r.query}` : ''}`, r.body));
      seen = logged.length;
      const requests = collapseRepeats(sent, isDeepStrictEqual);
      const command: RecordedCommand = { command: line, exit: status, requests };
      if (requests.length < sent.length) command.polled = true;
      commands.push(command);
      process.stdout.write(`${name}: ${line}  [exit ${status}, ${sent.length} requests]\n`);
      if (status !== 0) process.stdout.write(out.replace(/^/gm, '    '));
    }
  } finally {
    await served.close();
    rmSync(work, { recursive: true, force: true });
  }
  return {
    client: `docker CLI ${client}`,
    images: header.images ?? [],
    ...(header.nodes ? { nodes: header.nodes } : {}),
    commands,
  };
}

const found = findDocker();
if ('missing' in found) {
  process.stderr.write(`record.ts: ${found.missing}\n`);
  process.exit(1);
}
const names = process.argv.slice(2);
const all = readdirSync(join(here, 'scenarios'));
for (const name of names.length ? names : all) {
  if (!all.includes(name)) throw new Error(`no scenario ${name}`);
  const fixture = await record(name, found.version);
  writeFileSync(join(here, `${name}.json`), JSON.stringify(fixture, null, 2) + '\n');
}
