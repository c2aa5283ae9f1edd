/**
 * How a container's config combines with its image's (moby daemon/commit.go merge):
 * the user's values win; Env and Labels merge by key; the image's Cmd is taken only
 * when the user gave neither a command nor an entrypoint.
 */
import type { ContainerConfig, ContainerCreateRequest } from '../api/types/container.ts';
import type { ImageConfig } from '../images/types.ts';

export function mergeConfig(user: ContainerCreateRequest, image: ImageConfig): ContainerConfig {
  const env = [...(user.Env ?? [])];
  for (const imageEnv of image.Env ?? []) {
    const key = imageEnv.split('=')[0];
    if (!env.some((e) => e.split('=')[0] === key)) env.push(imageEnv);
  }
  let cmd = user.Cmd && user.Cmd.length > 0 ? user.Cmd : null;
  let entrypoint = user.Entrypoint && user.Entrypoint.length > 0 ? user.Entrypoint : null;
  // `--entrypoint ""` on the CLI sends [""]: it clears the image's entrypoint.
  const clearedEntrypoint = user.Entrypoint?.length === 1 && user.Entrypoint[0] === '';
  if (clearedEntrypoint) entrypoint = null;
  if (!entrypoint && !clearedEntrypoint) {
    if (!cmd) cmd = image.Cmd && image.Cmd.length > 0 ? [...image.Cmd] : null;
    entrypoint = image.Entrypoint && image.Entrypoint.length > 0 ? [...image.Entrypoint] : null;
  }
  const exposed = { ...(image.ExposedPorts ?? {}), ...(user.ExposedPorts ?? {}) };
  const volumes = { ...(image.Volumes ?? {}), ...(user.Volumes ?? {}) };
  const labels = { ...(image.Labels ?? {}), ...(user.Labels ?? {}) };
  const config: ContainerConfig = {
    Hostname: user.Hostname ?? '',
    Domainname: user.Domainname ?? '',
    User: user.User || image.User || '',
    AttachStdin: user.AttachStdin ?? false,
    AttachStdout: user.AttachStdout ?? false,
    AttachStderr: user.AttachStderr ?? false,
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: sortKeys(exposed) } : {}),
    Tty: user.Tty ?? false,
    OpenStdin: user.OpenStdin ?? false,
    StdinOnce: user.StdinOnce ?? false,
    Env: env.length > 0 ? env : null,
    Cmd: cmd,
    ...(user.Healthcheck || image.Healthcheck ? { Healthcheck: mergeHealth(user, image) } : {}),
    ...(user.ArgsEscaped || image.ArgsEscaped ? { ArgsEscaped: true } : {}),
    Image: user.Image ?? '',
    Volumes: Object.keys(volumes).length > 0 ? sortKeys(volumes) : null,
    WorkingDir: user.WorkingDir || image.WorkingDir || '',
    Entrypoint: entrypoint,
    ...(user.NetworkDisabled ? { NetworkDisabled: true } : {}),
    ...(user.MacAddress ? { MacAddress: user.MacAddress } : {}),
    OnBuild: user.OnBuild ?? (image.OnBuild && image.OnBuild.length > 0 ? image.OnBuild : null),
    Labels: sortKeys(labels),
    ...(user.StopSignal || image.StopSignal ? { StopSignal: user.StopSignal || image.StopSignal } : {}),
    ...(user.StopTimeout !== undefined ? { StopTimeout: user.StopTimeout } : {}),
    ...(user.Shell || image.Shell ? { Shell: user.Shell ?? image.Shell } : {}),
  };
  return config;
}

function mergeHealth(
  user: ContainerCreateRequest,
  image: ImageConfig,
): NonNullable<ContainerConfig['Healthcheck']> {
  const u = user.Healthcheck ?? {};
  const i = image.Healthcheck ?? { Test: [] };
  return {
    Test: u.Test && u.Test.length > 0 ? u.Test : i.Test,
    ...(u.Interval || i.Interval ? { Interval: u.Interval || i.Interval } : {}),
    ...(u.Timeout || i.Timeout ? { Timeout: u.Timeout || i.Timeout } : {}),
    ...(u.StartPeriod || i.StartPeriod ? { StartPeriod: u.StartPeriod || i.StartPeriod } : {}),
    ...(u.Retries || i.Retries ? { Retries: u.Retries || i.Retries } : {}),
  };
}

/** Go maps marshal with sorted keys. */
export function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k]!;
  return out;
}
