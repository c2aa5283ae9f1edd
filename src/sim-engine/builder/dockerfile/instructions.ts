/**
 * BuildKit's instructions package (parse.go, commands_run*.go, support.go): typed
 * instructions from parser nodes, grouped into stages, with the build checks that
 * fire while parsing (MaintainerDeprecated, StageNameCasing, FromAsCasing,
 * InvalidDefinitionDescription).
 */
import { parseGoDuration } from '../../golang/duration.ts';
import { quote } from '../../golang/strconv-quote.ts';
import { BFlags } from './bflag.ts';
import { formats, type Linter } from './lint.ts';
import { csvFields, parseBase, parseRunMount } from './mount.ts';
import { chompHeredocContent, mustParseHeredoc, type AstNode } from './parser.ts';
import { wrapSuggest } from './suggest.ts';
import type {
  AddInstruction,
  ArgInstruction,
  CopyInstruction,
  Device,
  Instruction,
  KeyValuePair,
  KeyValuePairOptional,
  RunInstruction,
  SourceContent,
  Stage,
} from './types.ts';

/** An error of one instruction; instructions.Parse prefixes it with its line. */
export class InstructionError extends Error {}

const allInstructionNames = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
];

interface Req {
  command: string;
  args: string[];
  node: AstNode;
  flags: BFlags;
  original: string;
  line: number;
  endLine: number;
}

function base(req: Req) {
  return { original: req.original.trim(), name: req.command, line: req.line, endLine: req.endLine };
}

const errAtLeastOneArgument = (c: string) => new Error(`${c} requires at least one argument`);
const errExactlyOneArgument = (c: string) => new Error(`${c} requires exactly one argument`);
const errNoDestinationArgument = (c: string) =>
  new Error(
    `${c} requires at least two arguments, but only one was provided. Destination could not be determined`,
  );
const errBlankCommandNames = (c: string) => new Error(`${c} names can not be blank`);

/** ParseInstructionWithLinter: a Stage for FROM, else a command. Throws Error. */
export function parseInstruction(node: AstNode, lint?: Linter): Stage | Instruction {
  const req: Req = {
    command: node.value,
    args: node.args,
    node,
    flags: new BFlags(node.flags),
    original: node.original,
    line: node.startLine,
    endLine: node.endLine,
  };
  const at = (name: Parameters<Linter['run']>[0], msg: string) => lint?.run(name, req.line, req.endLine, msg);
  switch (node.value.toLowerCase()) {
    case 'env': {
      req.flags.parse();
      return { kind: 'ENV', ...base(req), pairs: parseKvps(req.args, 'ENV') };
    }
    case 'maintainer': {
      at('MaintainerDeprecated', formats.MaintainerDeprecated());
      if (req.args.length !== 1) throw errExactlyOneArgument('MAINTAINER');
      req.flags.parse();
      return { kind: 'MAINTAINER', ...base(req), maintainer: req.args[0]! };
    }
    case 'label': {
      req.flags.parse();
      return { kind: 'LABEL', ...base(req), pairs: parseKvps(req.args, 'LABEL') };
    }
    case 'add':
      return parseAdd(req);
    case 'copy':
      return parseCopy(req);
    case 'from': {
      const a = req.args;
      if (a.length === 3 && a[2] !== a[2]!.toLowerCase())
        at('StageNameCasing', formats.StageNameCasing(a[2]!));
      if (!fromCaseMatchesAsCase(req)) at('FromAsCasing', formats.FromAsCasing(req.command, a[1]!));
      const stage = parseFrom(req);
      if (stage.name !== undefined) validateDefinitionDescription('FROM', [stage.name], node.prevComment, at);
      return stage;
    }
    case 'onbuild':
      return parseOnBuild(req);
    case 'workdir': {
      if (req.args.length !== 1) throw errExactlyOneArgument('WORKDIR');
      req.flags.parse();
      return { kind: 'WORKDIR', ...base(req), path: req.args[0]! };
    }
    case 'run':
      return parseRun(req);
    case 'cmd': {
      req.flags.parse();
      return { kind: 'CMD', ...base(req), ...shellDependent(req, false) };
    }
    case 'healthcheck':
      return parseHealthcheck(req);
    case 'entrypoint': {
      req.flags.parse();
      return { kind: 'ENTRYPOINT', ...base(req), ...shellDependent(req, true) };
    }
    case 'expose': {
      if (req.args.length === 0) throw errAtLeastOneArgument('EXPOSE');
      req.flags.parse();
      // parse.go sorts the ports as written (slices.Sort, byte order)
      return { kind: 'EXPOSE', ...base(req), ports: [...req.args].sort(byteCompare) };
    }
    case 'user': {
      if (req.args.length !== 1) throw errExactlyOneArgument('USER');
      req.flags.parse();
      return { kind: 'USER', ...base(req), user: req.args[0]! };
    }
    case 'volume': {
      if (req.args.length === 0) throw errAtLeastOneArgument('VOLUME');
      req.flags.parse();
      const volumes: string[] = [];
      for (const v of req.args) {
        const t = v.trim();
        if (t === '') throw new Error('VOLUME specified can not be an empty string');
        volumes.push(t);
      }
      return { kind: 'VOLUME', ...base(req), volumes };
    }
    case 'stopsignal': {
      // parseStopSignal never parses its flags: they are ignored
      if (req.args.length !== 1) throw errExactlyOneArgument('STOPSIGNAL');
      return { kind: 'STOPSIGNAL', ...base(req), signal: req.args[0]! };
    }
    case 'arg': {
      const arg = parseArg(req);
      validateDefinitionDescription(
        'ARG',
        arg.args.map((a) => a.key),
        node.prevComment,
        at,
      );
      return arg;
    }
    case 'shell': {
      req.flags.parse();
      const shell = handleJSONArgs(req.args, node.json);
      if (shell.length === 0) throw errAtLeastOneArgument('SHELL');
      if (!node.json) throw new Error('SHELL requires the arguments to be in JSON form');
      return { kind: 'SHELL', ...base(req), shell };
    }
  }
  throw new InstructionError(
    wrapSuggest(`unknown instruction: ${node.value}`, node.value, allInstructionNames, false),
  );
}

