/**
 * docker/cli cli/command/stack/loader/loader.go: the compose files named with `-c` are
 * read from the lab host (the docker process's working directory; `-` is stdin), parsed
 * and loaded with the docker process's environment — and with nothing else: like
 * `docker stack deploy`, no `.env` file is read. Then the warnings for ignored keys, and
 * the check that every service names a valid image.
 */
import { resolve } from '../../../fs/path.ts';
import { FsError } from '../../../fs/types.ts';
import { goTime, RFC3339, quote } from '../../../golang/index.ts';
import { parseNormalizedNamed, validateDigest } from '../../../images/reference.ts';
import {
  absPath,
  DEPRECATED_PROPERTIES,
  ForbiddenPropertiesError,
  load,
  parseYAML,
  schemaVersion,
  serviceProperties,
  UNSUPPORTED_PROPERTIES,
  type Config,
  type ConfigDetails,
  type ConfigFile,
  type LoadHost,
} from '../../../compose/index.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';

/** A logrus warning as the CLI prints it: its writer is never a terminal to logrus. */
export function logrusWarning(cli: DockerCli, message: string): void {
  const time = goTime(cli.now()).Format(RFC3339);
  cli.err.write(`time=${quote(time)} level=warning msg=${quote(message)}\n`);
}

/** os.ReadFile's errors, as Go prints them for the path it was given. */
function readHostFile(cli: DockerCli, name: string): string {
  const path = resolve(cli.cwd, name);
  const st = cli.fs.stat(path);
  if (!st) throw new CliError(`open ${name}: no such file or directory`);
  if (st.kind === 'dir') throw new CliError(`read ${name}: is a directory`);
  try {
    return cli.fs.readFile(path);
  } catch (err) {
    if (err instanceof FsError) throw new CliError(`open ${name}: no such file or directory`);
    throw err;
  }
}

async function readStdin(cli: DockerCli): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await cli.in.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

/** The host the loader runs on: this docker process. */
export function loadHost(cli: DockerCli, workingDir: string): LoadHost {
  return {
    workingDir,
    lookupEnv: (name) => cli.env.get(name),
    readFile: (path) => readHostFile(cli, path),
    warn: (message) => logrusWarning(cli, message),
    absPath: (path) => absPath(workingDir, path),
  };
}

/** reference.ParseAnyReference: an image ID, a digest, or a name. */
function parseAnyReference(image: string): string | undefined {
  if (/^[a-f0-9]{64}$/.test(image)) return undefined;
  if (/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:/.test(image) && validateDigest(image) === undefined) return undefined;
  const parsed = parseNormalizedNamed(image);
  return parsed.ok ? undefined : parsed.error;
}

function propertyWarnings(properties: Record<string, string>): string {
  return Object.entries(properties)
    .map(([name, description]) => `${name}: ${description}`)
    .sort()
    .join('\n\n');
}

/** GetConfigDetails: the files named with `-c`, read and parsed, and where they are. */
export async function getConfigDetails(cli: DockerCli, composefiles: string[]): Promise<ConfigDetails> {
  if (composefiles.length === 0) throw new CliError('Specify a Compose file (with --compose-file)');
  const workingDir =
    composefiles[0] === '-' && composefiles.length === 1
      ? cli.cwd
      : resolve(resolve(cli.cwd, composefiles[0]!), '..');
  const configFiles: ConfigFile[] = [];
  let stdin: string | undefined;
  for (const filename of composefiles) {
    const text = filename === '-' ? (stdin ??= await readStdin(cli)) : readHostFile(cli, filename);
    try {
      configFiles.push({ filename, config: parseYAML(text) });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
  }
  return { version: schemaVersion(configFiles[0]!.config), workingDir, configFiles, environment: cli.env };
}

/** LoadComposefile */
export async function loadComposefile(cli: DockerCli, composefiles: string[]): Promise<Config> {
  const details = await getConfigDetails(cli, composefiles);
  const { configFiles, workingDir } = details;
  const host = loadHost(cli, workingDir);
  let config: Config;
  try {
    config = load(details, host);
  } catch (err) {
    if (err instanceof ForbiddenPropertiesError)
      throw new CliError(
        `Compose file contains unsupported options:\n\n${propertyWarnings(err.properties)}\n`,
      );
    if (err instanceof CliError) throw err;
    throw new CliError((err as Error).message);
  }
  const dicts = configFiles.map((f) => f.config);
  const unsupported = unsupportedProperties(dicts);
  if (unsupported.length) cli.err.write(`Ignoring unsupported options: ${unsupported.join(', ')}\n\n`);
  const deprecated = serviceProperties(dicts, DEPRECATED_PROPERTIES);
  if (Object.keys(deprecated).length)
    cli.err.write(`Ignoring deprecated options:\n\n${propertyWarnings(deprecated)}\n\n`);
  for (const svc of config.services) {
    if (!svc.image) throw new CliError(`invalid image reference for service ${svc.name}: no image specified`);
    const problem = parseAnyReference(svc.image);
    if (problem) throw new CliError(`invalid image reference for service ${svc.name}: ${problem}`);
  }
  return config;
}

function unsupportedProperties(dicts: ConfigFile['config'][]): string[] {
  return Object.keys(
    serviceProperties(dicts, Object.fromEntries(UNSUPPORTED_PROPERTIES.map((p) => [p, p]))),
  ).sort();
}
