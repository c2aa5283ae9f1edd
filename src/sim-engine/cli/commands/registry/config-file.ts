/**
 * The CLI's credentials in its config file (docker/cli cli/config/config.go,
 * configfile/file.go, credentials/file_store.go): `$DOCKER_CONFIG/config.json`, or
 * `~/.docker/config.json`, on the host the CLI runs on. `auths` maps a registry
 * (`https://index.docker.io/v1/` for Docker Hub, `localhost:5000` for another) to the
 * base64 of `username:password`. No credential helper is found on a lab host, so the
 * file store is used, and storing a password says so on stderr.
 */
import { base64Decode, base64Encode, encodeAuthConfig, INDEX_SERVER } from '../../../api/registry-auth.ts';
import type { AuthConfig } from '../../../api/registry-auth.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';

export { INDEX_SERVER };

/** The file store's warning (file_store.go unencryptedWarning, printed with Fprintln). */
export const unencryptedWarning = (file: string) =>
  `\nWARNING! Your credentials are stored unencrypted in '${file}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;

export interface ConfigFile {
  filename: string;
  /** the other settings of the file, kept as they were */
  rest: Record<string, unknown>;
  /** registry → credentials (decoded) */
  auths: Map<string, AuthConfig>;
}

export function configFilename(cli: DockerCli): string {
  const dir = cli.env.get('DOCKER_CONFIG') || `${cli.env.get('HOME') || '/root'}/.docker`;
  return `${dir}/config.json`;
}

/** config.Load: a missing file is an empty configuration; a broken one is an error. */
export function loadConfigFile(cli: DockerCli): ConfigFile {
  const filename = configFilename(cli);
  const config: ConfigFile = { filename, rest: {}, auths: new Map() };
  let text: string;
  try {
    text = cli.fs.readFile(filename);
  } catch {
    return config;
  }
  if (text.trim() === '') return config;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliError(`loading config file: ${filename}: invalid character looking for beginning of value`);
  }
  const { auths, ...rest } = parsed;
  config.rest = rest;
  for (const [addr, value] of Object.entries((auths ?? {}) as Record<string, AuthConfig>)) {
    const ac: AuthConfig = { ...value };
    if (ac.auth) {
      const decoded = base64Decode(ac.auth) ?? '';
      const colon = decoded.indexOf(':');
      if (colon <= 0) throw new CliError('Invalid auth configuration file');
      ac.username = decoded.slice(0, colon);
      ac.password = decoded.slice(colon + 1).replace(/\0+$/, '');
    }
    delete ac.auth;
    ac.serveraddress = addr;
    config.auths.set(addr, ac);
  }
  return config;
}

/** SaveToWriter: `auths` first, each entry's username and password as `auth`, tab-indented. */
export function saveConfigFile(cli: DockerCli, config: ConfigFile): void {
  const auths: Record<string, Record<string, string>> = {};
  for (const [addr, ac] of config.auths) {
    const entry: Record<string, string> = {};
    if (ac.username || ac.password) entry['auth'] = base64Encode(`${ac.username ?? ''}:${ac.password ?? ''}`);
    if (ac.email) entry['email'] = ac.email;
    if (ac.identitytoken) entry['identitytoken'] = ac.identitytoken;
    if (ac.registrytoken) entry['registrytoken'] = ac.registrytoken;
    auths[addr] = entry;
  }
  const dir = config.filename.slice(0, config.filename.lastIndexOf('/'));
  if (!cli.fs.stat(dir)) cli.fs.mkdir(dir, { parents: true, mode: 0o700 });
  const mode = cli.fs.stat(config.filename)?.mode;
  cli.fs.writeFile(config.filename, JSON.stringify({ auths, ...config.rest }, null, '\t'), {
    mode: mode === undefined ? 0o600 : mode & 0o7777,
  });
}

/** ConvertToHostname: `https://host:port/path` → `host:port`. */
export function convertToHostname(address: string): string {
  const stripped = address.replace(/^[a-z]+:\/\//, '');
  return stripped.split('/')[0]!;
}

/** fileStore.Get: the exact key, or a legacy key naming the same host. */
export function getAuthConfig(config: ConfigFile, server: string): AuthConfig {
  const exact = config.auths.get(server);
  if (exact) return exact;
  for (const [addr, ac] of config.auths) if (convertToHostname(addr) === server) return ac;
  return {};
}

/** The config key of a registry domain (getAuthConfigKey). */
export function authConfigKey(domain: string): string {
  return domain === 'docker.io' || domain === 'index.docker.io' ? INDEX_SERVER : domain;
}

/**
 * RetrieveAuthTokenFromImage: the X-Registry-Auth a pull or push of an image on
 * `domain` sends (`e30=` without credentials). A config file that cannot be read
 * sends none, as its error would not stop the CLI before the request.
 */
export function registryAuthFor(cli: DockerCli, domain: string): string {
  let config: ConfigFile;
  try {
    config = loadConfigFile(cli);
  } catch {
    return encodeAuthConfig({});
  }
  const ac = getAuthConfig(config, authConfigKey(domain));
  return encodeAuthConfig({
    username: ac.username,
    password: ac.password,
    serveraddress: ac.serveraddress,
    identitytoken: ac.identitytoken,
    registrytoken: ac.registrytoken,
  });
}
