/**
 * The build checks BuildKit runs while it converts and dispatches (dockerfile2llb
 * convert.go, convert_expose.go), for the builder to call at the same moments:
 * resolveStages() where toDispatchState resolves every FROM, and a StageChecks per
 * dispatched stage for the rules that fire on its commands. Each goes through the
 * Linter, so `# check=skip=…` and experimental rules apply.
 */
import { quote } from '../../golang/strconv-quote.ts';
import { formats, looksLikeSecret, type Linter } from './lint.ts';
import type { ShellLex } from './shell-lex.ts';
import { suggestSearch } from './suggest.ts';
import type { ArgInstruction, Instruction, ParseResult } from './types.ts';

interface Located {
  line: number;
  endLine: number;
}

/** An error of the FROM resolution, located as BuildKit locates it (no "parse error" prefix). */
export class StageError extends Error {
  readonly line: number;
  readonly endLine: number;
  constructor(message: string, at: Located, options?: { cause?: unknown }) {
    super(message, options);
    this.line = at.line;
    this.endLine = at.endLine;
  }
}

/** BuildKit's ARGs that never reach the environment (nonEnvArgs). */
const nonEnvArgs = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
  osVersion?: string;
}

function formatPlatform(p: PlatformSpec): string {
  return [p.os, p.architecture, p.variant].filter((x) => x !== undefined && x !== '').join('/');
}

/** platform.go defaultArgs: the predefined platform ARGs, in BuildKit's order. */
export function defaultArgs(
  buildPlatform: PlatformSpec,
  targetPlatform: PlatformSpec,
  target: string,
  overrides: Record<string, string> = {},
): [string, string][] {
  const s: [string, string][] = [
    ['BUILDPLATFORM', formatPlatform(buildPlatform)],
    ['BUILDOS', buildPlatform.os],
    ['BUILDOSVERSION', buildPlatform.osVersion ?? ''],
    ['BUILDARCH', buildPlatform.architecture],
    ['BUILDVARIANT', buildPlatform.variant ?? ''],
    ['TARGETPLATFORM', formatPlatform(targetPlatform)],
    ['TARGETOS', targetPlatform.os],
    ['TARGETOSVERSION', targetPlatform.osVersion ?? ''],
    ['TARGETARCH', targetPlatform.architecture],
    ['TARGETVARIANT', targetPlatform.variant ?? ''],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ];
  return s.map(([k, v]) => [k, Object.hasOwn(overrides, k) ? overrides[k]! : v]);
}

/** An ordered env list (llb.EnvList): AddOrReplace keeps the first position. */
class EnvList {
  private readonly m = new Map<string, string>();
  constructor(entries: [string, string][] = []) {
    for (const [k, v] of entries) this.m.set(k, v);
  }
  set(k: string, v: string): void {
    this.m.set(k, v);
  }
  get = (k: string): string | undefined => this.m.get(k);
  keys(): string[] {
    return [...this.m.keys()];
  }
  entries(): [string, string][] {
    return [...this.m.entries()];
  }
}

/** buildMetaArgs: the global scope after the ARGs before the first FROM. */
function buildMetaArgs(
  defaults: [string, string][],
  lex: ShellLex,
  metaArgs: ArgInstruction[],
  buildArgs: Record<string, string> | undefined,
): { args: EnvList; declared: Set<string> } {
  const args = new EnvList(defaults);
  const declared = new Set<string>();
  for (const cmd of metaArgs) {
    for (const kp of cmd.args) {
      let value = kp.value;
      if (buildArgs && Object.hasOwn(buildArgs, kp.key)) {
        value = buildArgs[kp.key]!;
      } else if (value !== undefined) {
        try {
          value = lex.processWordWithMatches(value, args.get).result;
        } catch (e) {
          throw new StageError((e as Error).message, cmd, { cause: e });
        }
      }
      if (value !== undefined) args.set(kp.key, value);
      declared.add(kp.key);
    }
  }
  return { args, declared };
}

export interface ResolveStagesOptions {
  /** --build-arg values. */
  buildArgs?: Record<string, string>;
  /** The predefined platform ARGs (defaultArgs()). */
  platformArgs: [string, string][];
  /** reference.ParseNormalizedNamed succeeds, for InvalidDefaultArgInFrom. */
  isValidReference: (name: string) => boolean;
}

export interface ResolvedStages {
  /** The global ARG scope (platform ARGs and meta ARGs), in order. */
  globalArgs: [string, string][];
  /** The ARG names declared before the first FROM. */
  declaredMetaArgs: string[];
  /** Per stage, in order: the expanded base name and platform (unparsed). */
  stages: { baseName: string; platform?: string; matched: string[] }[];
}

