/**
 * The command tree, in cobra's shape: each command has a Use line, a short text,
 * flags, an argument rule and a run function; management commands have children.
 * One command per file under commands/<object>/<verb>.ts, assembled in commands/index.ts.
 */
import type { DockerCli } from './docker-cli.ts';
import type { FlagSpec, FlagValues } from './flags.ts';

/** cobra PositionalArgs, with docker/cli's messages (cli/required.go). */
export type ArgsRule =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  /** cobra's own ExactArgs, which `docker context use` uses: "accepts 1 arg(s), received 0" */
  | { kind: 'cobra-exact'; n: number };

export const anyArgs: ArgsRule = { kind: 'any' };
export const noArgs: ArgsRule = { kind: 'none' };
export const exactArgs = (n: number): ArgsRule => ({ kind: 'exact', n });
export const requiresMinArgs = (n: number): ArgsRule => ({ kind: 'min', n });
export const requiresMaxArgs = (n: number): ArgsRule => ({ kind: 'max', n });
export const requiresRangeArgs = (min: number, max: number): ArgsRule => ({ kind: 'range', min, max });
export const cobraExactArgs = (n: number): ArgsRule => ({ kind: 'cobra-exact', n });

export type RunFn = (
  cli: DockerCli,
  flags: FlagValues,
  args: string[],
  cmd: Command,
) => Promise<number | void>;

export interface CommandSpec {
  /** cobra Use, e.g. `run [OPTIONS] IMAGE [COMMAND] [ARG...]` */
  use: string;
  aliases?: string[];
  short: string;
  long?: string;
  example?: string;
  args?: ArgsRule;
  flags?: FlagSpec[];
  /** false for commands whose arguments may carry their own flags (run, create, exec) */
  interspersed?: boolean;
  /**
   * cobra annotations docker uses: `category-top` orders the root's Common Commands,
   * `swarm` puts a management command under Swarm Commands, `aliases` overrides the
   * Aliases line of help.
   */
  annotations?: Record<string, string>;
  hidden?: boolean;
  run?: RunFn;
  subcommands?: CommandSpec[];
}

/** A node of the assembled tree. */
export class Command {
  readonly spec: CommandSpec;
  readonly parent: Command | undefined;
  readonly children: Command[];
  /** the first word of Use */
  readonly name: string;

  constructor(spec: CommandSpec, parent?: Command) {
    this.spec = spec;
    this.parent = parent;
    this.name = spec.use.split(' ')[0]!;
    // cobra sorts subcommands by name
    this.children = (spec.subcommands ?? [])
      .map((s) => new Command(s, this))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get root(): Command {
    return this.parent ? this.parent.root : this;
  }

  get commandPath(): string {
    return this.parent ? `${this.parent.commandPath} ${this.name}` : this.name;
  }

  /** cobra UseLine with DisableFlagsInUseLine */
  get useLine(): string {
    return this.parent ? `${this.parent.commandPath} ${this.spec.use}` : this.spec.use;
  }

  get hasSubCommands(): boolean {
    return this.children.length > 0;
  }

  get runnable(): boolean {
    return this.spec.run !== undefined;
  }

  /** cobra IsAvailableCommand */
  get isAvailable(): boolean {
    if (this.spec.hidden) return false;
    return this.runnable || this.children.some((c) => c.isAvailable);
  }

  /**
   * Flags of this command plus the persistent ones of the root (help). As cobra's
   * AddFlagSet, an inherited flag is skipped when the command has its own of that name:
   * `docker run` defines its own `--help` so that `-h` can be `--hostname`.
   */
  get flags(): readonly FlagSpec[] {
    if (!this.#flags) {
      const own = this.spec.flags ?? [];
      this.#flags = own.some((f) => f.name === HELP_FLAG.name) ? [...own] : [...own, HELP_FLAG];
    }
    return this.#flags;
  }
  #flags: readonly FlagSpec[] | undefined;

  findChild(name: string): Command | undefined {
    return this.#byName().get(name);
  }

  /** The children by name and alias, the first in order winning, as a search finds them. */
  #byName(): ReadonlyMap<string, Command> {
    if (!this.#childIndex) {
      const index = new Map<string, Command>();
      for (const c of this.children) {
        for (const key of [c.name, ...(c.spec.aliases ?? [])]) if (!index.has(key)) index.set(key, c);
      }
      this.#childIndex = index;
    }
    return this.#childIndex;
  }
  #childIndex: Map<string, Command> | undefined;

  /** cobra commandsMaxNameLen floored at minNamePadding (11) */
  get namePadding(): number {
    const siblings = this.parent?.children ?? [];
    return Math.max(11, ...siblings.map((c) => c.name.length));
  }
}

/** The root's persistent `--help`; `-h` still works with a deprecation notice. */
export const HELP_FLAG: FlagSpec = {
  name: 'help',
  shorthand: 'h',
  type: 'bool',
  usage: 'Print usage',
  hidden: true,
  shorthandDeprecated: 'use --help',
};
