/**
 * `docker stack rm` — docker/cli cli/command/stack/remove.go and stack/swarm/remove.go
 * (v28.5.2): for each stack, its services (by name), secrets, configs and networks are
 * removed in that order, each announced on stdout; a failure is reported (with no line
 * break, as docker/cli prints it) and the stack ends with `failed to remove some
 * resources from stack: <stack>`. A stack with nothing in it is `Nothing found in stack`.
 * With `--detach=false` it waits for the stack's tasks to end.
 */
import type { Config, Secret } from '../../../api/types/secret.ts';
import type { Service, Task, TaskState } from '../../../api/types/service.ts';
import { type CommandSpec, requiresMinArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { getStackServices, stackFilter, validateStackName } from './common.ts';
import { orchestratorFlag } from './opts.ts';

export const removeCommand: CommandSpec = {
  use: 'rm [OPTIONS] STACK [STACK...]',
  aliases: ['remove', 'down'],
  short: 'Remove one or more stacks',
  args: requiresMinArgs(1),
  flags: [
    {
      name: 'detach',
      shorthand: 'd',
      type: 'bool',
      usage: 'Do not wait for stack removal',
      defValue: 'true',
    },
    orchestratorFlag,
  ],
  run: runRemove,
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function runRemove(cli: DockerCli, flags: FlagValues, namespaces: string[]): Promise<void> {
  for (const ns of namespaces) validateStackName(ns);
  const errs: string[] = [];
  for (const namespace of namespaces) {
    const filters = stackFilter(namespace);
    const services = await getStackServices(cli, namespace);
    const networks = (await cli.client.get<{ Id: string; Name: string }[]>('/networks', { filters })).map(
      (n) => ({ ID: n.Id, Name: n.Name }),
    );
    const secrets = await cli.client.get<Secret[]>('/secrets', { filters });
    const configs = await cli.client.get<Config[]>('/configs', { filters });
    if (services.length + networks.length + secrets.length + configs.length === 0) {
      cli.err.write(`Nothing found in stack: ${namespace}\n`);
      continue;
    }
    let hasError = await removeServices(cli, services);
    hasError = (await removeEach(cli, 'secret', secrets, (s) => s.Spec.Name ?? '')) || hasError;
    hasError = (await removeEach(cli, 'config', configs, (c) => c.Spec.Name ?? '')) || hasError;
    hasError = (await removeEach(cli, 'network', networks, (n) => n.Name)) || hasError;
    if (hasError) {
      errs.push('failed to remove some resources from stack: ' + namespace);
      continue;
    }
    if (!flags.bool('detach')) await waitOnTasks(cli, namespace);
  }
  if (errs.length) throw new CliError(errs.join('\n'));
}

/** removeServices: sorted by name; true when one failed */
export async function removeServices(cli: DockerCli, services: Service[]): Promise<boolean> {
  const sorted = [...services].sort((a, b) => ((a.Spec.Name ?? '') < (b.Spec.Name ?? '') ? -1 : 1));
  return removeEach(cli, 'service', sorted, (s) => s.Spec.Name ?? '');
}

async function removeEach<T extends { ID: string }>(
  cli: DockerCli,
  kind: 'service' | 'secret' | 'config' | 'network',
  objects: T[],
  nameOf: (o: T) => string,
): Promise<boolean> {
  let hasError = false;
  for (const o of objects) {
    cli.out.write(`Removing ${kind} ${nameOf(o)}\n`);
    try {
      await cli.client.delete(`/${kind}s/${encodeURIComponent(o.ID)}`);
    } catch (err) {
      hasError = true;
      cli.err.write(`Failed to remove ${kind} ${o.ID}: ${message(err)}`);
    }
  }
  return hasError;
}

const TERMINAL: TaskState[] = ['complete', 'shutdown', 'failed', 'rejected'];

/**
 * waitOnTasks as docker/cli has it: poll the stack's tasks, counting the polls that saw
 * a task in a terminal state, until that count equals the number of tasks listed.
 */
async function waitOnTasks(cli: DockerCli, namespace: string): Promise<void> {
  let terminalStatesReached = 0;
  for (;;) {
    let tasks: Task[];
    try {
      tasks = await cli.client.get<Task[]>('/tasks', { filters: stackFilter(namespace) });
    } catch (err) {
      throw new CliError(
        `failed to wait on tasks of stack: ${namespace}: failed to get tasks: ${message(err)}`,
      );
    }
    if (tasks.some((t) => TERMINAL.includes(t.Status.State ?? 'new'))) terminalStatesReached++;
    if (terminalStatesReached === tasks.length) return;
    // Go polls without pause; virtual time has to pass for the tasks to move on
    await cli.sleep(100);
  }
}
