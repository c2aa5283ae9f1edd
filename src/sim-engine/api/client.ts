/**
 * The Engine API client the docker CLI and the grader use, in the shape of moby's Go
 * client: one version negotiation per process (`HEAD /_ping`), versioned paths, and
 * daemon errors turned into "Error response from daemon: …".
 */
import type { ApiRequest, ApiResponse, ApiTransport, HttpMethod } from './transport.ts';
import { API_VERSION, compareVersions } from './version.ts';
import { encodeString } from '../golang/json-encode.ts';
import { compareGoStrings } from '../golang/reflect.ts';

export class ApiClientError extends Error {
  /** the HTTP status, or 0 when the daemon could not be reached */
  readonly status: number;
  /** the daemon's own message (without the "Error response from daemon: " prefix) */
  readonly daemonMessage: string;
  constructor(status: number, daemonMessage: string, message?: string) {
    super(message ?? `Error response from daemon: ${daemonMessage.trim()}`);
    this.status = status;
    this.daemonMessage = daemonMessage;
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  stdin?: ApiRequest['stdin'];
  console?: ApiRequest['console'];
}

/**
 * Something that watches the requests (the API inspector of a lesson page): told of each
 * request as it is sent, in the order the CLI sends them; what it returns is told the
 * answer when it comes (a container's wait is answered only when the container exits,
 * long after the start the CLI sent next).
 */
export type RequestObserver = (request: ApiRequest) => ((response: ApiResponse) => void) | void;

/** What the CLI learns from `/_ping` (docker/cli's ServerInfo). */
export interface ServerInfo {
  osType: string;
  hasExperimental: boolean;
  /** from the `Swarm` header (`inactive`, `active/manager`…); undefined when absent */
  swarm?: { nodeState: string; controlAvailable: boolean };
  apiVersion: string;
}

export class ApiClient {
  readonly host: string;
  #transport: ApiTransport | undefined;
  #version = API_VERSION;
  #negotiated = false;
  #serverInfo: ServerInfo | undefined;
  #observer: RequestObserver | undefined;

  /**
   * @param transport the daemon's router, or undefined when nothing listens at `host`
   * @param host the DOCKER_HOST the user asked for, for error messages
   */
  constructor(transport: ApiTransport | undefined, host: string, observer?: RequestObserver) {
    this.#transport = transport;
    this.host = host;
    this.#observer = observer;
  }

  get version(): string {
    return this.#version;
  }

  /** The version negotiation the CLI does once per process. */
  async negotiate(): Promise<void> {
    if (this.#negotiated) return;
    this.#negotiated = true;
    if (!this.#transport) return;
    let res: ApiResponse;
    try {
      res = await this.#send({ method: 'HEAD', path: '/_ping', headers: {} });
    } catch {
      return;
    }
    const server = res.headers['Api-Version'];
    if (server && compareVersions(server, API_VERSION) < 0) this.#version = server;
    const swarm = res.headers['Swarm'];
    this.#serverInfo = {
      osType: res.headers['Ostype'] ?? '',
      hasExperimental: res.headers['Docker-Experimental'] === 'true',
      swarm: swarm
        ? { nodeState: swarm.split('/')[0]!, controlAvailable: swarm.split('/')[1] === 'manager' }
        : undefined,
      apiVersion: this.#version,
    };
  }

  /** What the daemon said of itself on `/_ping`; undefined when it could not be reached. */
  async serverInfo(): Promise<ServerInfo | undefined> {
    await this.negotiate();
    return this.#serverInfo;
  }

  async #send(request: ApiRequest): Promise<ApiResponse> {
    if (!this.#transport) {
      throw new ApiClientError(
        0,
        '',
        `Cannot connect to the Docker daemon at ${this.host}. Is the docker daemon running?`,
      );
    }
    const answered = this.#observer?.(request);
    const response = await this.#transport(request);
    answered?.(response);
    return response;
  }

  /** Send a request; responses of 400 and above become ApiClientError. */
  async request(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    await this.negotiate();
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v === undefined) continue;
      query[k] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    }
    const response = await this.#send({
      method,
      path: `/v${this.#version}${path}`,
      query,
      headers: options.headers ?? {},
      body: options.body,
      stdin: options.stdin,
      console: options.console,
    });
    if (response.status >= 400) {
      const body = response.body as { message?: string } | string | undefined;
      const message = typeof body === 'string' ? body : (body?.message ?? '');
      throw new ApiClientError(response.status, message);
    }
    return response;
  }

  async get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return (await this.request('GET', path, { query })).body as T;
  }

  async post<T>(path: string, query?: RequestOptions['query'], body?: unknown): Promise<T> {
    return (await this.request('POST', path, { query, body })).body as T;
  }

  async delete<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return (await this.request('DELETE', path, { query })).body as T;
  }
}

/**
 * Encode a filters map as the `filters` query parameter (`{"key":{"value":true}}`), as
 * filters.ToJSON does: json.Marshal of a map[string]map[string]bool, whose keys Go
 * writes sorted (bytewise) at both levels, `<`, `>` and `&` escaped.
 */
export function encodeFilters(filters: ReadonlyArray<[string, string]>): string | undefined {
  if (filters.length === 0) return undefined;
  const byKey = new Map<string, Set<string>>();
  for (const [k, v] of filters) {
    let values = byKey.get(k);
    if (!values) byKey.set(k, (values = new Set()));
    values.add(v);
  }
  // written out rather than through an object, whose integer-like keys JS would put first
  const entries = [...byKey.keys()].sort(compareGoStrings).map((k) => {
    const values = [...byKey.get(k)!].sort(compareGoStrings).map((v) => `${encodeString(v)}:true`);
    return `${encodeString(k)}:{${values.join(',')}}`;
  });
  return `{${entries.join(',')}}`;
}

/** The objects moby's Go client names in its "invalid … name or ID" errors, and their paths. */
const OBJECT_PATHS = {
  container: '/containers',
  exec: '/exec',
  network: '/networks',
  volume: '/volumes',
  plugin: '/plugins',
  service: '/services',
  task: '/tasks',
  node: '/nodes',
  secret: '/secrets',
  config: '/configs',
} as const;

/**
 * The path of one object, checked as moby's client checks it before any request
 * (client/utils.go trimID): the name or ID is trimmed of spaces, and an empty one fails
 * with "invalid container name or ID: value is empty" (a client error, not the daemon's).
 * `label` is what the message says, where the client misspells it (`contig` for
 * ConfigInspect).
 */
export function objectPath(
  object: keyof typeof OBJECT_PATHS,
  id: string,
  rest = '',
  label: string = object,
): string {
  const trimmed = id.trim();
  if (trimmed === '') {
    const message = `invalid ${label} name or ID: value is empty`;
    throw new ApiClientError(400, message, message);
  }
  return `${OBJECT_PATHS[object]}/${encodeURIComponent(trimmed)}${rest}`;
}
