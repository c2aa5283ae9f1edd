/**
 * `docker service scale` — docker/cli cli/command/service/scale.go (v28.5.2).
 */

import type { Service, ServiceUpdateResponse } from '../../../api/types/service.ts';
import { quote as goQuote } from '../../../golang/strconv-quote.ts';
import { type Command, type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { waitOnService } from './progress.ts';

export const scaleCommand: CommandSpec = {
  use: 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  // docker's scaleArgs: at least one argument (here), each SERVICE=REPLICAS (checkScaleArgs)
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Exit immediately instead of waiting for the service to converge',
      annotations: { version: ['1.29'] },
    },
  ],
  run: runScale,
};

// ---------------------------------------------------------------------------
// docker/cli service/scale.go runScale: each SERVICE=REPLICAS in turn, errors joined

async function runScale(cli: DockerCli, flags: FlagValues, args: string[], cmd: Command): Promise<void> {
  checkScaleArgs(cmd, args);
  const errs: string[] = [];
  const scaled: string[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const serviceId = arg.slice(0, eq);
    const scaleStr = arg.slice(eq + 1);
    if (!/^[0-9]+$/.test(scaleStr)) {
      errs.push(
        `${serviceId}: invalid replicas value ${scaleStr}: strconv.ParseUint: parsing ${goQuote(scaleStr)}: invalid syntax`,
      );
      continue;
    }
    if (BigInt(scaleStr) > 18446744073709551615n) {
      errs.push(
        `${serviceId}: invalid replicas value ${scaleStr}: strconv.ParseUint: parsing ${goQuote(scaleStr)}: value out of range`,
      );
      continue;
    }
    const scale = Number(scaleStr);
    try {
      const warnings = await scaleService(cli, serviceId, scale);
      for (const w of warnings) cli.err.write(w + '\n');
    } catch (err) {
      errs.push(`${serviceId}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    cli.out.write(`${serviceId} scaled to ${scale}\n`);
    scaled.push(serviceId);
  }
  if (scaled.length > 0 && !flags.bool('detach')) {
    for (const id of scaled) {
      try {
        await waitOnService(cli, id, false);
      } catch (err) {
        errs.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  if (errs.length) throw new CliError(errs.join('\n'));
}

/** runServiceScale: the service as it is, with Replicas (or a job's TotalCompletions) changed */
async function scaleService(cli: DockerCli, serviceId: string, scale: number): Promise<string[]> {
  const service = await cli.client.get<Service>(`/services/${encodeURIComponent(serviceId)}`, {
    insertDefaults: 'false',
  });
  const mode = service.Spec.Mode ?? {};
  if (mode.Replicated) mode.Replicated.Replicas = scale;
  else if (mode.ReplicatedJob) mode.ReplicatedJob.TotalCompletions = scale;
  else throw new CliError('scale can only be used with replicated or replicated-job mode');
  const res = (
    await cli.client.request('POST', `/services/${service.ID}/update`, {
      query: { version: service.Version.Index },
      body: service.Spec,
    })
  ).body as ServiceUpdateResponse;
  return res.Warnings ?? [];
}

/** The rest of docker's scaleArgs, which runs before the command does. */
function checkScaleArgs(cmd: Command, args: string[]): void {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0 || eq === arg.length - 1) {
      throw new CliError(
        `invalid scale specifier '${arg}'.\nSee '${cmd.commandPath} --help'.\n\nUsage:  ${cmd.useLine}\n\n${cmd.spec.short}`,
      );
    }
  }
}