function byteCompare(a: string, b: string): number {
  // UTF-16 order equals UTF-8 byte order except across surrogates; ports are ASCII
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseKvps(args: string[], cmdName: string): KeyValuePair[] {
  if (args.length === 0) throw errAtLeastOneArgument(cmdName);
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmdName}, too many arguments`);
  const res: KeyValuePair[] = [];
  for (let j = 0; j < args.length; j += 3) {
    if (args[j]!.length === 0) throw errBlankCommandNames(cmdName);
    res.push({ key: args[j]!, value: args[j + 1]!, noDelim: args[j + 2] === '' });
  }
  return res;
}

function sourcesAndDest(req: Req, command: string) {
  const srcs = req.args.slice(0, -1);
  const dest = req.args[req.args.length - 1]!;
  if (mustParseHeredoc(dest)) throw new Error(`${command} cannot accept a heredoc as a destination`);
  const lookup = new Map(req.node.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const sourceContents: SourceContent[] = [];
  for (const src of srcs) {
    const h = mustParseHeredoc(src);
    if (h) {
      let content = lookup.get(h.name)?.content ?? '';
      if (h.chomp) content = chompHeredocContent(content);
      sourceContents.push({ path: h.name, data: content, expand: h.expand });
    } else {
      sources.push(src);
    }
  }
  return { sources, dest, sourceContents };
}

function parseAdd(req: Req): AddInstruction {
  if (req.args.length < 2) throw errNoDestinationArgument('ADD');
  const f = req.flags;
  const chown = f.addString('chown', '');
  const chmod = f.addString('chmod', '');
  const link = f.addBool('link', false);
  const keepGitDir = f.addBool('keep-git-dir', false);
  const checksum = f.addString('checksum', '');
  const unpack = f.addBool('unpack', false);
  const exclude = f.addStrings('exclude');
  f.parse();
  const sd = sourcesAndDest(req, 'ADD');
  return {
    kind: 'ADD',
    ...base(req),
    ...sd,
    ...(chown.value !== '' ? { chown: chown.value } : {}),
    ...(chmod.value !== '' ? { chmod: chmod.value } : {}),
    link: link.value === 'true',
    ...(f.used.has('keep-git-dir') ? { keepGitDir: keepGitDir.value === 'true' } : {}),
    ...(checksum.value !== '' ? { checksum: checksum.value } : {}),
    ...(f.used.has('unpack') ? { unpack: unpack.value === 'true' } : {}),
    exclude: exclude.stringValues,
    heredocs: req.node.heredocs,
    parents: false,
  };
}

function parseCopy(req: Req): CopyInstruction {
  if (req.args.length < 2) throw errNoDestinationArgument('COPY');
  const f = req.flags;
  // --parents exists only with the dfparents build tag, which Docker 28's dockerd lacks
  const chown = f.addString('chown', '');
  const from = f.addString('from', '');
  const chmod = f.addString('chmod', '');
  const link = f.addBool('link', false);
  const exclude = f.addStrings('exclude');
  f.parse();
  const sd = sourcesAndDest(req, 'COPY');
  return {
    kind: 'COPY',
    ...base(req),
    ...sd,
    ...(from.value !== '' ? { from: from.value } : {}),
    ...(chown.value !== '' ? { chown: chown.value } : {}),
    ...(chmod.value !== '' ? { chmod: chmod.value } : {}),
    link: link.value === 'true',
    parents: false,
    exclude: exclude.stringValues,
    heredocs: req.node.heredocs,
  };
}

const validStageName = /^[a-z][a-z0-9-_.]*$/;

function parseFrom(req: Req): Stage {
  const a = req.args;
  let name: string | undefined;
  if (a.length === 3 && a[1]!.toLowerCase() === 'as') {
    name = a[2]!.toLowerCase();
    if (!validStageName.test(name)) {
      throw new Error(
        `invalid name for build stage: ${quote(a[2]!)}, name can't start with a number or contain symbols`,
      );
    }
  } else if (a.length !== 1) {
    throw new Error('FROM requires either one or three arguments');
  }
  const platform = req.flags.addString('platform', '');
  req.flags.parse();
  const comment = name !== undefined ? getComment(req.node.prevComment, name) : '';
  return {
    ...(name !== undefined ? { name, origName: a[2]! } : {}),
    baseName: a[0]!,
    ...(platform.value !== '' ? { platform: platform.value } : {}),
    origCmd: req.command,
    original: req.original.trim(),
    ...(comment !== '' ? { comment } : {}),
    line: req.line,
    endLine: req.endLine,
    commands: [],
  };
}