/**
 * toDispatchState's pass over the FROM lines: InvalidDefaultArgInFrom (with defaults
 * only), the meta ARGs with the build args, then each stage's base name and platform
 * with UndefinedArgInFrom, RedundantTargetPlatform and FromPlatformFlagConstDisallowed.
 * Throws StageError with BuildKit's text.
 */
export function resolveStages(
  parsed: ParseResult,
  lex: ShellLex,
  lint: Linter,
  opts: ResolveStagesOptions,
): ResolvedStages {
  validateBaseImagesWithDefaultArgs(parsed, lex, lint, opts);
  const { args: globalArgs, declared } = buildMetaArgs(
    opts.platformArgs,
    lex,
    parsed.metaArgs,
    opts.buildArgs,
  );
  const checkKeys = new Set([...declared, ...globalArgs.keys()]);
  const argKeys = [...checkKeys].sort();
  const reportUnused = (unmatched: string[], at: Located) => {
    for (const arg of unmatched) {
      if (checkKeys.has(arg)) continue;
      lint.run(
        'UndefinedArgInFrom',
        at.line,
        at.endLine,
        formats.UndefinedArgInFrom(arg, suggestSearch(arg, argKeys, true)),
      );
    }
  };
  const out: ResolvedStages['stages'] = [];
  for (const st of parsed.stages) {
    let name;
    try {
      name = lex.processWordWithMatches(st.baseName, globalArgs.get);
    } catch (e) {
      throw new StageError((e as Error).message, st, { cause: e });
    }
    reportUnused(name.unmatched, st);
    if (name.result === '') throw new StageError(`base name (${st.baseName}) should not be blank`, st);
    const entry: ResolvedStages['stages'][number] = { baseName: name.result, matched: [...name.matched] };
    if (st.platform !== undefined) {
      let p;
      try {
        p = lex.processWordWithMatches(st.platform, globalArgs.get);
      } catch (e) {
        // BuildKit still runs the checks on what it gathered; here the lookups are lost
        throw new StageError(`failed to process arguments for platform : ${(e as Error).message}`, st, {
          cause: e,
        });
      }
      reportUnused(p.unmatched, st);
      if (p.matched.length === 1 && p.unmatched.length === 0 && p.matched[0] === 'TARGETPLATFORM') {
        if (p.result === globalArgs.get('TARGETPLATFORM')) {
          lint.run(
            'RedundantTargetPlatform',
            st.line,
            st.endLine,
            formats.RedundantTargetPlatform(st.platform),
          );
        }
      }
      if (p.matched.length === 0 && p.unmatched.length === 0) {
        const plat = parsePlatformLoose(p.result);
        const stageName = st.name ?? '';
        if (plat && !stageName.includes(plat.os) && !stageName.includes(plat.architecture)) {
          lint.run(
            'FromPlatformFlagConstDisallowed',
            st.line,
            st.endLine,
            formats.FromPlatformFlagConstDisallowed(p.result),
          );
        }
      }
      if (p.result === '') {
        let msg = `empty platform value from expression ${st.platform}`;
        for (const k of p.unmatched) {
          const m = suggestSearch(k, globalArgs.keys(), true);
          if (m !== '') {
            msg += ` (did you mean ${m}?)`;
            break;
          }
        }
        throw new StageError(msg, st);
      }
      entry.platform = p.result;
      for (const k of p.matched) if (!entry.matched.includes(k)) entry.matched.push(k);
    }
    out.push(entry);
  }
  return { globalArgs: globalArgs.entries(), declaredMetaArgs: [...declared], stages: out };
}

function validateBaseImagesWithDefaultArgs(
  parsed: ParseResult,
  lex: ShellLex,
  lint: Linter,
  opts: ResolveStagesOptions,
): void {
  let args: EnvList;
  try {
    args = buildMetaArgs(opts.platformArgs, lex, parsed.metaArgs, undefined).args;
  } catch {
    // the same error comes back from the real pass; the check itself stays quiet
    return;
  }
  for (const st of parsed.stages) {
    let result: string;
    try {
      result = lex.processWordWithMatches(st.baseName, args.get).result;
    } catch {
      return;
    }
    if (!opts.isValidReference(result)) {
      lint.run('InvalidDefaultArgInFrom', st.line, st.endLine, formats.InvalidDefaultArgInFrom(st.baseName));
    }
  }
}

const archAliases: Record<string, string> = {
  i386: '386',
  '386': '386',
  x86_64: 'amd64',
  'x86-64': 'amd64',
  amd64: 'amd64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  arm: 'arm',
};
const knownArch = new Set([
  ...Object.keys(archAliases),
  'ppc64le',
  'ppc64',
  's390x',
  'riscv64',
  'mips64le',
  'loong64',
]);

