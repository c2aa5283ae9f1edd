/**
 * The check from both sides: the same script run twice — line by line with bash and
 * the real docker CLI against `dockersim serve` (DOCKER_HOST=unix://…), and through
 * `dockersim transcript`, where the simulated CLI talks to the engine in process — and
 * the two transcripts compared after normalize.ts has masked IDs and times. A line
 * runs as the fidelity recorder runs it (test/fidelity/record.sh): `bash -c LINE` in
 * the scenario's folder, stdin /dev/null, stdout and stderr into one file, 60 s at most.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { readFolder } from '../../src/node/main.ts';
import { startServe } from '../../src/node/serve/serve.ts';
import { scriptHeader, transcript } from '../../src/node/transcript.ts';
import { normalize } from '../fidelity/normalize.ts';

/** The docker CLI on PATH and its version, or why there is none to use. */
export function findDocker(): { version: string } | { missing: string } {
  const found = spawnSync('docker', ['version', '--format', '{{.Client.Version}}'], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), DOCKER_HOST: 'unix:///nonexistent.sock' },
  });
  if (found.error) return { missing: 'no docker CLI on PATH' };
  const version = found.stdout.trim();
  if (!/^28\./.test(version)) return { missing: `the docker CLI is ${version || 'unknown'}, not 28.x` };
  return { version };
}

/** Script lines the recorder runs: not blank, not a comment. */
export function scriptLines(script: string): string[] {
  return script.split('\n').filter((l) => !/^\s*$/.test(l) && !/^\s*#/.test(l));
}

/** One line as record.sh runs it; its output and status. */
function runLine(line: string, cwd: string, env: NodeJS.ProcessEnv, out: string): Promise<number> {
  return new Promise((resolve) => {
    const fd = openSync(out, 'w');
    const child = spawn('bash', ['-c', line], { cwd, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 124 : (code ?? 1));
    });
  });
}

/**
 * A line in record-multi.sh's forms, for bash and the real CLI: `@nodeK CMD` runs CMD
 * against node K's daemon, `$(@nodeK CMD)` too (dockersim transcript reads the same
 * forms on its lab). `hosts` maps node names to their DOCKER_HOST.
 */
export function multiNodeLine(line: string, hosts: ReadonlyMap<string, string>): string {
  let out = line.replace(/\$\(@(\S+) /g, (m, node: string) =>
    hosts.has(node) ? `$(DOCKER_HOST=${hosts.get(node)} ` : m,
  );
  const at = /^@(\S+)\s+(.*)$/.exec(out);
  if (at && hosts.has(at[1]!)) out = `export DOCKER_HOST=${hosts.get(at[1]!)}; ${at[2]}`;
  return out;
}

/**
 * The transcript of `lines` run with bash and the real docker CLI on `dockerHost`
 * (each line as printed; `translate` gives what bash runs).
 */
export async function realTranscript(
  lines: readonly string[],
  cwd: string,
  dockerHost: string,
  translate: (line: string) => string = (l) => l,
): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'dockersim-home-'));
  const env = {
    PATH: [process.env['PATH'] ?? '', '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
    HOME: home,
    DOCKER_HOST: dockerHost,
    DOCKER_CONFIG: join(home, '.docker'),
    LANG: 'C.UTF-8',
  };
  const tmp = join(home, 'out');
  let text = '';
  try {
    for (const line of lines) {
      text += `$ ${line}\n`;
      const status = await runLine(translate(line), cwd, env, tmp);
      const out = readFileSync(tmp, 'utf8');
      text += out;
      if (out !== '' && !out.endsWith('\n')) text += '\n';
      if (status !== 0) text += `[exit ${status}]\n`;
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return text;
}

export interface BothSides {
  /** the real docker CLI against dockersim serve */
  served: string;
  /** dockersim transcript */
  simulated: string;
}

/**
 * Run a scenario folder's script (or `lines` of it) both ways, on a fresh lab each,
 * with the images its header names; both transcripts normalized.
 */
export async function bothSides(
  dir: string,
  lines?: readonly string[],
  options: { addresses?: string[]; ports?: boolean; withoutBuildx?: boolean } = {},
): Promise<BothSides> {
  const script = readFileSync(join(dir, 'script.sh'), 'utf8');
  const header = scriptHeader(script);
  const run = lines ?? scriptLines(script);
  const files = readFolder(dir);
  delete files['script.sh'];
  const header1 = script.split('\n').filter((l) => /^#\s*(images|nodes):/.test(l));
  const simulated = await transcript([...header1, ...run].join('\n') + '\n', {
    files,
    addresses: options.addresses,
  });

  const work = mkdtempSync(join(tmpdir(), 'dockersim-both-'));
  // a script says `$(hostname)` for its node, as on the machine it was recorded on: the
  // served node takes this machine's name (the transcript's is node1; both become <HOST>)
  const host = hostname();
  const nodes = header.nodes ?? (/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(host) ? [host] : undefined);
  const served = await startServe({
    listen: { kind: 'socket', path: join(work, 'd.sock') },
    images: header.images,
    nodes,
    addresses: options.addresses,
    share: join(work, 'cwd'),
    // labs run side by side here: only one may have the machine's ports
    ports: options.ports ?? false,
    // the transcript's seed: where the daemon breaks a tie by random IDs (images created
    // in the same second), both sides break it alike
    seed: 'dockyard',
  });
  try {
    cpSync(dir, join(work, 'cwd'), { recursive: true });
    const hosts = new Map(served.endpoints.map((e) => [e.node, e.dockerHost]));
    const real = await realTranscript(run, join(work, 'cwd'), served.endpoints[0]!.dockerHost, (line) =>
      multiNodeLine(line, hosts),
    );
    return {
      // a CLI without buildx says so before each `docker build` (the legacy builder's notice)
      served: digitIds(
        normalize(real, {
          host: nodes && !header.nodes ? host : 'node1',
          dropOracleArtifacts: options.withoutBuildx,
        }),
      ),
      simulated: digitIds(normalize(simulated, { host: 'node1' })),
    };
  } finally {
    await served.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A short ID that happens to be all digits (one in 280): normalize.ts leaves it, as it
 * leaves numbers; two labs with different IDs must not differ on it.
 */
function digitIds(text: string): string {
  return text.replace(/\b\d{12}\b/g, '<ID>');
}

/** A transcript cut into one block per command, so a failure names the first that differs. */
export function blocks(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ') || out.length === 0) out.push(line);
    else out[out.length - 1] += '\n' + line;
  }
  return out.map((b) => b.replace(/\n+$/, ''));
}
