/**
 * Stack-wide conversions — docker/cli cli/compose/convert/compose.go: the namespace that
 * prefixes every name (`<stack>_<name>`) and labels every object
 * (`com.docker.stack.namespace=<stack>`), the networks to create (the services' networks;
 * `default` unless a service names its own; external ones only checked), and the
 * secrets and configs to create from their files.
 */
import type { ConfigSpec, SecretSpec } from '../../api/types/secret.ts';
import type { LoadHost } from '../loader/host.ts';
import type { FileObjectConfig, NetworkConfig } from '../types.ts';

export const LABEL_NAMESPACE = 'com.docker.stack.namespace';
export const LABEL_IMAGE = 'com.docker.stack.image';

export class Namespace {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  scope(name: string): string {
    return `${this.name}_${name}`;
  }
  descope(name: string): string {
    return name.startsWith(this.name + '_') ? name.slice(this.name.length + 1) : name;
  }
}

/** AddStackLabel: the labels with the namespace label added. */
export function addStackLabel(
  namespace: Namespace,
  labels: Record<string, string> | undefined,
): Record<string, string> {
  return { ...labels, [LABEL_NAMESPACE]: namespace.name };
}

/** network.CreateOptions as the client sends it (Name added by the caller). */
export interface NetworkCreateOptions {
  Driver: string;
  Scope: string;
  IPAM: { Driver: string; Options: null; Config: { Subnet: string }[] | null } | null;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigOnly: boolean;
  ConfigFrom: null;
  Options: Record<string, string> | null;
  Labels: Record<string, string>;
}

/** convert.Networks: the networks to create by name, and the external ones to check. */
export function convertNetworks(
  namespace: Namespace,
  networks: Record<string, NetworkConfig>,
  serviceNetworks: readonly string[],
): { create: Map<string, NetworkCreateOptions>; external: string[] } {
  const create = new Map<string, NetworkCreateOptions>();
  const external: string[] = [];
  for (const internalName of serviceNetworks) {
    const nw: Partial<NetworkConfig> = Object.hasOwn(networks, internalName) ? networks[internalName]! : {};
    if (nw.external?.external) {
      external.push(nw.name ?? '');
      continue;
    }
    const ipamConfig = nw.ipam?.config ?? [];
    const opts: NetworkCreateOptions = {
      Driver: nw.driver ?? '',
      Scope: '',
      IPAM:
        nw.ipam?.driver || ipamConfig.length
          ? {
              Driver: nw.ipam?.driver ?? '',
              Options: null,
              Config: ipamConfig.length ? ipamConfig.map((c) => ({ Subnet: c.subnet ?? '' })) : null,
            }
          : null,
      Internal: nw.internal ?? false,
      Attachable: nw.attachable ?? false,
      Ingress: false,
      ConfigOnly: false,
      ConfigFrom: null,
      Options: nw.driverOpts ?? null,
      Labels: addStackLabel(namespace, nw.labels),
    };
    create.set(nw.name || namespace.scope(internalName), opts);
  }
  return { create, external };
}

function fileObject(namespace: Namespace, name: string, obj: FileObjectConfig, host: LoadHost) {
  return {
    Name: obj.name || namespace.scope(name),
    Labels: addStackLabel(namespace, obj.labels),
    Data: obj.driver ? '' : toBase64(host.readFile(obj.file ?? '')),
  };
}

/** convert.Secrets: a spec per secret that is not external, its data read from its file. */
export function convertSecrets(
  namespace: Namespace,
  secrets: Record<string, FileObjectConfig>,
  host: LoadHost,
): SecretSpec[] {
  const out: SecretSpec[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    if (secret.external.external) continue;
    const spec: SecretSpec = fileObject(namespace, name, secret, host);
    if (secret.driver) spec.Driver = { Name: secret.driver, Options: secret.driverOpts };
    if (secret.templateDriver) spec.Templating = { Name: secret.templateDriver };
    out.push(spec);
  }
  return out;
}

/** convert.Configs */
export function convertConfigs(
  namespace: Namespace,
  configs: Record<string, FileObjectConfig>,
  host: LoadHost,
): ConfigSpec[] {
  const out: ConfigSpec[] = [];
  for (const [name, config] of Object.entries(configs)) {
    if (config.external.external) continue;
    const spec: ConfigSpec = fileObject(namespace, name, { ...config, driver: undefined }, host);
    if (config.templateDriver) spec.Templating = { Name: config.templateDriver };
    out.push(spec);
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64 of the UTF-8 bytes of a file's text ([]byte in JSON) */
export function toBase64(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}
