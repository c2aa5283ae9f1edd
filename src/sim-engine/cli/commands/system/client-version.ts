/**
 * The client half of `docker version` and `docker info` (docker/cli system/version.go
 * clientVersion): what this docker binary is — a Docker CE 28.5.2 CLI built with Go
 * 1.24.9 for linux/amd64 — as the Go struct templates see (`{{.Client.APIVersion}}`)
 * and as its JSON tags write it (`"ApiVersion"`, empty fields left out).
 */
import { API_VERSION, CLI_GIT_COMMIT, ENGINE_VERSION, GO_VERSION } from '../../../api/version.ts';
import { ANSIC, parseRFC3339, TimeParseError } from '../../../golang/time.ts';
import { nilOf, withGoType } from '../../../golang/values.ts';
import { withGoMethods } from '../../../golang/reflect.ts';
import { marshal } from '../../../golang/json.ts';

/** version.PlatformName of the docker-ce-cli package. */
export const PLATFORM_NAME = 'Docker Engine - Community';
/**
 * version.BuildTime of the docker-ce-cli 28.5.2 package; the engine of the same
 * release build reports the same time.
 */
export const CLI_BUILD_TIME = '2025-11-05T14:43:20.000000000+00:00';

/** reformatDate: an RFC 3339 build time as time.ANSIC; anything else as it is. */
export function reformatDate(buildTime: string): string {
  try {
    return parseRFC3339(buildTime).Format(ANSIC);
  } catch (err) {
    if (err instanceof TimeParseError) return buildTime;
    throw err;
  }
}

/** clientVersion as a Go value (field names) with its JSON encoding (tags). */
export interface ClientVersion {
  Platform: { Name: string } | null;
  Version: string;
  APIVersion: string;
  DefaultAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  BuildTime: string;
  Context: string;
}

/** The JSON object of a clientVersion, with `omitempty` applied (Context is always there). */
export function clientVersionJSON(v: ClientVersion): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v.Platform) out['Platform'] = { Name: v.Platform.Name };
  const tagged: [string, string][] = [
    ['Version', v.Version],
    ['ApiVersion', v.APIVersion],
    ['DefaultAPIVersion', v.DefaultAPIVersion],
    ['GitCommit', v.GitCommit],
    ['GoVersion', v.GoVersion],
    ['Os', v.Os],
    ['Arch', v.Arch],
    ['BuildTime', v.BuildTime],
  ];
  for (const [k, value] of tagged) if (value !== '') out[k] = value;
  out['Context'] = v.Context;
  return out;
}

/**
 * newClientVersion: `apiVersion` is the negotiated version when the caller has
 * talked to the daemon (`docker version`), '' when it has not (`docker info`).
 */
export function newClientVersion(context: string, apiVersion: string): ClientVersion {
  const v: ClientVersion = {
    Platform: withGoType({ Name: PLATFORM_NAME }, 'system.platformInfo'),
    Version: ENGINE_VERSION,
    APIVersion: apiVersion,
    DefaultAPIVersion: API_VERSION,
    GitCommit: CLI_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: reformatDate(CLI_BUILD_TIME),
    Context: context,
  };
  return v;
}

/** The typed value for templates: system.clientVersion, marshalled by its tags. */
export function clientVersionValue(v: ClientVersion): ClientVersion {
  const value = withGoType(
    { ...v, Platform: v.Platform ?? nilOf('*system.platformInfo') } as ClientVersion,
    'system.clientVersion',
  );
  return withGoMethods(value, { MarshalJSON: () => marshal(clientVersionJSON(v)) });
}
