/**
 * What the secretContext and configContext of docker/cli v28.5.2 (cli/command/secret
 * and cli/command/config formatter.go) have in common, written once: docker/cli
 * repeats it in both packages, Dockyard shares it. A secret and a config are both a
 * swarm object with an ID, two times and a spec's name and labels; each kind's
 * formatter.ts adds its own methods (a secret's Driver, a config's Data) and names
 * its Go type.
 *
 * A `--format '{{json .}}'` marshals a context's methods without arguments
 * (formatter.ts marshalContext walks the class and its base), as a Go map: the keys
 * come sorted whichever class declares them.
 */
import type { Config, Secret } from '../../../api/types/secret.ts';
import { prettyPrint } from '../../../golang/display-utils.ts';
import { parseRFC3339 } from '../../../golang/time.ts';
import { humanDuration } from '../../../golang/units.ts';
import { goMap, withGoType } from '../../../golang/values.ts';
import { labelsColumn } from '../../formatter/display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  marshalContext,
  PRETTY_FORMAT_KEY,
  TABLE_FORMAT_KEY,
} from '../../formatter/formatter.ts';

type SwarmObject = Secret | Config;

/** newFormat: `pretty`, `table` (the IDs alone with `-q`), or the user's template. */
export function objectFormat(source: string, quiet: boolean, pretty: string, table: string): string {
  switch (source) {
    case PRETTY_FORMAT_KEY:
      return pretty;
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET_FORMAT : table;
    default:
      return source;
  }
}

/** units.HumanDuration(time.Now().UTC().Sub(t)) + " ago" */
export function ago(now: number, stamp: string): string {
  return humanDuration(now - parseRFC3339(stamp).epochMillis()) + ' ago';
}

/** One row of `docker secret ls` or `docker config ls`: the methods both contexts have. */
export class ObjectContext {
  readonly #o: SwarmObject;
  readonly #now: number;

  /** @param goType the context's Go type, as a template's error names it */
  constructor(o: SwarmObject, now: number, goType: string) {
    this.#o = o;
    this.#now = now;
    withGoType(this, goType);
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#o.ID;
  }

  Name(): string {
    return this.#o.Spec.Name ?? '';
  }

  CreatedAt(): string {
    return ago(this.#now, this.#o.CreatedAt);
  }

  UpdatedAt(): string {
    return ago(this.#now, this.#o.UpdatedAt);
  }

  /** the labels joined `k=v,…` (Go's map order is random; sorted here) */
  Labels(): string {
    return labelsColumn(this.#o.Spec.Labels);
  }

  Label(name: string): string {
    return this.#o.Spec.Labels?.[name] ?? '';
  }
}

/** What both pretty templates read (secretInspectContext, configInspectContext). */
export class ObjectInspectContext {
  readonly #o: SwarmObject;

  constructor(o: SwarmObject, goType: string) {
    this.#o = o;
    withGoType(this, goType);
  }

  ID(): string {
    return this.#o.ID;
  }

  Name(): string {
    return this.#o.Spec.Name ?? '';
  }

  Labels(): Record<string, string> {
    return goMap({ ...(this.#o.Spec.Labels ?? {}) }, 'map[string]string');
  }

  CreatedAt(): string {
    return prettyPrint(parseRFC3339(this.#o.CreatedAt));
  }

  UpdatedAt(): string {
    return prettyPrint(parseRFC3339(this.#o.UpdatedAt));
  }
}
