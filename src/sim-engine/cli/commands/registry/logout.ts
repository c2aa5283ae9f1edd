/**
 * `docker logout` — docker/cli cli/command/registry/logout.go (v28.5.2): erase the
 * registry's credentials from the CLI's config.json (also under the legacy keys a
 * server could be saved as). Docker 28 says `Removing login credentials for …` whether
 * or not there were any (it no longer prints `Not logged in to …`); the file is
 * rewritten only when an entry went away.
 */

import { type CommandSpec, type RunFn, requiresMaxArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { convertToHostname, INDEX_SERVER, loadConfigFile, saveConfigFile } from './config-file.ts';
import { maybePrintEnvAuthWarning } from './login.ts';

export const logoutCommand: CommandSpec = {
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  long: `Log out from a registry.
If no server is specified, the default is defined by the daemon.`,
  args: requiresMaxArgs(1),
  annotations: { 'category-top': '9' },
  run: runLogout as RunFn,
};

async function runLogout(cli: DockerCli, _flags: unknown, args: string[]): Promise<void> {
  maybePrintEnvAuthWarning(cli);
  let serverAddress = args[0] ?? '';
  const isDefaultRegistry = serverAddress === '';
  if (isDefaultRegistry) serverAddress = INDEX_SERVER;
  let hostnameAddress = serverAddress;
  const regsToLogout = [serverAddress];
  if (!isDefaultRegistry) {
    hostnameAddress = convertToHostname(serverAddress);
    regsToLogout.push(hostnameAddress, `http://${hostnameAddress}`, `https://${hostnameAddress}`);
  }
  const config = loadConfigFile(cli);
  cli.out.write(`Removing login credentials for ${hostnameAddress}\n`);
  let changed = false;
  for (const r of regsToLogout) if (config.auths.delete(r)) changed = true;
  if (changed) saveConfigFile(cli, config);
}
