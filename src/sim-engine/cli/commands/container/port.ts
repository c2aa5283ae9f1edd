/**
 * `docker container port`, `docker port` — docker/cli cli/command/container/port.go (v28.5.2).
 */

import { type CommandSpec, requiresRangeArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import type { ContainerInspect } from '../../../api/types/container.ts';
import { naturalLess } from '../../../golang/natural-sort.ts';
import { CliError } from '../../errors.ts';
import { objectPath } from '../../../api/client.ts';

export const portCommand: CommandSpec = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: requiresRangeArgs(1, 2),
  annotations: { aliases: 'docker container port, docker port' },
  run: runPort,
};

// ---------------------------------------------------------------------------
// docker/cli container/port.go

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

async function runPort(cli: DockerCli, _flags: FlagValues, args: string[]): Promise<void> {
  const c = await cli.client.get<ContainerInspect>(objectPath('container', args[0]!, '/json'));
  const out: string[] = [];
  const ports = c.NetworkSettings.Ports ?? {};
  if (args[1] !== undefined) {
    const spec = args[1];
    const slash = spec.indexOf('/');
    const port = slash >= 0 ? spec.slice(0, slash) : spec;
    const proto = slash >= 0 && spec.slice(slash + 1) ? spec.slice(slash + 1) : 'tcp';
    if (!/^\d+$/.test(port) || Number(port) > 65535) {
      const why = /^\d+$/.test(port) ? 'value out of range' : 'invalid syntax';
      throw new CliError(`Error: invalid port (${port}): strconv.ParseUint: parsing "${port}": ${why}`);
    }
    const frontends = ports[`${port}/${proto}`];
    if (!frontends || frontends.length === 0)
      throw new CliError(`Error: No public port '${spec}' published for ${args[0]}`);
    for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
  } else {
    for (const [from, frontends] of Object.entries(ports)) {
      for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
    }
  }
  if (out.length > 0) {
    out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    cli.out.write(out.join('\n') + '\n');
  }
}
