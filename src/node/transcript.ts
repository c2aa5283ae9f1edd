/**
 * `dockersim transcript SCRIPT`: run a script of commands on a headless lab and print
 * what a terminal on a pipe would show — `$ <command>`, its output (stdout and stderr
 * in the order written), and `[exit N]` when the status is not 0 — the same format the
 * real-Docker fixtures are recorded in. Time is virtual: a command that waits makes
 * the clock jump, so `sleep 30` is instant and two runs print the same bytes.
 *
 * A line may use the forms of the oracle's multi-node recorder (record-multi.sh), so that
 * a script recorded on a real three-node lab replays here unchanged:
 *   `@nodeK CMD`            CMD runs on node K's host (without it: on the first node)
 *   `… $(@nodeK CMD) …`     CMD runs with node K's daemon as DOCKER_HOST (the recorder
 *                           names node K's socket; here node K answers on tcp://nodeK:2375)
 *   `lab stop|start nodeK`  node K's machine dies or boots; as in the recorder, which
 *                           sends multinode.sh's stdout to /dev/null, only errors show
 */
import { createLab, type Lab } from '../sim-engine/index.ts';
import { drive } from '../sim-engine/headless/drive.ts';

export interface TranscriptOptions {
  /** node names; one node, node1, unless the script's header or the caller says otherwise */
  nodes?: number | string[];
  /** the nodes' lab addresses, in node order (the lab's default otherwise) */
  addresses?: string[];
  /** files of the lab folder (relative paths → text) */
  files?: Record<string, string>;
  seed?: string;
  /** per-command limit of virtual time, as the oracle's `timeout 180` */
  limit?: number;
}

/** Header lines the oracle's scripts carry: `# images: a:tag b:tag`, `# nodes: 3`. */
export function scriptHeader(script: string): { images?: string[]; nodes?: number | string[] } {
  const out: { images?: string[]; nodes?: number | string[] } = {};
  for (const line of script.split('\n')) {
    const images = /^#\s*images:\s*(.*)$/.exec(line);
    if (images && !out.images) out.images = images[1]!.trim().split(/\s+/).filter(Boolean);
    const nodes = /^#\s*nodes:\s*(.*)$/.exec(line);
    if (nodes && !out.nodes) {
      const v = nodes[1]!.trim();
      out.nodes = /^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim());
    }
  }
  return out;
}

/** record-multi.sh's `$(@nodeK CMD)`: CMD talks to node K's daemon. */
export function nodeSubstitutions(line: string): string {
  return line.replace(/\$\(@(node\d+) /g, '$$(DOCKER_HOST=tcp://$1:2375 ');
}

/** record-multi.sh's machine lines, whose output the recorder throws away. */
const LAB_MACHINE_LINE = /^lab\s+(stop|start)\s+\S+\s*$/;

const yieldToEngine = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function transcript(script: string, options: TranscriptOptions = {}): Promise<string> {
  const header = scriptHeader(script);
  const lab: Lab = createLab({
    nodes: options.nodes ?? header.nodes,
    addresses: options.addresses,
    images: header.images,
    files: options.files,
    seed: options.seed ?? 'dockyard',
  });
  const names = lab.engine.hosts.map((h) => h.name);
  const sessions = new Map(names.map((n) => [n, lab.engine.session(n)]));
  let out = '';
  for (const raw of script.split('\n')) {
    if (/^\s*$/.test(raw) || /^\s*#/.test(raw)) continue;
    let line = raw;
    let node = names[0]!;
    const at = /^@(\S+)\s+(.*)$/.exec(raw);
    if (at && sessions.has(at[1]!)) {
      node = at[1]!;
      line = at[2]!;
    }
    const quiet = LAB_MACHINE_LINE.test(line);
    line = nodeSubstitutions(line);
    out += `$ ${raw}\n`;
    let text = '';
    const writer = { write: (t: string) => void (text += t) };
    // the recorder sends a machine line's stdout to /dev/null, not its errors
    const stdout = quiet ? { write: () => undefined } : writer;
    const session = sessions.get(node)!;
    const result = await drive(session.run(line, { stdout, stderr: writer }), {
      clock: lab.engine.clock,
      yieldToEngine,
      limit: options.limit ?? 180_000,
    });
    let status: number;
    if (result.finished) status = result.value!;
    else {
      session.interrupt();
      session.kill();
      await yieldToEngine();
      status = 124;
    }
    out += text;
    if (text !== '' && !text.endsWith('\n')) out += '\n';
    if (status !== 0) out += `[exit ${status}]\n`;
  }
  return out;
}
