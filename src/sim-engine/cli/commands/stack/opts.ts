/**
 * The persistent `--orchestrator` flag of `docker stack` (docker/cli
 * cli/command/stack/cmd.go): hidden and deprecated, accepted by every stack subcommand.
 * The framework has no persistent flags below the root, so each stack command lists it.
 */
import type { FlagSpec } from '../../flags.ts';

export const orchestratorFlag: FlagSpec = {
  name: 'orchestrator',
  type: 'string',
  usage: 'Orchestrator to use (swarm|all)',
  hidden: true,
  deprecated: 'option will be ignored',
  annotations: { deprecated: [] },
};
