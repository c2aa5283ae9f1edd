/**
 * What the grader may reach of a lab (grader/snapshot.ts LabReach): an Engine API
 * client per node, talking to that node's daemon over its socket exactly as `docker`
 * on the node does, and `curl` on a node's host shell for `http` goals. Shared by the
 * page (Check button) and `dockersim verify`.
 */
import { ApiClient, curlProbe, type Engine, type LabReach, type LabSession } from '../sim-engine/index.ts';

const SOCKET = 'unix:///var/run/docker.sock';

/** Each node's probe shell, made once per engine (a shell on the host, apart from the learner's). */
const probeShells = new WeakMap<Engine, Map<string, LabSession>>();

/**
 * @param settle lets a command finish: headless, it drives the virtual clock until the
 *   promise settles; in the page, wall time drives it and settle only pokes the clock.
 */
export function engineReach(engine: Engine, settle: <T>(running: Promise<T>) => Promise<T>): LabReach {
  const nodes = engine.hosts.map((h) => h.name);
  let shells = probeShells.get(engine);
  if (!shells) probeShells.set(engine, (shells = new Map()));
  const shellOf = (node: string) => {
    let s = shells.get(node);
    if (!s) shells.set(node, (s = engine.session(node)));
    return s;
  };
  return {
    nodes,
    client: (node) => new ApiClient(engine.connect(engine.host(node), SOCKET), SOCKET),
    http: curlProbe(async (node, line) => {
      let stdout = '';
      let stderr = '';
      const status = await settle(
        shellOf(node).run(line, {
          stdout: { write: (t: string) => void (stdout += t) },
          stderr: { write: (t: string) => void (stderr += t) },
        }),
      );
      return { status, stdout, stderr };
    }),
  };
}
