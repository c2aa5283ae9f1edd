/**
 * `docker network ls` rows (docker/cli cli/command/network/formatter.go): the
 * networkContext whose methods a `--format` template calls, and the default table.
 */
import type { NetworkSummary } from '../../api/types/network.ts';
import { parseRFC3339 } from '../../golang/time.ts';
import { withGoType } from '../../golang/values.ts';
import { truncateID, labelsColumn } from './display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
  type HeaderMap,
} from './formatter.ts';

const DEFAULT_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';

/** newFormat */
export function networkFormat(source: string, quiet: boolean): string {
  switch (source) {
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET_FORMAT : DEFAULT_TABLE;
    case RAW_FORMAT_KEY:
      return quiet
        ? 'network_id: {{.ID}}'
        : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
    default:
      return source;
  }
}

export const NETWORK_HEADER: HeaderMap = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** The methods a template sees on a `docker network ls` row. */
export class NetworkContext {
  readonly #n: NetworkSummary;
  readonly #trunc: boolean;

  constructor(n: NetworkSummary, trunc: boolean) {
    this.#n = n;
    this.#trunc = trunc;
    withGoType(this, '*network.networkContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#n.Id) : this.#n.Id;
  }

  Name(): string {
    return this.#n.Name;
  }

  Driver(): string {
    return this.#n.Driver;
  }

  Scope(): string {
    return this.#n.Scope;
  }

  IPv4(): string {
    return String(this.#n.EnableIPv4);
  }

  IPv6(): string {
    return String(this.#n.EnableIPv6);
  }

  Internal(): string {
    return String(this.#n.Internal);
  }

  Labels(): string {
    return labelsColumn(this.#n.Labels);
  }

  Label(name: string): string {
    return this.#n.Labels?.[name] ?? '';
  }

  /** time.Time.String() of the network's creation */
  CreatedAt(): string {
    return parseRFC3339(this.#n.Created).String();
  }
}