/** Enough of containerd's platforms.Parse to tell a constant platform's os and arch. */
export function parsePlatformLoose(s: string): { os: string; architecture: string } | undefined {
  const parts = s.toLowerCase().split('/');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/.test(p)))
    return undefined;
  if (parts.length === 1) {
    if (knownArch.has(parts[0]!)) return { os: 'linux', architecture: archAliases[parts[0]!] ?? parts[0]! };
    return { os: parts[0]!, architecture: 'amd64' };
  }
  return { os: parts[0]!, architecture: archAliases[parts[1]!] ?? parts[1]! };
}

interface Tracker {
  set: boolean;
  at?: Located;
}

/**
 * The checks of one dispatched stage, called once per command in dispatch order (ONBUILD
 * triggers first), with the command already expanded, as dispatch() runs them.
 */
export class StageChecks {
  private workdirSet = false;
  private readonly cmd: Tracker = { set: false };
  private readonly entrypoint: Tracker = { set: false };
  private readonly healthcheck: Tracker = { set: false };
  private readonly lint: Linter;
  private readonly os: string;

  constructor(lint: Linter, os = 'linux') {
    this.lint = lint;
    this.os = os;
  }

  /**
   * UndefinedVar for the names expandInstruction reported unmatched. `stageArgs` are the
   * ARG names declared in the stage so far (d.buildArgs, set or not), `envKeys` the
   * names of the stage's environment for the suggestion.
   */
  undefinedVars(cmd: Located, unmatched: string[], stageArgs: string[], envKeys: string[]): void {
    for (const name of unmatched) {
      if (stageArgs.includes(name) || nonEnvArgs.has(name)) continue;
      this.lint.run(
        'UndefinedVar',
        cmd.line,
        cmd.endLine,
        formats.UndefinedVar(name, suggestSearch(name, [...envKeys].sort(), true)),
      );
    }
  }

  /**
   * The rules of dispatchEnv, dispatchLabel, dispatchCmd, dispatchEntrypoint,
   * dispatchHealthcheck, dispatchWorkdir and dispatchArg. `imageShell` is the image's
   * Config.Shell at that point (a SHELL earlier in the stage, or the base image's).
   */
  dispatch(cmd: Instruction, imageShell: readonly string[] = []): void {
    const run = this.lint.run.bind(this.lint);
    switch (cmd.kind) {
      case 'ENV':
        for (const e of cmd.pairs) {
          if (e.noDelim)
            run('LegacyKeyValueFormat', cmd.line, cmd.endLine, formats.LegacyKeyValueFormat(cmd.name));
          if (looksLikeSecret(e.key)) {
            run('SecretsUsedInArgOrEnv', cmd.line, cmd.endLine, formats.SecretsUsedInArgOrEnv('ENV', e.key));
          }
        }
        break;
      case 'LABEL':
        for (const l of cmd.pairs) {
          if (l.noDelim)
            run('LegacyKeyValueFormat', cmd.line, cmd.endLine, formats.LegacyKeyValueFormat(cmd.name));
        }
        break;
      case 'ARG':
        for (const a of cmd.args) {
          if (looksLikeSecret(a.key)) {
            run('SecretsUsedInArgOrEnv', cmd.line, cmd.endLine, formats.SecretsUsedInArgOrEnv('ARG', a.key));
          }
        }
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        this.usedOnce(cmd, cmd.kind === 'CMD' ? this.cmd : this.entrypoint);
        if (cmd.prependShell && imageShell.length === 0) {
          run('JSONArgsRecommended', cmd.line, cmd.endLine, formats.JSONArgsRecommended(cmd.name));
        }
        break;
      case 'HEALTHCHECK':
        this.usedOnce(cmd, this.healthcheck);
        break;
      case 'WORKDIR':
        // only the first WORKDIR of the stage is checked: fixing it fixes the rest
        if (!this.workdirSet && !isAbs(cmd.path, this.os)) {
          run('WorkdirRelativePath', cmd.line, cmd.endLine, formats.WorkdirRelativePath(cmd.path));
        }
        this.workdirSet = true;
        break;
      default:
    }
  }

  /** CMD was set in this stage (dispatchEntrypoint keeps CMD only then). */
  get cmdSet(): boolean {
    return this.cmd.set;
  }

  private usedOnce(cmd: Instruction, t: Tracker): void {
    // reported at the earlier instruction, the one that is ignored
    if (t.set && t.at) {
      this.lint.run(
        'MultipleInstructionsDisallowed',
        t.at.line,
        t.at.endLine,
        formats.MultipleInstructionsDisallowed(cmd.name),
      );
    }
    t.set = true;
    t.at = { line: cmd.line, endLine: cmd.endLine };
  }

