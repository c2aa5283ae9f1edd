/**
 * The `http` goals' probe: a GET sent from a node's host, with curl's semantics. The
 * Engine API has no request for "fetch this URL from the host"; doing it through the
 * API would mean creating a helper container on the host's network, which changes the
 * state being graded (a container in `docker ps -a` and in the events, maybe an image
 * pulled). So the lab runs `curl` on the node's host shell, as a grader of real
 * machines would over ssh, and the grader only reads the answer. The lab supplies the
 * runner (src/lab/ in the page, src/node/verify.ts headless).
 */

/** What curl got: the status and body, or why there was no answer (curl's own message). */
export type HttpAnswer = { status: number; body: string } | { error: string };

/** Runs one command line on a node's host shell; resolves with its exit status and output. */
export type HostRunner = (
  node: string,
  line: string,
) => Promise<{ status: number; stdout: string; stderr: string }>;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The command the probe runs: body, then the status code on a last line of its own. */
export function curlLine(url: string): string {
  return `curl -sS -o - -w '\\n%{http_code}' ${quote(url)}`;
}

export function curlProbe(run: HostRunner): (node: string, url: string) => Promise<HttpAnswer> {
  return async (node, url) => {
    const { status, stdout, stderr } = await run(node, curlLine(url));
    if (status !== 0)
      return { error: stderr.trim().replace(/^curl: \(\d+\) /, '') || `curl exited with ${status}` };
    const cut = stdout.lastIndexOf('\n');
    return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, Math.max(0, cut)) };
  };
}
