/**
 * `dockersim transcript SCRIPT`: run a script of commands on a headless lab and print
 * what a terminal on a pipe would show — `$ <command>`, its output (stdout and stderr
 * in the order written), and `[exit N]` when the status is not 0 — the same format the
 * real-Docker fixtures are recorded in. Time is virtual: a command that waits makes
 * the clock jump, so `sleep 30` is instant and two runs print the same bytes.
 */
import { createLab, type Lab } from '../sim-engine/index.ts';
import { drive } from '../sim-engine/headless/drive.ts';

export interface TranscriptOptions {
  /** node names; one node, node1, unless the script's header or the caller says otherwise */
  nodes?: number | string[];
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

const yieldToEngine = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function transcript(script: string, options: TranscriptOptions = {}): Promise<string> {
  const header = scriptHeader(script);
  const lab: Lab = createLab({
    nodes: options.nodes ?? header.nodes,
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
    out += `$ ${raw}\n`;
    let text = '';
    const writer = { write: (t: string) => void (text += t) };
    const session = sessions.get(node)!;
    const result = await drive(session.run(line, { stdout: writer, stderr: writer }), {
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
