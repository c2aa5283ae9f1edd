/**
 * docker/cli cli/command/service/opts.go addServiceFlags: the flags `docker service create` and `docker service update` share.
 */

import { parseGoFloat, parseGoUint } from '../../flag-values.ts';
import type { FlagSpec } from '../../flags.ts';
import { shlexSplit } from '../opts/shlex.ts';
import { durationOpt, positiveDurationOpt } from '../opts/duration.ts';
import { validateEnv } from '../opts/env.ts';
import { memBytes, nanoCPUs } from '../opts/opts.ts';

export const serviceFlags: FlagSpec[] = [
  { name: 'cap-add', type: 'list', usage: 'Add Linux capabilities', annotations: { version: ['1.41'] } },
  { name: 'cap-drop', type: 'list', usage: 'Drop Linux capabilities', annotations: { version: ['1.41'] } },
  {
    name: 'credential-spec',
    type: 'credential-spec',
    usage: 'Credential spec for managed service account (Windows only)',
    annotations: { version: ['1.29'] },
    parse: parseCredentialSpec,
  },
  {
    name: 'detach',
    shorthand: 'd',
    type: 'bool',
    usage: 'Exit immediately instead of waiting for the service to converge',
    annotations: { version: ['1.29'] },
  },
  {
    name: 'entrypoint',
    type: 'command',
    usage: 'Overwrite the default ENTRYPOINT of the image',
    parse: parseShlex,
  },
  {
    name: 'health-cmd',
    type: 'string',
    usage: 'Command to run to check health',
    annotations: { version: ['1.25'] },
  },
  {
    name: 'health-interval',
    type: 'duration',
    usage: 'Time between running the check (ms|s|m|h)',
    defValue: '',
    annotations: { version: ['1.25'] },
    parse: positiveDurationOpt,
  },
  {
    name: 'health-retries',
    type: 'int',
    usage: 'Consecutive failures needed to report unhealthy',
    annotations: { version: ['1.25'] },
  },
  {
    name: 'health-start-interval',
    type: 'duration',
    usage: 'Time between running the check during the start period (ms|s|m|h)',
    defValue: '',
    annotations: { version: ['1.44'] },
    parse: positiveDurationOpt,
  },
  {
    name: 'health-start-period',
    type: 'duration',
    usage: 'Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)',
    defValue: '',
    annotations: { version: ['1.29'] },
    parse: positiveDurationOpt,
  },
  {
    name: 'health-timeout',
    type: 'duration',
    usage: 'Maximum time to allow one check to run (ms|s|m|h)',
    defValue: '',
    annotations: { version: ['1.25'] },
    parse: positiveDurationOpt,
  },
  { name: 'hostname', type: 'string', usage: 'Container hostname', annotations: { version: ['1.25'] } },
  {
    name: 'init',
    type: 'bool',
    usage: 'Use an init inside each service container to forward signals and reap processes',
    annotations: { version: ['1.37'] },
  },
  {
    name: 'isolation',
    type: 'string',
    usage: 'Service container isolation mode',
    annotations: { version: ['1.35'] },
  },
  { name: 'limit-cpu', type: 'decimal', usage: 'Limit CPUs', parse: nanoCPUs },
  { name: 'limit-memory', type: 'bytes', usage: 'Limit Memory', defValue: '0', parse: memBytes },
  {
    name: 'limit-pids',
    type: 'int64',
    usage: 'Limit maximum number of processes (default 0 = unlimited)',
    annotations: { version: ['1.41'] },
  },
  { name: 'log-driver', type: 'string', usage: 'Logging driver for service' },
  { name: 'log-opt', type: 'list', usage: 'Logging driver options', parse: validateEnv },
  {
    name: 'max-concurrent',
    type: 'uint',
    defValue: '',
    usage: 'Number of job tasks to run concurrently (default equal to --replicas)',
    annotations: { version: ['1.41'] },
    parse: parseUint64Opt,
  },
  {
    name: 'no-healthcheck',
    type: 'bool',
    usage: 'Disable any container-specified HEALTHCHECK',
    annotations: { version: ['1.25'] },
  },
  {
    name: 'no-resolve-image',
    type: 'bool',
    usage: 'Do not query the registry to resolve image digest and supported platforms',
    annotations: { version: ['1.30'] },
  },
  {
    name: 'oom-score-adj',
    type: 'int64',
    usage: "Tune host's OOM preferences (-1000 to 1000) ",
    annotations: { version: ['1.46'] },
  },
  { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output' },
  {
    name: 'read-only',
    type: 'bool',
    usage: "Mount the container's root filesystem as read only",
    annotations: { version: ['1.28'] },
  },
  { name: 'replicas', type: 'uint', usage: 'Number of tasks', defValue: '', parse: parseUint64Opt },
  {
    name: 'replicas-max-per-node',
    type: 'uint64',
    usage: 'Maximum number of tasks per node (default 0 = unlimited)',
    annotations: { version: ['1.40'] },
  },
  { name: 'reserve-cpu', type: 'decimal', usage: 'Reserve CPUs', parse: nanoCPUs },
  { name: 'reserve-memory', type: 'bytes', usage: 'Reserve Memory', defValue: '0', parse: memBytes },
  {
    name: 'restart-max-attempts',
    type: 'uint',
    defValue: '',
    usage: 'Maximum number of restarts before giving up',
    parse: parseUint64Opt,
  },
  {
    name: 'restart-window',
    type: 'duration',
    usage: 'Window used to evaluate the restart policy (ns|us|ms|s|m|h)',
    defValue: '',
    parse: durationOpt,
  },
  {
    name: 'stop-signal',
    type: 'string',
    usage: 'Signal to stop the container',
    annotations: { version: ['1.28'] },
  },
  {
    name: 'tty',
    shorthand: 't',
    type: 'bool',
    usage: 'Allocate a pseudo-TTY',
    annotations: { version: ['1.25'] },
  },
  {
    name: 'user',
    shorthand: 'u',
    type: 'string',
    usage: 'Username or UID (format: <name|uid>[:<group|gid>])',
  },
  { name: 'with-registry-auth', type: 'bool', usage: 'Send registry authentication details to swarm agents' },
  { name: 'workdir', shorthand: 'w', type: 'string', usage: 'Working directory inside the container' },
];

/** Uint64Opt.Set (`--replicas`, `--update-parallelism`…): strconv.ParseUint(s, 0, 64) */
export function parseUint64Opt(s: string): number {
  return parseGoUint(s, 64);
}

/** floatValue.Set (`--update-max-failure-ratio`): strconv.ParseFloat(s, 32) */
export function parseFloatValue(s: string): number {
  return Math.fround(parseGoFloat(s));
}

/** api/types/swarm.PlacementPreference */
export interface PlacementPreference {
  Spread: { SpreadDescriptor: string };
}

/** placementPrefOpts.Set: `--placement-pref spread=node.labels.zone` */
export function parsePlacementPref(value: string): PlacementPreference {
  const eq = value.indexOf('=');
  const strategy = eq >= 0 ? value.slice(0, eq) : '';
  if (eq < 0 || strategy === '')
    throw new Error('placement preference must be of the format "<strategy>=<arg>"');
  if (strategy !== 'spread')
    throw new Error(`unsupported placement preference ${strategy} (only spread is supported)`);
  return { Spread: { SpreadDescriptor: value.slice(eq + 1) } };
}

/** ShlexOpt.Set (`--health-cmd`, `--entrypoint`, `--args`): shell words */
export function parseShlex(value: string): string[] {
  return shlexSplit(value);
}

/** api/types/swarm.CredentialSpec */
export interface CredentialSpec {
  Config?: string;
  File?: string;
  Registry?: string;
}

/** credentialSpecOpt.Set: `config://name`, `file://path`, `registry://key`, or '' to remove */
export function parseCredentialSpec(value: string): CredentialSpec {
  if (value.startsWith('config://')) return { Config: value.slice('config://'.length) };
  if (value.startsWith('file://')) return { File: value.slice('file://'.length) };
  if (value.startsWith('registry://')) return { Registry: value.slice('registry://'.length) };
  if (value === '') return {};
  throw new Error(
    'invalid credential spec: value must be prefixed with "config://", "file://", or "registry://"',
  );
}
