// The solve-status data BuildKit streams to the client (buildkit client/graph.go as
// vendored in moby v28.5.1), with times as integer milliseconds on the virtual clock
// instead of *time.Time. An absent time is Go's nil pointer.

export interface Vertex {
  digest: string;
  inputs?: string[];
  name: string;
  started?: number;
  completed?: number;
  cached?: boolean;
  error?: string;
}

export interface VertexStatus {
  id: string;
  vertex: string;
  name?: string;
  total?: number;
  current: number;
  timestamp: number;
  started?: number;
  completed?: number;
}

export interface VertexLog {
  vertex: string;
  stream: 1 | 2;
  data: string;
  timestamp: number;
}

export interface VertexWarning {
  vertex: string;
  level: number;
  short: string;
  detail: string[];
  url?: string;
  sourceInfo?: { filename: string; data: string };
  ranges?: { start: { line: number }; end: { line: number } }[];
}

export interface SolveStatus {
  vertexes: Vertex[];
  statuses: VertexStatus[];
  logs: VertexLog[];
  warnings: VertexWarning[];
}
