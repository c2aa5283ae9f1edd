/**
 * The parsed Dockerfile, shaped as BuildKit's instructions package (commands.go):
 * one Stage per FROM, each with its typed commands. Field names follow BuildKit's.
 */

/** A problem for build errors and the editor's markers. */
export interface Problem {
  severity: 'error' | 'warning';
  /** BuildKit's text, without the "dockerfile parse error on line N: " prefix. */
  message: string;
  /** 1-based, inclusive, as BuildKit's ranges. */
  line: number;
  endLine: number;
  column?: number;
  endColumn?: number;
  /** Lint rule name for warnings, e.g. 'MaintainerDeprecated'. */
  rule?: string;
  /** The rule's docs URL. */
  url?: string;
  /** The rule's short description (ruleset.go). */
  description?: string;
  /**
   * For errors instructions.Parse wraps in its parseError: the line of
   * "dockerfile parse error on line N: …". Absent for errors BuildKit returns bare.
   */
  prefixLine?: number;
}

export interface Heredoc {
  name: string;
  content: string;
  expand: boolean;
  chomp: boolean;
  fileDescriptor: number;
}

interface Base {
  /** Node.Original: the logical line, continuations joined (trimmed, as withNameAndCode.code). */
  original: string;
  /** The keyword as written (Command.Name()), e.g. 'run' — the casing rules read it. */
  name: string;
  line: number;
  endLine: number;
}

export interface KeyValuePair {
  key: string;
  value: string;
  /** The legacy `ENV k v` form, without "=". */
  noDelim: boolean;
}

export interface KeyValuePairOptional {
  key: string;
  value?: string;
  /** The description comment above the ARG (`# NAME text`). */
  comment?: string;
}

/** instructions.Mount, as --mount parses it once variables are expanded. */
export interface Mount {
  type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  from: string;
  source: string;
  target: string;
  readOnly: boolean;
  sizeLimit: number;
  cacheID: string;
  cacheSharing: '' | 'shared' | 'private' | 'locked';
  required: boolean;
  env?: string;
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface Device {
  name: string;
  required: boolean;
}

export interface RunInstruction extends Base {
  kind: 'RUN';
  args: string[];
  prependShell: boolean;
  heredocs: Heredoc[];
  /** The raw --mount values. */
  mountSpecs: string[];
  /**
   * The mounts. Before expandInstruction only `from` is meaningful (BuildKit's
   * GetMounts at toCommand time, which builds the stage graph); expandInstruction
   * parses every option.
   */
  mounts: Mount[];
  network: 'default' | 'none' | 'host';
  devices: Device[];
  /** Flags given (BFlags.Used), for the builder's checks. */
  flagsUsed: string[];
}

/** SourceContent: a heredoc used as a COPY/ADD source. */
export interface SourceContent {
  path: string;
  data: string;
  expand: boolean;
}

interface CopyLike extends Base {
  sources: string[];
  dest: string;
  sourceContents: SourceContent[];
  chown?: string;
  chmod?: string;
  link: boolean;
  exclude: string[];
  heredocs: Heredoc[];
  /** COPY --from (never set on ADD, which has no such flag). */
  from?: string;
  /** --parents needs the labs frontend; Docker 28's built-in frontend rejects the flag, so false. */
  parents: boolean;
}

export interface CopyInstruction extends CopyLike {
  kind: 'COPY';
}

export interface AddInstruction extends CopyLike {
  kind: 'ADD';
  checksum?: string;
  keepGitDir?: boolean;
  unpack?: boolean;
}

export interface EnvInstruction extends Base {
  kind: 'ENV';
  pairs: KeyValuePair[];
}

export interface LabelInstruction extends Base {
  kind: 'LABEL';
  pairs: KeyValuePair[];
}

export interface ArgInstruction extends Base {
  kind: 'ARG';
  args: KeyValuePairOptional[];
}

export interface ExposeInstruction extends Base {
  kind: 'EXPOSE';
  ports: string[];
}

export interface WorkdirInstruction extends Base {
  kind: 'WORKDIR';
  path: string;
}

export interface UserInstruction extends Base {
  kind: 'USER';
  user: string;
}

export interface VolumeInstruction extends Base {
  kind: 'VOLUME';
  volumes: string[];
}

export interface CmdInstruction extends Base {
  kind: 'CMD';
  args: string[];
  prependShell: boolean;
  heredocs: Heredoc[];
}

export interface EntrypointInstruction extends Base {
  kind: 'ENTRYPOINT';
  /** Empty for `ENTRYPOINT []` (BuildKit's nil CmdLine). */
  args: string[];
  prependShell: boolean;
  heredocs: Heredoc[];
}

export interface HealthcheckInstruction extends Base {
  kind: 'HEALTHCHECK';
  none: boolean;
  /** ['NONE'], ['CMD', ...] or ['CMD-SHELL', cmd]. */
  test: string[];
  /** Nanoseconds; 0 when not given. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export interface ShellInstruction extends Base {
  kind: 'SHELL';
  shell: string[];
}

export interface StopsignalInstruction extends Base {
  kind: 'STOPSIGNAL';
  signal: string;
}

export interface OnbuildInstruction extends Base {
  kind: 'ONBUILD';
  /** The trigger as stored in the image's Config.OnBuild. */
  expression: string;
}

export interface MaintainerInstruction extends Base {
  kind: 'MAINTAINER';
  maintainer: string;
}

export type Instruction =
  | RunInstruction
  | CopyInstruction
  | AddInstruction
  | EnvInstruction
  | ArgInstruction
  | LabelInstruction
  | ExposeInstruction
  | WorkdirInstruction
  | UserInstruction
  | VolumeInstruction
  | CmdInstruction
  | EntrypointInstruction
  | HealthcheckInstruction
  | ShellInstruction
  | StopsignalInstruction
  | OnbuildInstruction
  | MaintainerInstruction;

export interface Stage {
  /** The lowercased AS name. */
  name?: string;
  /** The AS name as written. */
  origName?: string;
  /** Unexpanded; expandFrom() resolves it. */
  baseName: string;
  platform?: string;
  /** The FROM keyword as written (Stage.OrigCmd), for the casing rules. */
  origCmd: string;
  /** The FROM line (Stage.SourceCode). */
  original: string;
  /** The description comment above FROM (`# name text`). */
  comment?: string;
  line: number;
  endLine: number;
  commands: Instruction[];
}

export interface Directives {
  syntax?: string;
  escape: '\\' | '`';
  check?: string;
}

export interface ParseResult {
  directives: Directives;
  /** ARGs before the first FROM. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  /** Errors (building stops at the first) and lint warnings, in BuildKit's order. */
  problems: Problem[];
}
