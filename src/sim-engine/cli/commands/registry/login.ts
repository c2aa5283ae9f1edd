/**
 * `docker login` — docker/cli cli/command/registry/login.go (v28.5.2), with
 * command.PromptUserForCredentials (cli/command/registry.go) and the file store of
 * cli/config/credentials: check the credentials with the daemon (`POST /auth`), then
 * keep them in the CLI's config.json (config-file.ts).
 *
 * Differs from Docker: Docker Hub's web-based (device code) login needs a browser and
 * Docker's identity provider; it fails to start here, and the CLI falls back to the
 * username and password prompts as it does when it cannot start it. The lab's Hub
 * takes any Docker ID-shaped username with any non-empty password (daemon/images/hub.ts).
 * The password prompt cannot turn the terminal's echo off.
 */

import type { AuthConfig } from '../../../api/registry-auth.ts';
import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import {
  convertToHostname,
  getAuthConfig,
  INDEX_SERVER,
  loadConfigFile,
  saveConfigFile,
  unencryptedWarning,
} from './config-file.ts';

export const loginCommand: CommandSpec = {
  use: 'login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: `Authenticate to a registry.
Defaults to Docker Hub if no server is specified.`,
  args: requiresMaxArgs(1),
  annotations: { 'category-top': '8' },
  flags: [
    { name: 'password', shorthand: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
    {
      name: 'password-stdin',
      type: 'bool',
      usage: 'Take the Password or Personal Access Token (PAT) from stdin',
    },
    { name: 'username', shorthand: 'u', type: 'string', usage: 'Username' },
  ],
  run: runLogin as RunFn,
};

const REGISTER_SUGGEST =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST =
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

interface LoginOptions {
  serverAddress: string;
  user: string;
  password: string;
  passwordStdin: boolean;
}

async function runLogin(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const opts: LoginOptions = {
    serverAddress: args[0] ?? '',
    user: flags.string('username'),
    password: flags.string('password'),
    passwordStdin: flags.bool('password-stdin'),
  };
  // verifyLoginFlags
  if (flags.has('password-stdin')) {
    if (flags.has('password'))
      throw new CliError('conflicting options: cannot specify both --password and --password-stdin');
    if (!flags.has('username'))
      throw new CliError('the --password-stdin option requires --username to be set');
  }
  if (flags.has('username') && opts.user === '') throw new CliError('username is empty');
  if (flags.has('password') && opts.password === '') throw new CliError('password is empty');
  // verifyLoginOptions
  const input = lineReader(cli);
  if (opts.password !== '')
    cli.err.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (opts.passwordStdin) {
    if (opts.user === '') throw new CliError('username is empty');
    opts.password = (await input.all()).replace(/\n$/, '').replace(/\r$/, '');
  }
  maybePrintEnvAuthWarning(cli);

  const serverAddress =
    opts.serverAddress !== '' && opts.serverAddress !== 'docker.io' ? opts.serverAddress : INDEX_SERVER;
  const isDefaultRegistry = serverAddress === INDEX_SERVER;
  const config = loadConfigFile(cli);
  // GetDefaultAuthConfig
  const key = isDefaultRegistry ? serverAddress : convertToHostname(serverAddress);
  const stored = opts.user === '' && opts.password === '' ? getAuthConfig(config, key) : {};
  const authConfig: AuthConfig = { username: stored.username, password: stored.password, serveraddress: key };

  let msg = '';
  let failed = true;
  if (authConfig.username && authConfig.password) {
    // loginWithStoredCredentials
    cli.err.write(`Authenticating with existing credentials... [Username: ${authConfig.username}]\n`);
    cli.err.write(
      note(cli, "To login with a different account, run 'docker logout' followed by 'docker login'"),
    );
    cli.err.write('\n\n');
    try {
      msg = (await registryLogin(cli, authConfig)).Status;
      failed = false;
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 401) cli.err.write('Stored credentials invalid or expired\n');
      else cli.err.write(`Login did not succeed, error: ${(err as Error).message}\n`);
    }
    if (!failed) store(cli, config, authConfig);
  }
  if (failed) msg = await loginUser(cli, opts, input, authConfig.username ?? '', key, config);
  if (msg !== '') cli.out.write(msg + '\n');
}

async function loginUser(
  cli: DockerCli,
  opts: LoginOptions,
  input: LineReader,
  defaultUsername: string,
  serverAddress: string,
  config: ReturnType<typeof loadConfigFile>,
): Promise<string> {
  if ((opts.user === '' || opts.password === '') && !cli.inIsTerminal)
    throw new CliError('Error: Cannot perform an interactive login from a non TTY device');
  if (serverAddress === INDEX_SERVER && opts.user === '' && opts.password === '' && !oauthDisabled(cli)) {
    // the device-code flow cannot start without Docker's identity provider
    cli.err.write('Failed to start web-based login - falling back to command line login...\n\n');
  }
  // PromptUserForCredentials
  let user = opts.user.trim();
  if (user === '') {
    if (serverAddress === INDEX_SERVER) {
      cli.out.write(REGISTER_SUGGEST + '\n');
      if (hintsEnabled(cli)) cli.out.write(PAT_SUGGEST + '\n\n');
    }
    const def = defaultUsername.trim();
    cli.out.write(def === '' ? 'Username: ' : `Username (${def}): `);
    user = (await input.line()).trim() || def;
    if (user === '') throw new CliError('Error: Non-null Username Required');
  }
  let password = opts.password.trim();
  if (password === '') {
    if (serverAddress === INDEX_SERVER) {
      const url = cli.outIsTerminal
        ? '\x1b[4mhttps://app.docker.com/settings\x1b[0m'
        : 'https://app.docker.com/settings';
      cli.err.write(
        note(cli, `A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit ${url}\n\n`),
      );
    }
    cli.out.write('Password: ');
    password = (await input.line()).trim();
    cli.out.write('\n');
    if (password === '') throw new CliError('Error: Password Required');
  }
  const authConfig: AuthConfig = { username: user, password, serveraddress: serverAddress };
  const response = await registryLogin(cli, authConfig);
  store(cli, config, authConfig);
  return response.Status;
}

async function registryLogin(cli: DockerCli, authConfig: AuthConfig): Promise<{ Status: string }> {
  return cli.client.post<{ Status: string; IdentityToken?: string }>('/auth', undefined, authConfig);
}

/** storeCredentials through the file store: saved (and warned about) only when changed. */
function store(cli: DockerCli, config: ReturnType<typeof loadConfigFile>, authConfig: AuthConfig): void {
  const key = authConfig.serveraddress ?? INDEX_SERVER;
  const old = config.auths.get(key);
  if (
    old &&
    (old.username ?? '') === (authConfig.username ?? '') &&
    (old.password ?? '') === (authConfig.password ?? '') &&
    !old.email &&
    !old.identitytoken &&
    !old.registrytoken
  )
    return;
  config.auths.set(key, { ...authConfig });
  try {
    saveConfigFile(cli, config);
  } catch (err) {
    throw new CliError(`Error saving credentials: ${(err as Error).message}`);
  }
  if (authConfig.password) cli.err.write(unencryptedWarning(config.filename));
}

function oauthDisabled(cli: DockerCli): boolean {
  const v = cli.env.get('DOCKER_CLI_DISABLE_OAUTH_LOGIN') ?? '';
  return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v);
}

function hintsEnabled(cli: DockerCli): boolean {
  const v = cli.env.get('DOCKER_CLI_HINTS') ?? '';
  if (v === '') return true;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return true;
}

/** tui.Output.PrintNote: ` Info -> ` (or its colours on a terminal), continuation lines indented. */
export function note(cli: DockerCli, text: string, warning = false): string {
  const tty = cli.outIsTerminal;
  const plain = warning ? ' Warn -> ' : ' Info -> ';
  const header = !tty
    ? plain
    : warning
      ? '\x1b[1m\x1b[103m\x1b[30mw\x1b[0m\x1b[0m \x1b[93mWarn → \x1b[0m\x1b[0m'
      : '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m';
  const lines = text.split('\n');
  return (
    '\n' +
    header +
    lines.map((l, i) => (i > 0 ? ' '.repeat(9) : '') + (tty ? `\x1b[3m${l}\x1b[0m` : l) + '\n').join('')
  );
}

/** maybePrintEnvAuthWarning */
export function maybePrintEnvAuthWarning(cli: DockerCli): void {
  if (cli.env.get('DOCKER_AUTH_CONFIG'))
    cli.err.write(
      note(
        cli,
        'DOCKER_AUTH_CONFIG is set and takes precedence.\nUnset DOCKER_AUTH_CONFIG to restore the CLI auth behaviour.\n',
        true,
      ),
    );
}

interface LineReader {
  line(): Promise<string>;
  all(): Promise<string>;
}

/** stdin read a line at a time (bufio.Scanner), or whole (io.ReadAll). */
function lineReader(cli: DockerCli): LineReader {
  let buffer = '';
  let ended = false;
  const more = async () => {
    const chunk = await cli.in.read();
    if (chunk === null) ended = true;
    else buffer += chunk;
  };
  return {
    async line() {
      while (!buffer.includes('\n') && !ended) await more();
      const nl = buffer.indexOf('\n');
      const line = nl < 0 ? buffer : buffer.slice(0, nl);
      buffer = nl < 0 ? '' : buffer.slice(nl + 1);
      return line.replace(/\r$/, '');
    },
    async all() {
      while (!ended) await more();
      const all = buffer;
      buffer = '';
      return all;
    },
  };
}
