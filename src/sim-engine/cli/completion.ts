/**
 * Tab completion for a host shell's command line, as bash with docker's completion
 * script gives it: the first word of a command from the shell's builtins and the
 * executables on PATH; after `docker`, what cobra's `__complete` offers (docker/cli
 * v28.5.2): subcommands of the command tree (hidden ones left out), flag names (long
 * and short, hidden and deprecated ones left out, one already given left out unless it
 * repeats), and for arguments the command's ValidArgsFunction — container, image,
 * network, volume, service and node names read through the Engine API, as
 * cli/command/completion/functions.go and the commands' completion funcs read them —
 * or, where a command registers none, file names (cobra's default directive). Any other
 * command completes file names; `cd` directories.
 *
 * The answer is the word's start and every candidate for it (whole words, sorted as
 * bash lists them); a directory ends with `/`, and `noSpace` says the word goes on
 * (`docker service scale web=`).
 */
import type { ApiClient } from '../api/client.ts';
import type { FileSystem } from '../fs/types.ts';
import { Command } from './command.ts';
import { commands } from './commands/index.ts';
import type { FlagSpec } from './flags.ts';
import { rootSpec } from './main.ts';

export interface CompletionContext {
  /** the client the node's `docker` would use (its DOCKER_HOST) */
  client: ApiClient;
  fs: FileSystem;
  /** the shell's working directory */
  cwd: string;
  /** the shell's $HOME, for `~/` (/root by default) */
  home?: string;
  /** the shell's $PATH (Debian's root PATH by default) */
  path?: string;
  /** names the shell runs without PATH: builtins, aliases, functions */
  shellCommands?: readonly string[];
}

export interface Completion {
  /** where the word being completed starts in the line */
  from: number;
  /** every word that completes it, sorted; a directory ends with `/` */
  candidates: string[];
  /** a single candidate is not followed by a space (it is meant to be continued) */
  noSpace?: boolean;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

let tree: Command | undefined;
function dockerTree(): Command {
  tree ??= new Command(rootSpec('/root', commands));
  return tree;
}

interface Word {
  text: string;
  start: number;
}

/** The words of the simple command the cursor is in (quotes kept together, then removed). */
function currentCommand(text: string): Word[] {
  let words: Word[] = [];
  let word: Word | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word!.text += c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      word ??= { text: '', start: i };
      word.text += text[++i];
      continue;
    }
    if (c === "'" || c === '"') {
      word ??= { text: '', start: i };
      quote = c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (word) words.push(word);
      word = undefined;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
      // a new command starts after a separator
      words = [];
      word = undefined;
      continue;
    }
    word ??= { text: '', start: i };
    word.text += c;
  }
  words.push(word ?? { text: '', start: text.length });
  return words;
}

export async function complete(line: string, cursor: number, ctx: CompletionContext): Promise<Completion> {
  const words = currentCommand(line.slice(0, cursor));
  // leading assignments (`FOO=bar docker …`) are not the command
  while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!.text)) words.shift();
  const current = words[words.length - 1]!;
  const from = current.start;
  const word = current.text;
  let candidates: string[];
  let noSpace = false;
  if (words.length === 1) {
    candidates = word.includes('/') ? files(ctx, word, 'all') : commandNames(ctx, word);
  } else if (words[0]!.text === 'docker') {
    const r = await dockerCompletion(
      words.slice(1, -1).map((w) => w.text),
      word,
      ctx,
    );
    candidates = r.candidates;
    noSpace = r.noSpace ?? false;
  } else if (words[0]!.text === 'cd' || words[0]!.text === 'pushd' || words[0]!.text === 'rmdir') {
    candidates = files(ctx, word, 'dirs');
  } else {
    candidates = files(ctx, word, 'all');
  }
  const sorted = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  return noSpace ? { from, candidates: sorted, noSpace } : { from, candidates: sorted };
}

/** Builtins and the executables of every PATH directory. */
function commandNames(ctx: CompletionContext, prefix: string): string[] {
  const names = [...(ctx.shellCommands ?? [])];
  for (const dir of (ctx.path ?? DEFAULT_PATH).split(':')) {
    if (!dir) continue;
    let entries: string[];
    try {
      entries = ctx.fs.readdir(dir);
    } catch {
      continue;
    }
    for (const name of entries) {
      if (!name.startsWith(prefix)) continue;
      const st = ctx.fs.stat(`${dir}/${name}`);
      if (st && st.kind === 'file' && (st.mode & 0o111) !== 0) names.push(name);
    }
  }
  return names;
}