  /** CopyIgnoredFile (experimental): a COPY/ADD source from the context that .dockerignore excludes. */
  copyIgnoredFile(cmd: Instruction & { kind: 'COPY' | 'ADD' }, src: string): void {
    this.lint.run(
      'CopyIgnoredFile',
      cmd.line,
      cmd.endLine,
      formats.CopyIgnoredFile(cmd.kind === 'ADD' ? 'Add' : 'Copy', src),
    );
  }

  /**
   * dispatchExpose: the ports after expansion as "port/proto", with ExposeProtoCasing
   * and ExposeInvalidFormat. Throws with BuildKit's text for a bad port.
   */
  exposePorts(cmd: Located, ports: string[]): string[] {
    const out: string[] = [];
    for (const p of ports)
      out.push(
        ...parsePort(p, (rule, port) => this.lint.run(rule, cmd.line, cmd.endLine, formats[rule](port))),
      );
    return out;
  }
}

function isAbs(p: string, os: string): boolean {
  if (os === 'windows') return /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\') || p.startsWith('/');
  return p.startsWith('/');
}

// ---- convert_expose.go ----

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  switch (parts.length) {
    case 1:
      return ['', '', parts[0]!];
    case 2:
      return ['', parts[0]!, parts[1]!];
    case 3:
      return [parts[0]!, parts[1]!, parts[2]!];
    default: {
      const n = parts.length;
      return [parts.slice(0, n - 2).join(':'), parts[n - 2]!, parts[n - 1]!];
    }
  }
}

function parsePortNumber(raw: string): number {
  if (raw === '') throw new Error('value is empty');
  if (!/^[+-]?[0-9]+$/.test(raw)) throw new Error('invalid syntax');
  const big = BigInt(raw);
  if (big > 9223372036854775807n || big < -9223372036854775808n) throw new Error('value out of range');
  const n = Number(big);
  if (n < 0 || n > 65535) throw new Error('value out of range (0–65535)');
  return n;
}

function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  const dash = ports.indexOf('-');
  const start = dash < 0 ? ports : ports.slice(0, dash);
  const end = dash < 0 ? '' : ports.slice(dash + 1);
  let s: number;
  try {
    s = parsePortNumber(start);
  } catch (e) {
    throw new Error(`invalid start port '${start}': ${(e as Error).message}`, { cause: e });
  }
  if (dash < 0 || start === end) return [s, s];
  let en: number;
  try {
    en = parsePortNumber(end);
  } catch (e) {
    throw new Error(`invalid end port '${end}': ${(e as Error).message}`, { cause: e });
  }
  if (en < s) throw new Error('invalid port range: ' + ports);
  return [s, en];
}

function isIP(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) {
    return s.split('.').every((x) => Number(x) <= 255 && !(x.length > 1 && x.startsWith('0')));
  }
  // IPv6, loosely: hex groups and colons, at most one "::"
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && s.split('::').length <= 2;
}

function parsePort(
  rawPort: string,
  warn: (rule: 'ExposeProtoCasing' | 'ExposeInvalidFormat', port: string) => void,
): string[] {
  const parts = splitParts(rawPort);
  let [ip, , containerPort] = parts;
  const hostPort = parts[1];
  const slash = containerPort.indexOf('/');
  const port = slash < 0 ? containerPort : containerPort.slice(0, slash);
  let proto = slash < 0 ? '' : containerPort.slice(slash + 1);
  const invalid = (why: string) => new Error(`invalid port: ${quote(rawPort)}: ${why}`);
  if (port === '') throw invalid('no port specified');
  switch (proto.toLowerCase()) {
    case '':
      proto = 'tcp';
      break;
    case 'tcp':
    case 'udp':
    case 'sctp':
      break;
    default:
      throw invalid('invalid proto: ' + proto);
  }
  containerPort = port;
  if (proto !== proto.toLowerCase()) warn('ExposeProtoCasing', rawPort);
  if (ip !== '' || hostPort !== '') warn('ExposeInvalidFormat', rawPort);
  if (ip !== '' && ip[0] === '[') {
    const close = ip.indexOf(']');
    if (close < 0 || close !== ip.length - 1)
      throw new Error(`invalid IP address ${ip}: address ${ip}:: missing ']' in address`);
    ip = ip.slice(1, close);
  }
  if (ip !== '' && !isIP(ip)) throw new Error('invalid IP address: ' + ip);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch (e) {
    throw new Error('invalid containerPort: ' + containerPort, { cause: e });
  }
  if (hostPort !== '') {
    let hs: number;
    let he: number;
    try {
      [hs, he] = parsePortRange(hostPort);
    } catch (e) {
      throw new Error('invalid hostPort: ' + hostPort, { cause: e });
    }
    if (end - start !== he - hs && end !== start) {
      throw new Error(
        `invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
      );
    }
  }
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}
