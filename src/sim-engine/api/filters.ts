/**
 * The `filters` query parameter of list endpoints (moby api/types/filters): a JSON
 * map of field → set of values, with moby's matching rules (exact, regular
 * expression, label `key` or `key=value`) and its "invalid filter" errors.
 */
import { invalidParameter } from '../errdefs.ts';

export class FilterArgs {
  readonly fields: Map<string, Set<string>>;

  constructor(fields: Map<string, Set<string>> = new Map()) {
    this.fields = fields;
  }

  /** Decode `{"status":{"running":true}}` (or the legacy `{"status":["running"]}`). */
  static parse(raw: string | undefined): FilterArgs {
    const fields = new Map<string, Set<string>>();
    if (!raw) return new FilterArgs(fields);
    let decoded: unknown;
    try {
      decoded = JSON.parse(raw);
    } catch {
      throw invalidParameter(`invalid filter`);
    }
    if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded))
      throw invalidParameter('invalid filter');
    for (const [k, v] of Object.entries(decoded as Record<string, unknown>)) {
      const set = new Set<string>();
      if (Array.isArray(v)) for (const x of v) set.add(String(x));
      else if (v && typeof v === 'object') {
        for (const [x, on] of Object.entries(v)) if (on) set.add(x);
      }
      fields.set(k, set);
    }
    return new FilterArgs(fields);
  }

  get size(): number {
    return this.fields.size;
  }

  contains(field: string): boolean {
    return this.fields.has(field);
  }

  get(field: string): string[] {
    return [...(this.fields.get(field) ?? [])];
  }

  /** Args.Validate: every field must be accepted. */
  validate(accepted: readonly string[]): void {
    for (const name of this.fields.keys()) {
      if (!accepted.includes(name)) throw invalidParameter(`invalid filter '${name}'`);
    }
  }

  /** Args.ExactMatch: no values for the field, or one equals `source`. */
  exactMatch(field: string, source: string): boolean {
    const values = this.fields.get(field);
    if (!values || values.size === 0) return true;
    return values.has(source);
  }

  /** Args.Match: no values, or one is `source` or a regular expression matching it. */
  match(field: string, source: string): boolean {
    const values = this.fields.get(field);
    if (!values || values.size === 0) return true;
    for (const v of values) {
      if (v === source) return true;
      try {
        if (new RegExp(v).test(source)) return true;
      } catch {
        // not a valid expression: only exact match counts
      }
    }
    return false;
  }

  /** Args.MatchKVList: every `key` or `key=value` given is in `labels`. */
  matchKVList(field: string, labels: Record<string, string> | null | undefined): boolean {
    const values = this.fields.get(field);
    if (!values || values.size === 0) return true;
    if (!labels) return false;
    for (const v of values) {
      const eq = v.indexOf('=');
      if (eq < 0) {
        if (!(v in labels)) return false;
      } else if (labels[v.slice(0, eq)] !== v.slice(eq + 1)) return false;
    }
    return true;
  }

  /** GetBoolOrDefault with moby's error for other values. */
  boolOrDefault(field: string, d: boolean): boolean {
    const values = this.get(field);
    if (values.length === 0) return d;
    if (values.length > 1) throw invalidParameter(`invalid filter '${field}=${JSON.stringify(values)}'`);
    const v = values[0]!.toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw invalidParameter(`invalid filter '${field}=[${values[0]}]'`);
  }
}