/** File names for `word` (a path as typed: `./`, `sub/Doc`, `~/`, `/etc/ho`). */
function files(ctx: CompletionContext, word: string, which: 'all' | 'dirs'): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = word.slice(slash + 1);
  const home = ctx.home ?? '/root';
  let dir = dirPart === '' ? ctx.cwd : dirPart;
  if (dir === '~/' || dir.startsWith('~/')) dir = home + dir.slice(1);
  else if (!dir.startsWith('/')) dir = `${ctx.cwd.replace(/\/$/, '')}/${dir}`;
  let entries: string[];
  try {
    entries = ctx.fs.readdir(dir.length > 1 ? dir.replace(/\/$/, '') : dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    if (!name.startsWith(base)) continue;
    // bash leaves dotfiles out unless the word starts with a dot
    if (name.startsWith('.') && !base.startsWith('.')) continue;
    const isDir = ctx.fs.stat(`${dir.replace(/\/$/, '')}/${name}`)?.kind === 'dir';
    if (which === 'dirs' && !isDir) continue;
    out.push(dirPart + name + (isDir ? '/' : ''));
  }
  return out;
}

function takesValue(flag: FlagSpec): boolean {
  return flag.type !== 'bool' && flag.noOptDefVal === undefined;
}

function lookupFlag(cmd: Command, word: string): FlagSpec | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2).split('=')[0];
    return cmd.flags.find((f) => f.name === name);
  }
  // a run of shorthands (`-dit`): the last one may take the next word
  const last = word.slice(1).split('=')[0]!.slice(-1);
  return cmd.flags.find((f) => f.shorthand === last);
}

/** cobra's `__complete`: walk the tree along the words before the cursor, then complete the word. */
async function dockerCompletion(
  before: string[],
  word: string,
  ctx: CompletionContext,
): Promise<{ candidates: string[]; noSpace?: boolean }> {
  let cmd = dockerTree();
  const args: string[] = [];
  const given = new Set<string>();
  let valueOf: FlagSpec | undefined;
  let flagsEnded = false;
  for (const w of before) {
    if (valueOf) {
      valueOf = undefined;
      continue;
    }
    if (!flagsEnded && w === '--') {
      flagsEnded = true;
      continue;
    }
    const interspersed = cmd.spec.interspersed !== false || args.length === 0;
    if (!flagsEnded && interspersed && w.startsWith('-') && w !== '-') {
      const flag = lookupFlag(cmd, w);
      if (flag) {
        given.add(flag.name);
        if (
          takesValue(flag) &&
          !w.includes('=') &&
          (w.startsWith('--') || w.length === 2 || w.endsWith(flag.shorthand!))
        )
          valueOf = flag;
      }
      continue;
    }
    const child = args.length === 0 ? cmd.findChild(w) : undefined;
    if (child && cmd.hasSubCommands) {
      cmd = child;
      given.clear();
      continue;
    }
    args.push(w);
  }
  if (valueOf) return { candidates: await flagValues(valueOf, word, ctx) };
  // no flags after the first argument of run, create, exec (SetInterspersed(false))
  const flagCompletion = !flagsEnded && (cmd.spec.interspersed !== false || args.length === 0);
  if (flagCompletion && word.startsWith('-')) {
    if (word.includes('=')) return { candidates: [] };
    return { candidates: flagNames(cmd, given) };
  }
  if (cmd.hasSubCommands && args.length === 0) {
    return { candidates: cmd.children.filter((c) => c.isAvailable).map((c) => c.name) };
  }
  return argCompletion(cmd, args, word, given, ctx);
}

/** cobra getFlagNameCompletions: `--name` and `-s` of every flag not hidden or deprecated. */
function flagNames(cmd: Command, given: Set<string>): string[] {
  const out: string[] = [];
  for (const f of cmd.flags) {
    if (f.hidden || f.deprecated) continue;
    // cobra offers a flag already given only when it may be repeated (a slice or array)
    if (given.has(f.name) && !repeats(f)) continue;
    out.push(`--${f.name}`);
    if (f.shorthand && !f.shorthandDeprecated) out.push(`-${f.shorthand}`);
  }
  return out;
}

function repeats(f: FlagSpec): boolean {
  return f.repeatable === true || ['list', 'stringSlice', 'stringArray', 'map', 'filter'].includes(f.type);
}

async function flagValues(flag: FlagSpec, word: string, ctx: CompletionContext): Promise<string[]> {
  switch (flag.name) {
    case 'network':
    case 'net':
      return names(() => networkNames(ctx.client));
    case 'platform':
      return PLATFORMS;
    default:
      // cobra's default directive: the shell completes file names
      return files(ctx, word, 'all');
  }
}

/** completion.Platforms */
const PLATFORMS = [
  'linux/386',
  'linux/amd64',
  'linux/arm',
  'linux/arm/v5',
  'linux/arm/v6',
  'linux/arm/v7',
  'linux/arm64',
  'linux/arm64/v8',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
  'windows/amd64',
  'wasip1/wasm',
];

