/** The daemon's checks of a container's config (moby daemon/container.go verifyContainerSettings). */
import type { ContainerCreateRequest, HostConfig } from '../api/types/container.ts';
import { invalidParameter } from '../errdefs.ts';
import { SIGNAL_NUMBERS } from '../process/types.ts';

/** signal.ParseSignal: a name with or without SIG, or a number. */
export function parseSignal(raw: string): number {
  const n = Number(raw);
  if (/^\d+$/.test(raw)) {
    if (n === 0) throw invalidParameter(`Invalid signal: ${raw}`);
    return n;
  }
  const name = raw.toUpperCase().startsWith('SIG') ? raw.toUpperCase() : 'SIG' + raw.toUpperCase();
  const num = (SIGNAL_NUMBERS as Record<string, number>)[name] ?? EXTRA_SIGNALS[name];
  if (num === undefined) throw invalidParameter(`Invalid signal: ${raw}`);
  return num;
}

const EXTRA_SIGNALS: Record<string, number> = {
  SIGABRT: 6,
  SIGALRM: 14,
  SIGBUS: 7,
  SIGCHLD: 17,
  SIGFPE: 8,
  SIGILL: 4,
  SIGIO: 29,
  SIGIOT: 6,
  SIGPIPE: 13,
  SIGPROF: 27,
  SIGPWR: 30,
  SIGSEGV: 11,
  SIGSTKFLT: 16,
  SIGSYS: 31,
  SIGTRAP: 5,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGVTALRM: 26,
  SIGXCPU: 24,
  SIGXFSZ: 25,
};

export function validateContainerConfig(config: ContainerCreateRequest): void {
  if (config.WorkingDir && !config.WorkingDir.startsWith('/')) {
    throw invalidParameter(
      `the working directory '${config.WorkingDir}' is invalid, it needs to be an absolute path`,
    );
  }
  if (config.StopSignal) parseSignal(config.StopSignal);
  for (const env of config.Env ?? []) {
    if (env === '' || env.startsWith('=')) throw invalidParameter(`invalid environment variable: ${env}`);
  }
  const h = config.Healthcheck;
  if (h) {
    const min = 1_000_000; // 1ms in ns
    if (h.Interval && h.Interval < min)
      throw invalidParameter('Interval in Healthcheck cannot be less than 1ms');
    if (h.Timeout && h.Timeout < min)
      throw invalidParameter('Timeout in Healthcheck cannot be less than 1ms');
    if ((h.Retries ?? 0) < 0) throw invalidParameter('Retries in Healthcheck cannot be negative');
    if (h.StartPeriod && h.StartPeriod < min)
      throw invalidParameter('StartPeriod in Healthcheck cannot be less than 1ms');
  }
}

/** Returns the warnings to pass back; throws on a setting Docker refuses. */
export function validateHostConfig(host: HostConfig): string[] {
  const policy = host.RestartPolicy;
  if (host.AutoRemove && policy.Name !== 'no' && policy.Name !== '') {
    throw invalidParameter("can't create 'AutoRemove' container with restart policy");
  }
  for (const [port, bindings] of Object.entries(host.PortBindings ?? {})) {
    const portStr = port.split('/')[0]!;
    if (!validPortOrRange(portStr)) throw invalidParameter(`invalid port specification: "${portStr}"`);
    for (const b of bindings ?? []) {
      if (b.HostPort && !validPortOrRange(b.HostPort.split('/')[0]!)) {
        throw invalidParameter(`invalid port specification: "${b.HostPort}"`);
      }
    }
  }
  switch (policy.Name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
    case '':
      if (policy.MaximumRetryCount !== 0) {
        throw invalidParameter(
          "invalid restart policy: maximum retry count can only be used with 'on-failure'",
        );
      }
      break;
    case 'on-failure':
      if (policy.MaximumRetryCount < 0) {
        throw invalidParameter('invalid restart policy: maximum retry count cannot be negative');
      }
      break;
    default:
      throw invalidParameter(
        `invalid restart policy: unknown policy '${policy.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      );
  }
  const warnings: string[] = [];
  if (host.OomScoreAdj < -1000 || host.OomScoreAdj > 1000) {
    throw invalidParameter(`Invalid value ${host.OomScoreAdj}, range for oom score adj is [-1000, 1000]`);
  }
  if (host.ShmSize < 0) throw invalidParameter('SHM size can not be less than 0');
  // daemon_unix.go verifyPlatformContainerSettings
  if (host.NetworkMode === 'host' && Object.keys(host.PortBindings ?? {}).length > 0) {
    warnings.push('Published ports are discarded when using host network mode');
  }
  return warnings;
}

function validPortOrRange(s: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a <= 65535 && b <= 65535 && a <= b;
}
