/**
 * `docker …` from argv to exit status, as docker/cli's cmd/docker does: global flags
 * up to the first command, then the command path, the command's own flags, its
 * argument rule, and its run function. Errors print to stderr the way docker's main
 * prints them.
 */
import { forwardBuilder } from './commands/buildx/builder-forward.ts';
import { ApiClientError } from '../api/client.ts';
import { CLI_GIT_COMMIT, ENGINE_VERSION } from '../api/version.ts';
import { Command, anyArgs, noArgs, type CommandSpec } from './command.ts';
import type { DockerCli } from './docker-cli.ts';
import { StatusError } from './errors.ts';
import { FlagError, parseFlags, type FlagSpec } from './flags.ts';
import { usageString } from './help.ts';
import { hiderFor, unsupported, type Hider } from './support.ts';
import type { ServerInfo } from '../api/client.ts';

export function rootFlags(home: string): FlagSpec[] {
  return [
    { name: 'config', type: 'string', usage: 'Location of client config files', defValue: `${home}/.docker` },
    {
      name: 'context',
      shorthand: 'c',
      type: 'string',
      usage:
        'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    },
    { name: 'debug', shorthand: 'D', type: 'bool', usage: 'Enable debug mode' },
    // 28.5: a "string" that may be given once (cli/flags/options.go hostVar)
    {
      name: 'host',
      shorthand: 'H',
      type: 'string',
      usage: 'Daemon socket to connect to',
      parse: (raw, previous) => {
        if (previous !== undefined) throw new Error('specify only one -H');
        return raw;
      },
    },
    {
      name: 'log-level',
      shorthand: 'l',
      type: 'string',
      usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")',
      defValue: 'info',
    },
    { name: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    {
      name: 'tlscacert',
      type: 'string',
      usage: 'Trust certs signed only by this CA',
      defValue: `${home}/.docker/ca.pem`,
    },
    {
      name: 'tlscert',
      type: 'string',
      usage: 'Path to TLS certificate file',
      defValue: `${home}/.docker/cert.pem`,
    },
    { name: 'tlskey', type: 'string', usage: 'Path to TLS key file', defValue: `${home}/.docker/key.pem` },
    { name: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { name: 'version', shorthand: 'v', type: 'bool', usage: 'Print version information and quit' },
  ];
}

export function rootSpec(home: string, commands: CommandSpec[]): CommandSpec {
  return {
    use: 'docker [OPTIONS] COMMAND [ARG...]',
    short: 'A self-sufficient runtime for containers',
    flags: rootFlags(home),
    annotations: {
      additionalHelp: 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/',
    },
    subcommands: commands,
  };
}

/** The FlagErrorFunc of docker/cli: the pflag error, the usage line, exit 125. */
function flagError(cmd: Command, err: FlagError): StatusError {
  return new StatusError(
    `${err.message}\n\nUsage:  ${cmd.useLine}\n\nRun '${cmd.commandPath} --help' for more information`,
    125,
  );
}

/** cli/required.go */
function checkArgs(cmd: Command, args: string[]): void {
  const rule = cmd.spec.args ?? (cmd.hasSubCommands ? noArgs : anyArgs);
  const bin = cmd.root.name;
  const path = cmd.commandPath;
  const use = cmd.useLine;
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  const fail = (what: string, see = 'Run') => {
    throw new StatusError(
      `${bin}: ${what}\n\nUsage:  ${use}\n\n${see} '${path} --help' for more information`,
      1,
    );
  };
  switch (rule.kind) {
    case 'none':
      if (args.length === 0) return;
      if (cmd.hasSubCommands) fail(`unknown command: ${path} ${args[0]}`);
      return fail(`'${path}' accepts no arguments`);
    case 'exact':
      if (args.length !== rule.n) fail(`'${path}' requires ${rule.n} ${plural(rule.n)}`);
      return;
    case 'min':
      if (args.length < rule.n) fail(`'${path}' requires at least ${rule.n} ${plural(rule.n)}`, 'See');
      return;
    case 'max':
      // docker/cli really prints "SRun" here (a typo in cli/required.go)
      if (args.length > rule.n) fail(`'${path}' requires at most ${rule.n} ${plural(rule.n)}`, 'SRun');
      return;
    case 'range':
      if (args.length < rule.min || args.length > rule.max) {
        fail(`'${path}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`);
      }
      return;
    case 'cobra-exact':
      if (args.length !== rule.n) {
        throw new StatusError(`accepts ${rule.n} arg(s), received ${args.length}`, 1);
      }
      return;
    case 'any':
      return;
  }
}

export interface RunOptions {
  /** builds the API client once global flags (-H) are known */
  connect: (hosts: string[]) => DockerCli['client'];
  home: string;
  commands: CommandSpec[];
}

const treeCache = new WeakMap<CommandSpec[], Map<string, Command>>();

function rootCommand(home: string, commands: CommandSpec[]): Command {
  let byHome = treeCache.get(commands);
  if (!byHome) treeCache.set(commands, (byHome = new Map()));
  let root = byHome.get(home);
  if (!root) byHome.set(home, (root = new Command(rootSpec(home, commands))));
  return root;
}

/** Run `docker argv…` and resolve to the exit status. Never throws. */
export async function runDocker(
  argv: string[],
  makeCli: (client: DockerCli['client']) => DockerCli,
  options: RunOptions,
): Promise<number> {
  const root = rootCommand(options.home, options.commands);
  // Streams exist before the client does; errors before connecting still print.
  let cli = makeCli(options.connect([]));
  try {
    return await dispatch(
      root,
      argv,
      (hosts) => (cli = makeCli(options.connect(hosts))),
      () => cli,
    );
  } catch (err) {
    return report(cli, err);
  }
}

function report(cli: DockerCli, err: unknown): number {
  if (err instanceof StatusError) {
    if (err.message) cli.err.write(err.message + '\n');
    return err.status || 1;
  }
  if (err instanceof ApiClientError) {
    cli.err.write(err.message + '\n');
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  cli.err.write(message + '\n');
  return 1;
}

async function dispatch(
  root: Command,
  argv: string[],
  connect: (hosts: string[]) => DockerCli,
  current: () => DockerCli,
): Promise<number> {
  const global = (() => {
    try {
      return parseFlags(root.flags, argv, { interspersed: false, warn: (t) => current().err.write(t) });
    } catch (err) {
      if (err instanceof FlagError) throw flagError(root, err);
      throw err;
    }
  })();
  if (global.values.bool('version')) {
    current().out.write(`Docker version ${ENGINE_VERSION}, build ${CLI_GIT_COMMIT}\n`);
    return 0;
  }
  // cli/flags SetLogLevel: logrus.ParseLevel, checked before anything else runs
  const logLevel = global.values.string('log-level');
  if (
    logLevel &&
    !['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'].includes(logLevel.toLowerCase())
  ) {
    throw new StatusError(`Unable to parse logging level: ${logLevel}`, 1);
  }
  const host = global.values.string('host');
  const cli = connect(host ? [host] : []);
  // what the daemon says of itself decides what help shows and what may run (lazy in
  // docker, but every command here reaches the daemon anyway)
  let hide: Hider | undefined;
  let info: ServerInfo | undefined;
  const learn = async () => {
    info = await cli.client.serverInfo();
    hide = hiderFor(info);
  };
  let args = global.args;
  // `docker --help` shows the root's help; `docker --help ps` the help of ps
  const globalHelp = global.values.bool('help');
  if (args.length === 0 && !globalHelp) {
    await learn();
    cli.err.write(usageString(root, cli.width, hide));
    return 0;
  }
  let cmd = root;
  if (args[0] === 'help') {
    // `docker help run` is `docker run --help`
    let target = root;
    const topic = args.slice(1);
    while (topic.length > 0) {
      const child = target.findChild(topic[0]!);
      // cli/cobra.go helpCommand: what Find could not resolve is the unknown topic
      if (!child) throw new StatusError(`unknown help topic: ${topic.join(' ')}`, 1);
      target = child;
      topic.shift();
    }
    await learn();
    cli.out.write(usageString(target, cli.width, hide));
    return 0;
  }
  while (cmd.hasSubCommands && args.length > 0) {
    const child = cmd.findChild(args[0]!);
    if (!child) break;
    cmd = child;
    args = args.slice(1);
  }
  cmd = forwardBuilder(cmd, cli.env);
  if (cmd === root && globalHelp) {
    await learn();
    cli.out.write(usageString(root, cli.width, hide));
    return 0;
  }
  if (cmd === root) {
    throw new StatusError(
      `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information`,
      1,
    );
  }
  let parsed;
  // cobra buffers a command's deprecation notices and prints them on stdout once its
  // flags parsed without error (the root's own flag set prints them on stderr at once)
  let notices = '';
  try {
    parsed = parseFlags(cmd.flags, args, {
      interspersed: cmd.spec.interspersed ?? true,
      warn: (t) => (notices += t),
    });
  } catch (err) {
    if (err instanceof FlagError) throw flagError(cmd, err);
    throw err;
  }
  if (notices) cli.out.write(notices);
  await learn();
  if (parsed.values.bool('help') || globalHelp) {
    cli.out.write(usageString(cmd, cli.width, hide));
    return 0;
  }
  if (!cmd.runnable) {
    if (parsed.args.length > 0) checkArgs(cmd, parsed.args);
    // a management command on its own shows its help on stderr (command.ShowHelp)
    cli.err.write(usageString(cmd, cli.width, hide));
    return 0;
  }
  const refused = unsupported(cmd, parsed.values, info);
  if (refused) throw new StatusError(refused, 1);
  try {
    checkArgs(cmd, parsed.args);
  } catch (err) {
    // buildx (a plugin) prints its errors as `ERROR: …`
    if (err instanceof StatusError && cmd.commandPath.startsWith('docker buildx ')) {
      throw new StatusError(`ERROR: ${err.message}`, err.status);
    }
    throw err;
  }
  const status = await cmd.spec.run!(cli, parsed.values, parsed.args, cmd);
  return status ?? 0;
}