function parseOnBuild(req: Req): Instruction {
  if (req.args.length === 0) throw errAtLeastOneArgument('ONBUILD');
  req.flags.parse();
  const trigger = req.args[0]!.trim().toUpperCase();
  if (trigger === 'ONBUILD') throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM')
    throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
  let expression = req.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
  for (const h of req.node.heredocs) expression += '\n' + h.content + h.name;
  return { kind: 'ONBUILD', ...base(req), expression };
}

function handleJSONArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return args;
  // shell form: the words are one command string
  return [args.join(' ')];
}

function shellDependent(req: Req, _emptyAsNil: boolean) {
  return {
    args: handleJSONArgs(req.args, req.node.json),
    prependShell: !req.node.json,
    heredocs: req.node.heredocs,
  };
}

function parseRun(req: Req): RunInstruction {
  const f = req.flags;
  // the pre-hooks register --device, --mount and --network (init order of their files)
  const device = f.addStrings('device');
  const mount = f.addStrings('mount');
  const network = f.addString('network', 'default');
  f.parse();
  const flagsUsed = [...f.used.keys()];
  const cmd = shellDependent(req, false);
  const devices = device.stringValues.map(parseDevice);
  // without an expander parseMount checks the CSV and reads only `from` (no variable allowed)
  const mounts = mount.stringValues.map((m) => parseRunMount(m, undefined));
  if (!['default', 'none', 'host'].includes(network.value)) {
    throw new Error(`invalid network mode ${quote(network.value)}`);
  }
  return {
    kind: 'RUN',
    ...base(req),
    ...cmd,
    mountSpecs: mount.stringValues,
    mounts,
    network: network.value as RunInstruction['network'],
    devices,
    flagsUsed,
  };
}

function parseDevice(val: string): Device {
  const d: Device = { name: '', required: false };
  let fields: string[];
  try {
    fields = csvFields(val);
  } catch (e) {
    throw new Error(`failed to parse csv devices: ${(e as Error).message}`, { cause: e });
  }
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'required') {
        d.required = true;
        continue;
      }
      if (d.name === '') {
        d.name = field;
        continue;
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }
    if (key === 'name') {
      if (d.name !== '') throw new Error(`device name already set to ${d.name}`);
      d.name = value;
    } else if (key === 'required') {
      const b = goParseBool(value);
      if (b === undefined) throw new Error(`invalid value for ${key}: ${value}`);
      d.required = b;
    } else {
      if (d.name === '') {
        d.name = field;
        continue;
      }
      throw new Error(wrapSuggest(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true));
    }
  }
  return d;
}

