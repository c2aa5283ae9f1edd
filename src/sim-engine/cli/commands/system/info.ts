/**
 * `docker info`, `docker system info` — docker/cli cli/command/system/info.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { ApiClientError } from '../../../api/client.ts';
import type { InfoResponse } from '../../../api/types/system.ts';
import { parseDockerTemplate, TemplateError } from '../../../golang/template/index.ts';
import { CLI_PLUGINS } from './cli-plugins.ts';
import { newClientVersion } from './client-version.ts';
import { prettyPrintInfo } from './info-print.ts';
import { dockerInfoValue, sparseInfoValue, type DockerInfo } from './info-value.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const infoCommand: CommandSpec = {
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  args: noArgs,
  annotations: { aliases: 'docker system info, docker info', 'category-top': '12' },
  flags: [
    {
      name: 'format',
      shorthand: 'f',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
  ],
  run: runInfo,
};

// ---------------------------------------------------------------------------
// docker/cli system/info.go

/** The daemon could not be reached at all (client.IsErrConnectionFailed). */
const isConnectionFailure = (err: unknown) => err instanceof ApiClientError && err.status === 0;

/**
 * needsServerInfo: the default output and `json` need the daemon; a template that
 * runs on the client's fields alone does not (placeholders are `.` then a letter).
 */
function needsServerInfo(format: string, info: DockerInfo): boolean {
  if (format === '' || format === '{{json .}}' || format === 'json') return true;
  if (!/\.[a-zA-Z]/.test(format)) return true;
  try {
    parseDockerTemplate(format).execute(sparseInfoValue(info));
    return false;
  } catch {
    return true;
  }
}

/**
 * addServerInfo: a connection failure is returned; any other error becomes a server
 * error (and, with a format, is printed at once, since the template may not show it).
 */
async function addServerInfo(cli: DockerCli, format: string, info: DockerInfo): Promise<unknown> {
  try {
    info.info = await cli.client.get<InfoResponse>('/info');
    return undefined;
  } catch (err) {
    if (format === '') info.info = null;
    if (isConnectionFailure(err)) return err;
    const message = err instanceof Error ? err.message : String(err);
    info.ServerErrors.push(message);
    if (format !== '') cli.err.write(message + '\n');
    return undefined;
  }
}

/** formatInfo: `json` is `{{json .}}`; a bad template is status 64. Returns the execution error. */
function formatInfo(cli: DockerCli, info: DockerInfo, format: string): string | undefined {
  const text = format === 'json' ? '{{json .}}' : format;
  let tmpl;
  try {
    tmpl = parseDockerTemplate(text);
  } catch (err) {
    if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
  let error: string | undefined;
  try {
    cli.out.write(tmpl.execute(dockerInfoValue(info)));
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    cli.out.write(err.partialOutput);
    error = err.message;
  }
  cli.out.write('\n');
  return error;
}

async function runInfo(cli: DockerCli, flags: FlagValues): Promise<number | void> {
  const format = flags.string('format');
  const info: DockerInfo = {
    // runInfo starts from an empty system.Info: with a format and no daemon, the
    // template reads zero values
    info: null,
    ServerErrors: [],
    UserName: '',
    // Differs from Docker: `docker --debug` does not reach the commands, so Debug Mode
    // is always false.
    ClientInfo: {
      Debug: false,
      version: newClientVersion('default', ''),
      Plugins: CLI_PLUGINS,
      Warnings: null,
    },
    ClientErrors: [],
  };
  let connError: unknown;
  if (needsServerInfo(format, info)) connError = await addServerInfo(cli, format, info);

  if (format === '') {
    // Differs from Docker: the Username line needs `docker login`'s stored credentials,
    // which this CLI does not read, so it is never shown.
    info.ClientInfo.version.APIVersion = cli.client.version;
    const failed = prettyPrintInfo(cli.out, cli.err, info);
    const messages: string[] = [];
    if (failed) messages.push('errors pretty printing info');
    if (connError !== undefined) messages.push((connError as Error).message);
    if (messages.length > 0) throw new StatusError(messages.join('\n'), 1);
    return;
  }
  const messages: string[] = [];
  if (connError !== undefined) messages.push((connError as Error).message);
  const templateError = formatInfo(cli, info, format);
  if (templateError !== undefined) messages.push(templateError);
  if (messages.length > 0) throw new StatusError(messages.join('\n'), 1);
}
