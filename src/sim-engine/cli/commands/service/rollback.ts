/**
 * `docker service rollback` — docker/cli cli/command/service/rollback.go (v28.5.2).
 */

import type { Service, ServiceUpdateResponse } from '../../../api/types/service.ts';
import { type CommandSpec, exactArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { waitOnService } from './progress.ts';

export const rollbackCommand: CommandSpec = {
  use: 'rollback [OPTIONS] SERVICE',
  short: "Revert changes to a service's configuration",
  args: exactArgs(1),
  annotations: { version: '1.31' },
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the service to converge',
      annotations: { version: ['1.29'] },
    },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
  ],
  run: runRollback,
};

// ---------------------------------------------------------------------------
// docker/cli service/rollback.go runRollback: the current spec sent back with
// rollback=previous; the daemon swaps it with PreviousSpec

async function runRollback(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const serviceId = args[0]!;
  const service = await cli.client.get<Service>(`/services/${encodeURIComponent(serviceId)}`, {
    insertDefaults: 'false',
  });
  const res = (
    await cli.client.request('POST', `/services/${service.ID}/update`, {
      query: { rollback: 'previous', version: service.Version.Index },
      body: service.Spec,
    })
  ).body as ServiceUpdateResponse;
  for (const w of res.Warnings ?? []) cli.err.write(w + '\n');
  cli.out.write(serviceId + '\n');
  if (flags.bool('detach')) return;
  await waitOnService(cli, serviceId, flags.bool('quiet'));
}