export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

function parseOptInterval(name: string, value: string): number {
  if (value === '') return 0;
  const d = parseGoDuration(value);
  if (d === 0) return 0;
  if (d < 1_000_000) throw new Error(`Interval ${quote(name)} cannot be less than 1ms`);
  return d;
}

function parseHealthcheck(req: Req): Instruction {
  if (req.args.length === 0) throw errAtLeastOneArgument('HEALTHCHECK');
  const typ = req.args[0]!.toUpperCase();
  const args = req.args.slice(1);
  const common = { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (typ === 'NONE') {
    // NONE returns before the flags are parsed: they are not checked
    if (args.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { kind: 'HEALTHCHECK', ...base(req), none: true, test: [typ], ...common };
  }
  const f = req.flags;
  const flInterval = f.addString('interval', '');
  const flTimeout = f.addString('timeout', '');
  const flStartPeriod = f.addString('start-period', '');
  const flStartInterval = f.addString('start-interval', '');
  const flRetries = f.addString('retries', '');
  f.parse();
  if (typ !== 'CMD') throw new Error(`Unknown type ${quote(typ)} in HEALTHCHECK (try CMD)`);
  const cmdSlice = handleJSONArgs(args, req.node.json);
  if (cmdSlice.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
  const test = [req.node.json ? 'CMD' : 'CMD-SHELL', ...cmdSlice];
  const interval = parseOptInterval('interval', flInterval.value);
  const timeout = parseOptInterval('timeout', flTimeout.value);
  const startPeriod = parseOptInterval('start-period', flStartPeriod.value);
  const startInterval = parseOptInterval('start-interval', flStartInterval.value);
  let retries = 0;
  if (flRetries.value !== '') {
    let v: bigint | undefined;
    try {
      v = parseBase(flRetries.value, 10, 32, true);
    } catch {
      throw new Error(`strconv.ParseInt: parsing ${quote(flRetries.value)}: value out of range`);
    }
    if (v === undefined)
      throw new Error(`strconv.ParseInt: parsing ${quote(flRetries.value)}: invalid syntax`);
    if (v < 0n) throw new Error(`--retries cannot be negative (${v})`);
    retries = Number(v);
  }
  return {
    kind: 'HEALTHCHECK',
    ...base(req),
    none: false,
    test,
    interval,
    timeout,
    startPeriod,
    startInterval,
    retries,
  };
}

function parseArg(req: Req): ArgInstruction {
  if (req.args.length < 1) throw errAtLeastOneArgument('ARG');
  const args: KeyValuePairOptional[] = req.args.map((arg) => {
    // unlike ENV, ARG splits name and value here, so a name alone is allowed
    const eq = arg.indexOf('=');
    let kv: KeyValuePairOptional;
    if (eq >= 0) {
      if (eq === 0) throw errBlankCommandNames('ARG');
      kv = { key: arg.slice(0, eq), value: arg.slice(eq + 1) };
    } else {
      kv = { key: arg };
    }
    const comment = getComment(req.node.prevComment, kv.key);
    if (comment !== '') kv.comment = comment;
    return kv;
  });
  return { kind: 'ARG', ...base(req), args };
}

function getComment(comments: string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) {
    if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  }
  return '';
}

function fromCaseMatchesAsCase(req: Req): boolean {
  if (req.args.length < 3) return true;
  // an inconsistently cased FROM is ConsistentInstructionCasing's business
  const lower = req.command === req.command.toLowerCase();
  const upper = req.command === req.command.toUpperCase();
  if (!lower && !upper) return true;
  const as = req.args[1]!;
  return lower ? as === as.toLowerCase() : as === as.toUpperCase();
}

function validateDefinitionDescription(
  instruction: string,
  keys: string[],
  descComments: string[],
  at: (name: 'InvalidDefinitionDescription', msg: string) => void,
): void {
  if (descComments.length === 0 || keys.length === 0) return;
  const first = descComments[descComments.length - 1]!.split(' ')[0]!;
  if (keys.includes(first)) return;
  const exampleKey = keys.length > 1 ? '<arg_key>' : keys[0]!;
  at('InvalidDefinitionDescription', formats.InvalidDefinitionDescription(instruction, exampleKey));
}

export { allInstructionNames };
