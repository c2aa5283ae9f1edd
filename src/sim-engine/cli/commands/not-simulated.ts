/**
 * The run function of every command whose behaviour is not written yet: it fails
 * plainly instead of pretending, so a lesson never shows output Docker would not give.
 */
import type { Command } from '../command.ts';
import type { DockerCli } from '../docker-cli.ts';
import { StatusError } from '../errors.ts';
import type { FlagValues } from '../flags.ts';

export function notSimulated(
  _cli: DockerCli,
  _flags: FlagValues,
  _args: string[],
  cmd: Command,
): Promise<number> {
  return Promise.reject(
    new StatusError(`${cmd.commandPath}: this command is not simulated in Dockyard yet`, 1),
  );
}
