/**
 * The wire between a client (the docker CLI, the grader, `dockersim serve`) and a
 * daemon: an Engine API request and its response, in process. Bodies are the JSON
 * values the real API sends; streams carry what the real API streams (progress
 * messages, multiplexed logs, a hijacked attach/exec connection).
 */
import type { Reader } from '../process/types.ts';
import type { WireRequest } from './wire.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  /** path with or without a `/v1.xx` prefix, without the query */
  path: string;
  /** query parameters as the client sends them (strings; repeated keys not needed by Docker) */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** the decoded JSON body, or a raw string for text bodies */
  body?: unknown;
  /**
   * For hijacked endpoints (attach, exec start with stdin): what the client sends
   * after the upgrade.
   */
  stdin?: Reader;
  /** terminal size the client reports (resize, exec start ConsoleSize) */
  console?: { rows: number; cols: number };
  /**
   * The query and body as they came off the wire (`dockersim serve`), in place of
   * `query` and `body`: the router reads them as the matched route's handler would.
   */
  wire?: WireRequest;
}

/** One frame of a stdout/stderr stream (Docker's stdcopy multiplexing: 1 = stdout, 2 = stderr). */
export interface StreamFrame {
  stream: 1 | 2;
  data: string;
}

export type ApiStream =
  /** a JSON message stream (pull, push, events, legacy build) */
  | { kind: 'json'; messages: AsyncIterable<Record<string, unknown>>; close(): void }
  /**
   * container output: multiplexed frames for a non-TTY container, raw text (always
   * stream 1) for a TTY one, as `tty` says
   */
  | { kind: 'output'; tty: boolean; frames: AsyncIterable<StreamFrame>; close(): void };

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  stream?: ApiStream;
}

export type ApiTransport = (request: ApiRequest) => Promise<ApiResponse>;
