/**
 * How the classic builder words a failure where BuildKit words it otherwise: the
 * texts moby's legacy builder and its context reader (remotecontext/detect.go, copy.go)
 * send, which the CLI prints as they are. Kept apart from the stream's steps
 * (classic.ts) since they are pure functions of the failure.
 */
import type { Instruction, Problem } from './dockerfile/index.ts';

/** A failure as the classic builder words it; `code` is a RUN's exit status (the CLI exits with it). */
export interface ClassicError {
  message: string;
  code?: number;
}

/**
 * A Dockerfile that does not parse (remotecontext/detect.go readAndParseDockerfile):
 * the parser's own errors come as `failed to parse <name>: …`; the instructions'
 * (`dockerfile parse error on line N: …`, undefined here) and an empty file's as they are.
 */
export function classicParseError(dockerfile: string, p: Problem): ClassicError | undefined {
  if (p.message === 'the Dockerfile cannot be empty')
    return { message: `the Dockerfile (${dockerfile}) cannot be empty` };
  if (p.prefixLine === undefined) return { message: `failed to parse ${dockerfile}: ${p.message}` };
  return undefined;
}

/** COPY/ADD of a source that is not there (copy.go getCopyInfoForSourcePath, copyInfoForFile). */
export function classicMissingSource(cmd: Instruction, path: string): ClassicError | undefined {
  if (cmd.kind !== 'COPY' && cmd.kind !== 'ADD') return undefined;
  const written = cmd.sources.find((src) => `/${src.replace(/^\.?\/+/, '')}` === path) ?? path;
  const rel = written.replace(/^\/+/, '').replace(/^\.\//, '');
  const stat = `stat ${rel}: file does not exist`;
  return {
    message: cmd.from
      ? `${cmd.kind} failed: ${stat}`
      : `${cmd.kind} failed: file not found in build context or excluded by .dockerignore: ${stat}`,
  };
}

/** Any other failure, BuildKit's words but where the classic builder's differ (remotecontext/detect.go). */
export function classicWording(dockerfile: string, message: string): string {
  if (message.startsWith('failed to read dockerfile: '))
    return `Cannot locate specified Dockerfile: ${dockerfile}`;
  return message;
}
