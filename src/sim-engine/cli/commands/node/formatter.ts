/**
 * `docker node ls` rows and `docker node inspect --pretty` (docker/cli
 * cli/command/node/formatter.go): the nodeContext a `--format` template calls, the
 * default table, and nodeInspectPrettyTemplate rendered line for line (its literal
 * tabs and spaces are docker's).
 */
import type { Node } from '../../../api/types/swarm.ts';
import { bytesSize } from '../../../golang/units.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { withGoType } from '../../../golang/values.ts';
import { prettyPrint } from '../../../golang/display-utils.ts';
import {
  DEFAULT_QUIET_FORMAT,
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
  type HeaderMap,
} from '../../formatter/formatter.ts';

const DEFAULT_TABLE =
  'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';

/** newFormat */
export function nodeFormat(source: string, quiet: boolean): string {
  switch (source) {
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET_FORMAT : DEFAULT_TABLE;
    case RAW_FORMAT_KEY:
      return quiet
        ? 'node_id: {{.ID}}'
        : 'node_id: {{.ID}}\\nhostname: {{.Hostname}}\\nstatus: {{.Status}}\\navailability: {{.Availability}}\\nmanager_status: {{.ManagerStatus}}\\n';
    default:
      return source;
  }
}

export const NODE_HEADER: HeaderMap = {
  ID: 'ID',
  Self: '',
  Hostname: 'HOSTNAME',
  Status: 'STATUS',
  Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS',
  EngineVersion: 'ENGINE VERSION',
  TLSStatus: 'TLS STATUS',
};

/** nodeContext */
export class NodeContext {
  readonly #n: Node;
  readonly #selfId: string;
  readonly #clusterTLS: Node['Description']['TLSInfo'] | undefined;

  constructor(n: Node, selfId: string, clusterTLS?: Node['Description']['TLSInfo']) {
    this.#n = n;
    this.#selfId = selfId;
    this.#clusterTLS = clusterTLS;
    withGoType(this, '*node.nodeContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#n.ID;
  }

  Self(): boolean {
    return this.#n.ID === this.#selfId;
  }

  Hostname(): string {
    return this.#n.Description.Hostname ?? '';
  }

  Status(): string {
    return prettyPrint(this.#n.Status.State);
  }

  Availability(): string {
    return prettyPrint(this.#n.Spec.Availability ?? '');
  }

  ManagerStatus(): string {
    const ms = this.#n.ManagerStatus;
    return prettyPrint(ms ? (ms.Leader ? 'Leader' : ms.Reachability) : '');
  }

  TLSStatus(): string {
    const mine = JSON.stringify(this.#n.Description.TLSInfo ?? {});
    const theirs = JSON.stringify(this.#clusterTLS ?? {});
    if (theirs === '{}' || mine === '{}') return 'Unknown';
    return mine === theirs ? 'Ready' : 'Needs Rotation';
  }

  EngineVersion(): string {
    return this.#n.Description.Engine?.EngineVersion ?? '';
  }
}

/** Go ranges over a map in key order. */
function sortedEntries(m: Record<string, string> | undefined): [string, string][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** nodeInspectPrettyTemplate for one node (formatter.Context.Write adds the final newline). */
export function prettyNode(n: Node): string {
  const lines: string[] = [`ID:\t\t\t${n.ID}`];
  if (n.Spec.Name) lines.push(`Name:\t\t\t${n.Spec.Name}`);
  const labels = sortedEntries(n.Spec.Labels);
  if (labels.length > 0) {
    lines.push('Labels:');
    for (const [k, v] of labels) lines.push(` - ${k}${v ? `=${v}` : ''}`);
  }
  lines.push(`Hostname:              \t${n.Description.Hostname ?? ''}`);
  lines.push(`Joined at:             \t${prettyPrint(parseRFC3339(n.CreatedAt).String())}`);
  lines.push('Status:');
  lines.push(` State:\t\t\t${prettyPrint(n.Status.State)}`);
  if (n.Status.Message) lines.push(` Message:              \t${prettyPrint(n.Status.Message)}`);
  lines.push(` Availability:         \t${prettyPrint(n.Spec.Availability ?? '')}`);
  if (n.Status.Addr) lines.push(` Address:\t\t${n.Status.Addr}`);
  if (n.ManagerStatus) {
    lines.push('Manager Status:');
    lines.push(` Address:\t\t${n.ManagerStatus.Addr}`);
    lines.push(` Raft Status:\t\t${prettyPrint(n.ManagerStatus.Reachability)}`);
    lines.push(n.ManagerStatus.Leader ? ' Leader:\t\tYes' : ' Leader:\t\tNo');
  }
  const d = n.Description;
  lines.push('Platform:');
  lines.push(` Operating System:\t${d.Platform?.OS ?? ''}`);
  lines.push(` Architecture:\t\t${d.Platform?.Architecture ?? ''}`);
  lines.push('Resources:');
  lines.push(` CPUs:\t\t\t${Math.trunc((d.Resources?.NanoCPUs ?? 0) / 1e9)}`);
  const mem = d.Resources?.MemoryBytes ?? 0;
  lines.push(` Memory:\t\t${mem === 0 ? '' : bytesSize(mem)}`);
  const plugins = d.Engine?.Plugins ?? [];
  if (plugins.length > 0) {
    const byType: Record<string, string[]> = {};
    for (const p of plugins) (byType[p.Type] ??= []).push(p.Name);
    lines.push('Plugins:');
    for (const [k, v] of sortedEntries(
      Object.fromEntries(Object.entries(byType).map(([t, ns]) => [t, ns.join(', ')])),
    ))
      lines.push(` ${k}:${v ? `\t\t${v}` : ''}`);
  }
  lines.push(`Engine Version:\t\t${d.Engine?.EngineVersion ?? ''}`);
  const engineLabels = sortedEntries(d.Engine?.Labels);
  if (engineLabels.length > 0) {
    lines.push('Engine Labels:');
    for (const [k, v] of engineLabels) lines.push(` - ${k}${v ? `=${v}` : ''}`);
  }
  const tls = d.TLSInfo;
  if (tls && (tls.TrustRoot || tls.CertIssuerSubject || tls.CertIssuerPublicKey)) {
    lines.push('TLS Info:');
    lines.push(' TrustRoot:');
    lines.push(tls.TrustRoot ?? '');
    lines.push(` Issuer Subject:\t${tls.CertIssuerSubject ?? ''}`);
    lines.push(` Issuer Public Key:\t${tls.CertIssuerPublicKey ?? ''}`);
  }
  return lines.join('\n');
}
