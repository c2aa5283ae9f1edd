/**
 * The prefix each shell puts before an error message, which depends on the dialect,
 * how the shell was started and where the error happened. Checked against the real
 * shells:
 *
 *   bash -c:        `bash: line 1: foo: command not found`   (syntax: `bash: -c: line 1: …`)
 *   bash script:    `s.sh: line 1: …`;  in a function of `bash -c`: `environment: line 1: …`
 *   bash stdin:     `bash: line 1: …`;  in a function: `main: line 1: …`
 *   bash -i:        `bash: …`;  inside eval (not in a script): `bash: …`
 *   dash:           `sh: 1: foo: not found`, `sh: 1: cd: can't cd to x` (interactive too)
 *   busybox:        `sh: foo: not found` (`s.sh: line 2: foo: not found` in a script),
 *                   builtins `sh: cd: line 1: …` (line 0 for the first line of -c, as 1.35+)
 */
import type { Dialect } from './dialect.ts';

export type ShellModeKind = 'c' | 'script' | 'stdin' | 'interactive';

export interface MessageContext {
  readonly dialect: Dialect;
  /** $0 */
  readonly arg0: string;
  readonly mode: ShellModeKind;
  /** busybox: a -c shell given a $0 reports line numbers */
  readonly named: boolean;
  /** the line of the command running */
  readonly line: number;
  readonly inFunction: boolean;
  readonly inEval: boolean;
  /** the file being sourced, as named to `.` */
  readonly source: string | undefined;
}

/** The prefix for an error from the shell (`builtin` unset) or from one of its builtins. */
export function errorPrefix(m: MessageContext, builtin?: string): string {
  const b = builtin ? `${builtin}: ` : '';
  switch (m.dialect.name) {
    case 'bash':
      return bashLabel(m) + b;
    case 'dash':
      return `${m.arg0}: ${m.line}: ${b}`;
    case 'busybox': {
      const line = m.mode === 'c' ? m.line - 1 : m.line;
      if (builtin) return `${m.arg0}: ${b}${m.mode === 'interactive' ? '' : `line ${line}: `}`;
      const eval_ = m.inEval ? `eval: line ${line}: ` : '';
      const numbered =
        !m.inEval && (m.mode === 'script' || (m.mode === 'c' && m.named) || m.source !== undefined);
      return `${m.arg0}: ${eval_}${numbered ? `line ${line}: ` : ''}`;
    }
  }
}

function bashLabel(m: MessageContext): string {
  if (m.source !== undefined) return `${m.source}: line ${m.line}: `;
  if (m.mode === 'interactive') return `${m.arg0}: `;
  if (m.inEval && m.mode !== 'script') return `${m.arg0}: `;
  if (m.inFunction && m.mode === 'c') return `environment: line ${m.line}: `;
  if (m.inFunction && m.mode === 'stdin') return `main: line ${m.line}: `;
  return `${m.arg0}: line ${m.line}: `;
}

/** The prefix of a syntax error reported on `line`. */
export function syntaxErrorPrefix(m: MessageContext, line: number): string {
  switch (m.dialect.name) {
    case 'bash':
      if (m.inEval) return `${m.source ?? m.arg0}: eval: line ${line}: `;
      if (m.source !== undefined) return `${m.source}: line ${line}: `;
      if (m.mode === 'interactive') return `${m.arg0}: `;
      if (m.mode === 'c') return `${m.arg0}: -c: line ${line}: `;
      return `${m.arg0}: line ${line}: `;
    case 'dash':
      return `${m.arg0}: ${line}: ${m.inEval ? 'eval: ' : ''}`;
    case 'busybox':
      if (m.inEval) return `${m.arg0}: eval: line ${m.mode === 'c' ? line - 1 : line}: `;
      return m.mode === 'script' || m.source !== undefined ? `${m.arg0}: line ${line}: ` : `${m.arg0}: `;
  }
}
