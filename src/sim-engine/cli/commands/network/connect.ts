/**
 * `docker network connect` — docker/cli cli/command/network/connect.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { validateLink } from '../opts/opts.ts';
import { objectPath } from '../../../api/client.ts';
import { goEndpointSettings } from '../opts/endpoint-settings.ts';

export const connectCommand: CommandSpec = {
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: exactArgs(2),
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network' },
    {
      name: 'gw-priority',
      type: 'int',
      usage: 'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
    },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', type: 'list', usage: 'Add link to another container', parse: validateLink },
    { name: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container' },
  ],
  run: runConnect,
};

// ---------------------------------------------------------------------------
// docker/cli network/connect.go runConnect

async function runConnect(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const driverOpts: Record<string, string> = {};
  for (const opt of flags.list('driver-opt')) {
    const eq = opt.indexOf('=');
    const key = (eq < 0 ? opt : opt.slice(0, eq)).trim();
    if (eq < 0 || key === '') throw new CliError('invalid key/value pair format in driver options');
    driverOpts[key] = opt.slice(eq + 1).trim();
  }
  const links = flags.list('link');
  const aliases = flags.list('alias');
  const linkLocal = flags.list('link-local-ip');
  await cli.client.post(objectPath('network', args[0]!, '/connect'), undefined, {
    Container: args[1],
    EndpointConfig: goEndpointSettings({
      IPAMConfig: {
        IPv4Address: flags.string('ip'),
        IPv6Address: flags.string('ip6'),
        LinkLocalIPs: linkLocal.length > 0 ? linkLocal : undefined,
      },
      Links: links.length > 0 ? links : null,
      // a StringSlice flag's default and convertDriverOpt's map are never nil: [] and {}
      Aliases: aliases,
      DriverOpts: driverOpts,
      GwPriority: flags.number('gw-priority'),
    }),
  });
}
