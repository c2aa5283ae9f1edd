/**
 * The engine's public face (what src/lab/ and the headless command use): make a lab
 * of simulated nodes with every program registered, run command lines on their host
 * shells, and drive its virtual clock.
 */
import { Engine, type EngineOptions, type RunIO, type Session } from './hosts/engine.ts';
import { HOST_UTILITIES, programRegistry } from './programs.ts';

export { Engine, type EngineOptions, type RunIO, type Session } from './hosts/engine.ts';
export { Clock } from './clock.ts';
/** Tab completion of a command line (a session's `complete` uses it). */
export { complete, type Completion, type CompletionContext } from './cli/completion.ts';
export { drive } from './headless/drive.ts';
/** The Dockerfile parser's diagnostics, as `docker build` reports them (the lab's editor shows them as markers). */
export { parseDockerfile } from './builder/dockerfile/index.ts';
export type { Problem as DockerfileProblem } from './builder/dockerfile/index.ts';

export interface LabOptions {
  /** node count (node1…) or names; one node by default */
  nodes?: number | readonly string[];
  /** the nodes' addresses on the lab network, in node order (default 192.168.0.11, .12, …) */
  addresses?: readonly string[];
  /** images already on every node (`nginx:latest`) */
  images?: readonly string[];
  /** the lab folder: files put in root's home on every node */
  files?: Record<string, string>;
  seed?: string | number;
  /** virtual start time, ms since the epoch */
  start?: number;
}

export interface Lab {
  engine: Engine;
}

/** A lab's node names as createLab gives them. */
export { nodeNames } from './hosts/engine.ts';

export function createLab(options: LabOptions = {}): Lab {
  const engineOptions: EngineOptions = {
    nodes: options.nodes,
    addresses: options.addresses,
    images: options.images,
    files: options.files,
    seed: options.seed,
    start: options.start,
    programs: programRegistry(),
    utilities: HOST_UTILITIES,
    shell: 'bash',
  };
  return { engine: new Engine(engineOptions) };
}

export type { RunIO as LabIO, Session as LabSession };

/** The grader (exercises): parse a goal, read a snapshot of the lab through the Engine API, grade it. */
export { parseGoal, GoalError, snapshot, grade, curlProbe } from './grader/index.ts';
export type { Goal, Grade, GradeLine, LabReach, Snapshot, HostRunner, HttpAnswer } from './grader/index.ts';
export { ApiClient, ApiClientError, type RequestObserver } from './api/client.ts';
/** A request and its answer as the Engine API router sees them (Engine.observeRequests). */
export type { ApiRequest, ApiResponse } from './api/transport.ts';
