/**
 * What every Go program in the images does without being told: the `log` package's
 * line format, the flag package's errors, and the runtime's default signal handling
 * (SIGTERM, SIGINT and SIGHUP end the program; as PID 1 the re-raised signal is
 * ignored by the kernel, so the runtime exits with status 2 — why `docker stop` on
 * whoami or registry reports 2; SIGQUIT also dumps goroutines first).
 */
import type { HttpRequest, ProcessContext } from '../../../process/types.ts';
import { slashTime } from './log-time.ts';

export function goLog(ctx: ProcessContext, message: string): void {
  ctx.stderr.write(`${slashTime(ctx.now())} ${message}\n`);
}

/** Install the Go runtime's default handlers for the terminating signals. */
export function goDefaultSignals(ctx: ProcessContext): void {
  const die = (status: number) => () => ctx.exit(ctx.pid === 1 ? 2 : status);
  ctx.onSignal('SIGTERM', die(143));
  ctx.onSignal('SIGINT', die(130));
  ctx.onSignal('SIGHUP', die(129));
  ctx.onSignal('SIGQUIT', () => {
    ctx.stderr.write(
      'SIGQUIT: quit\nPC=0x47a1e1 m=0 sigcode=0\n\ngoroutine 0 gp=0x1a4b2e0 m=0 mp=0x1a4c600 [idle]:\n',
    );
    ctx.exit(2);
  });
}

/** A client port as the server sees it (`RemoteAddr: 172.17.0.1:48514`). */
export function ephemeralPort(ctx: ProcessContext): number {
  return 32768 + Math.floor(ctx.random() * 28232);
}

/** http.CanonicalHeaderKey: `user-agent` → `User-Agent`. */
export function canonicalHeaderKey(key: string): string {
  return key
    .split('-')
    .map((w) => (w === '' ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('-');
}

/**
 * Request.Write as a Go server echoes a request back: the request line, Host,
 * User-Agent, then the other headers sorted, each line ending in CRLF, and a blank line.
 */
export function goRequestWrite(req: HttpRequest): string {
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(req.headers)) headers.set(canonicalHeaderKey(k), v);
  const host = headers.get('Host') ?? '';
  let out = `${req.method} ${req.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  out += `User-Agent: ${headers.get('User-Agent') ?? 'Go-http-client/1.1'}\r\n`;
  const skip = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer']);
  const keys = [...headers.keys()].filter((k) => !skip.has(k)).sort();
  if (req.body !== '') out += `Content-Length: ${req.body.length}\r\n`;
  for (const k of keys) out += `${k}: ${headers.get(k)}\r\n`;
  return `${out}\r\n${req.body}`;
}

export interface GoFlag {
  name: string;
  kind: 'string' | 'bool';
  usage: string;
  default?: string;
}

/**
 * The flag package (ExitOnError): `-x v`, `--x v`, `-x=v`, bools alone. Returns the
 * values, or the exit status after printing what flag prints (2; 0 for -h).
 */
export function parseGoFlags(
  ctx: ProcessContext,
  flags: GoFlag[],
): { values: Map<string, string>; rest: string[] } | number {
  const values = new Map<string, string>();
  const args = ctx.argv.slice(1);
  const usage = () => {
    let text = `Usage of ${ctx.argv[0]}:\n`;
    for (const f of [...flags].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      text += `  -${f.name}${f.kind === 'string' ? ' string' : ''}\n    \t${f.usage}`;
      if (f.default) text += ` (default "${f.default}")`;
      text += '\n';
    }
    ctx.stderr.write(text);
  };
  while (args.length > 0) {
    const arg = args[0]!;
    if (arg === '--' || !arg.startsWith('-') || arg === '-') {
      if (arg === '--') args.shift();
      break;
    }
    args.shift();
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (name === 'h' || name === 'help') {
      usage();
      return 0;
    }
    const flag = flags.find((f) => f.name === name);
    if (!flag) {
      ctx.stderr.write(`flag provided but not defined: -${name}\n`);
      usage();
      return 2;
    }
    if (flag.kind === 'bool') values.set(name, eq < 0 ? 'true' : body.slice(eq + 1));
    else if (eq >= 0) values.set(name, body.slice(eq + 1));
    else if (args.length > 0) values.set(name, args.shift()!);
    else {
      ctx.stderr.write(`flag needs an argument: -${name}\n`);
      usage();
      return 2;
    }
  }
  return { values, rest: args };
}