interface ContainerListItem {
  Names: string[];
  State: string;
}

/** An API error (no daemon, not a swarm manager) completes nothing, as ShellCompDirectiveError. */
async function names(list: () => Promise<string[]>): Promise<string[]> {
  try {
    return await list();
  } catch {
    return [];
  }
}

/** completion.ContainerNames: names without their leading `/` */
async function containerNames(
  client: ApiClient,
  all: boolean,
  keep: (c: ContainerListItem) => boolean = () => true,
): Promise<string[]> {
  const list = await client.get<ContainerListItem[]>('/containers/json', all ? { all: true } : {});
  return list.filter(keep).flatMap((c) => c.Names.map((n) => n.replace(/^\//, '')));
}

/** completion.ImageNames: every RepoTag */
async function imageNames(client: ApiClient): Promise<string[]> {
  const list = await client.get<{ RepoTags?: string[] | null }[]>('/images/json');
  return list.flatMap((i) => (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'));
}

async function networkNames(client: ApiClient): Promise<string[]> {
  return (await client.get<{ Name: string }[]>('/networks')).map((n) => n.Name);
}

async function volumeNames(client: ApiClient): Promise<string[]> {
  return ((await client.get<{ Volumes?: { Name: string }[] | null }>('/volumes')).Volumes ?? []).map(
    (v) => v.Name,
  );
}

interface ServiceListItem {
  Spec: { Name: string; Labels?: Record<string, string> };
}

/** service/completion.go completeServiceNames */
async function serviceNames(client: ApiClient): Promise<string[]> {
  return (await client.get<ServiceListItem[]>('/services')).map((s) => s.Spec.Name);
}

/** stack names: the namespace label of the services a stack made */
async function stackNames(client: ApiClient): Promise<string[]> {
  return (await client.get<ServiceListItem[]>('/services'))
    .map((s) => s.Spec.Labels?.['com.docker.stack.namespace'])
    .filter((n): n is string => n !== undefined);
}

/** secret/cmd.go and config/cmd.go completeNames: the objects' IDs (not their names) */
async function objectIds(client: ApiClient, kind: 'secret' | 'config'): Promise<string[]> {
  return (await client.get<{ ID: string }[]>(`/${kind}s`)).map((o) => o.ID);
}

/** node/completion.go completeNodeNames: hostnames, and `self` */
async function nodeNames(client: ApiClient): Promise<string[]> {
  const list = await client.get<{ Description?: { Hostname?: string } }[]>('/nodes');
  return [...list.map((n) => n.Description?.Hostname ?? '').filter(Boolean), 'self'];
}

const notPaused = (c: ContainerListItem) => c.State !== 'paused';
const stopped = (c: ContainerListItem) => c.State === 'exited' || c.State === 'created';

type ArgsFn = (
  client: ApiClient,
  args: string[],
  given: Set<string>,
) => Promise<string[] | { candidates: string[]; noSpace: true }> | 'files' | 'dirs' | 'none';

/** image names, none once `limit` arguments are there (completion.ImageNames) */
const images =
  (limit: number): ArgsFn =>
  (client, args) =>
    limit > 0 && args.length >= limit ? 'none' : names(() => imageNames(client));

const containers =
  (all: boolean, keep?: (c: ContainerListItem) => boolean): ArgsFn =>
  (client) =>
    names(() => containerNames(client, all, keep));

/**
 * The ValidArgsFunction of each command (docker/cli v28.5.2), by its path under
 * `docker`; a command not listed has none, and cobra lets the shell complete file names.
 */
const VALID_ARGS: Record<string, ArgsFn> = {
  'config inspect': (client) => names(() => objectIds(client, 'config')),
  'config rm': (client) => names(() => objectIds(client, 'config')),
  'container attach': containers(false, notPaused),
  'container commit': containers(false),
  'container create': images(-1),
  'container diff': containers(false),
  'container exec': containers(false, notPaused),
  'container export': containers(true),
  'container inspect': containers(true),
  'container kill': containers(false),
  'container ls': () => 'none',
  'container logs': containers(true),
  'container pause': containers(false, notPaused),
  'container port': containers(false),
  'container prune': () => 'none',
  'container rename': containers(true),
  'container restart': containers(true),
  'container rm': (client, _args, given) =>
    names(() => containerNames(client, true, (c) => given.has('force') || stopped(c))),
  'container run': images(1),
  'container start': containers(true, stopped),
  'container stats': containers(false),
  'container stop': containers(false),
  'container top': containers(false),
  'container unpause': containers(false, (c) => c.State === 'paused'),
  'container update': containers(true),
  'container wait': containers(false),
  'checkpoint ls': containers(false),
  'image build': () => 'dirs',
  'image history': images(1),
  'image inspect': images(-1),
  'image load': () => 'none',
  'image prune': () => 'none',
  'image pull': images(1),
  'image push': images(1),
  'image rm': images(-1),
  'image save': images(-1),
  'image tag': images(2),
  'network connect': (client, args) =>
    args.length === 0 ? names(() => networkNames(client)) : names(() => containerNames(client, true)),
  'network disconnect': (client, args) =>
    args.length === 0 ? names(() => networkNames(client)) : names(() => containerNames(client, true)),
  'network create': () => 'none',
  'network inspect': (client) => names(() => networkNames(client)),
  'network ls': () => 'none',
  'network rm': (client) => names(() => networkNames(client)),
  'node demote': (client) => names(() => nodeNames(client)),
  'node inspect': (client) => names(() => nodeNames(client)),
  'node ls': () => 'none',
  'node promote': (client) => names(() => nodeNames(client)),
  'node ps': (client) => names(() => nodeNames(client)),
  'node rm': (client) => names(() => nodeNames(client)),
  'node update': (client) => names(() => nodeNames(client)),
  // secret ls completes IDs too (docker/cli v28.5.2 secret/ls.go); secret create files
  'secret inspect': (client) => names(() => objectIds(client, 'secret')),
  'secret ls': (client) => names(() => objectIds(client, 'secret')),
  'secret rm': (client) => names(() => objectIds(client, 'secret')),
  'service create': () => 'none',
  'service inspect': (client) => names(() => serviceNames(client)),
  'service logs': (client) => names(() => serviceNames(client)),
  'service ls': () => 'none',
  'service ps': (client) => names(() => serviceNames(client)),
  'service rm': (client) => names(() => serviceNames(client)),
  'service rollback': (client) => names(() => serviceNames(client)),
  // service/scale.go completeScaleArgs: `web=`, and the word goes on
  'service scale': async (client) => ({
    candidates: (await names(() => serviceNames(client))).map((n) => `${n}=`),
    noSpace: true,
  }),
  'service update': (client) => names(() => serviceNames(client)),
  'stack ps': (client) => names(() => stackNames(client)),
  'stack rm': (client) => names(() => stackNames(client)),
  'stack services': (client) => names(() => stackNames(client)),
  'stack ls': () => 'none',
  'swarm ca': () => 'none',
  'swarm init': () => 'none',
  'swarm leave': () => 'none',
  'swarm unlock': () => 'none',
  'swarm unlock-key': () => 'none',
  'swarm update': () => 'none',
  'system df': () => 'none',
  'system events': () => 'none',
  'system info': () => 'none',
  'system prune': () => 'none',
  'volume create': () => 'none',
  'volume inspect': (client) => names(() => volumeNames(client)),
  'volume ls': () => 'none',
  'volume prune': () => 'none',
  'volume rm': (client) => names(() => volumeNames(client)),
  'volume update': (client) => names(() => volumeNames(client)),
  'builder prune': () => 'none',
  'config ls': () => 'none',
  'config create': () => 'none',
  'context ls': () => 'none',
  'context show': () => 'none',
  'context create': () => 'none',
  'plugin ls': () => 'none',
  login: () => 'none',
  version: () => 'none',
  info: () => 'none',
  events: () => 'none',
  inspect: () => 'none',
};

/** The top-level shorthands of management commands (commands.go's legacy and common commands). */
const IMAGE_SHORTHANDS: Record<string, string> = {
  images: 'image ls',
  rmi: 'image rm',
  build: 'image build',
  pull: 'image pull',
  push: 'image push',
  history: 'image history',
  tag: 'image tag',
  save: 'image save',
  load: 'image load',
  import: 'image import',
  ps: 'container ls',
};

function validArgs(cmd: Command): ArgsFn | undefined {
  const path = cmd.commandPath.split(' ').slice(1).join(' ');
  return (
    VALID_ARGS[path] ??
    (IMAGE_SHORTHANDS[path] ? VALID_ARGS[IMAGE_SHORTHANDS[path]!] : undefined) ??
    (cmd.parent === cmd.root ? VALID_ARGS[`container ${path}`] : undefined)
  );
}

async function argCompletion(
  cmd: Command,
  args: string[],
  word: string,
  given: Set<string>,
  ctx: CompletionContext,
): Promise<{ candidates: string[]; noSpace?: boolean }> {
  const fn = validArgs(cmd);
  if (!fn) return { candidates: files(ctx, word, 'all') };
  const r = await fn(ctx.client, args, given);
  if (r === 'none') return { candidates: [] };
  if (r === 'files') return { candidates: files(ctx, word, 'all') };
  if (r === 'dirs') return { candidates: files(ctx, word, 'dirs') };
  return Array.isArray(r) ? { candidates: r } : r;
}
