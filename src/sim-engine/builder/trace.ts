/**
 * The solve status a build streams to the client: vertices (one per step and per
 * internal operation), their status lines, their logs and the build checks' warnings,
 * in the shape of BuildKit's `client.SolveStatus`, timed on the virtual clock. The
 * client turns them into the progress display (progress/).
 */
import { sha256 } from '../images/sha256.ts';
import type { SolveStatus, Vertex, VertexLog, VertexStatus, VertexWarning } from './progress/index.ts';

export class Trace {
  readonly #emit: (s: SolveStatus) => void;
  readonly #now: () => number;
  #n = 0;
  readonly #salt: string;

  constructor(emit: (s: SolveStatus) => void, now: () => number, salt: string) {
    this.#emit = emit;
    this.#now = now;
    this.#salt = salt;
  }

  #send(part: Partial<SolveStatus>): void {
    this.#emit({ vertexes: [], statuses: [], logs: [], warnings: [], ...part });
  }

  /** A new vertex, started now. */
  start(name: string, digest?: string): Vertex {
    const v: Vertex = {
      digest: digest ?? `sha256:${sha256(`${this.#salt}\n${this.#n++}\n${name}`)}`,
      name,
      started: this.#now(),
    };
    this.#send({ vertexes: [{ ...v }] });
    return v;
  }

  /** A vertex that was found in the cache: started and completed at once. */
  cached(name: string): Vertex {
    const now = this.#now();
    const v: Vertex = {
      digest: `sha256:${sha256(`${this.#salt}\n${this.#n++}\n${name}`)}`,
      name,
      started: now,
      completed: now,
      cached: true,
    };
    this.#send({ vertexes: [{ ...v }] });
    return v;
  }

  complete(v: Vertex, error?: string): void {
    v.completed = this.#now();
    if (error !== undefined) v.error = error;
    this.#send({ vertexes: [{ ...v }] });
  }

  /** A status line of a vertex (`transferring context: 2B`), done at once unless `running`. */
  status(
    v: Vertex,
    id: string,
    options: { current?: number; total?: number; running?: boolean } = {},
  ): VertexStatus {
    const now = this.#now();
    const s: VertexStatus = {
      id,
      vertex: v.digest,
      current: options.current ?? 0,
      timestamp: now,
      started: now,
      ...(options.total !== undefined ? { total: options.total } : {}),
      ...(options.running ? {} : { completed: now }),
    };
    this.#send({ statuses: [{ ...s }] });
    return s;
  }

  /** Finish a running status line. */
  statusDone(s: VertexStatus, current?: number): void {
    const now = this.#now();
    s.timestamp = now;
    s.completed = now;
    if (current !== undefined) s.current = current;
    this.#send({ statuses: [{ ...s }] });
  }

  log(v: Vertex, stream: 1 | 2, data: string): void {
    const l: VertexLog = { vertex: v.digest, stream, data, timestamp: this.#now() };
    this.#send({ logs: [l] });
  }

  warning(w: VertexWarning): void {
    this.#send({ warnings: [w] });
  }
}
