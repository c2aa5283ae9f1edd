/**
 * Placement constraints (swarmkit manager/constraint/constraint.go): `key==value` and
 * `key!=value` on node.id, node.hostname, node.ip, node.role, node.platform.os/arch,
 * node.labels.* and engine.labels.*; values compare without regard to case; all must
 * match. The scheduler's ConstraintFilter and the global orchestrator both use it, as
 * in SwarmKit (a shared package, not a component).
 */
import type { NodeObject } from '../orchestrator/task.ts';

export interface Constraint {
  key: string;
  op: '==' | '!=';
  exp: string;
}

const ALPHA_NUMERIC = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE_PATTERN = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;
const NODE_LABEL = 'node.labels.';
const ENGINE_LABEL = 'engine.labels.';

/** constraint.Parse, with its error texts. */
export function parseConstraints(exprs: readonly string[]): Constraint[] {
  const out: Constraint[] = [];
  for (const e of exprs) {
    const op = (['==', '!='] as const).find((o) => e.includes(o));
    if (!op) throw new Error('constraint expected one operator from ==, !=');
    const i = e.indexOf(op);
    const key = e.slice(0, i).trim();
    if (!ALPHA_NUMERIC.test(key)) throw new Error(`key '${key}' is invalid`);
    const exp = e.slice(i + op.length).trim();
    if (!VALUE_PATTERN.test(exp)) throw new Error(`value '${exp}' is invalid`);
    out.push({ key, op, exp });
  }
  return out;
}

function match(c: Constraint, ...whats: string[]): boolean {
  const m = whats.some((w) => w.toLowerCase() === c.exp.toLowerCase());
  return c.op === '==' ? m : !m;
}

const hasPrefix = (key: string, prefix: string) =>
  key.length > prefix.length && key.slice(0, prefix.length).toLowerCase() === prefix;

/** constraint.NodeMatches */
export function nodeMatches(constraints: readonly Constraint[], n: NodeObject): boolean {
  for (const c of constraints) {
    const key = c.key.toLowerCase();
    if (key === 'node.id') {
      if (!match(c, n.ID)) return false;
    } else if (key === 'node.hostname') {
      if (!match(c, n.Description?.Hostname ?? '')) return false;
    } else if (key === 'node.ip') {
      // Differs from Docker: an exact address only (no CIDR), which is what lessons use.
      const eq = c.exp === (n.Status?.Addr ?? '');
      if (eq !== (c.op === '==')) return false;
    } else if (key === 'node.role') {
      if (!match(c, n.Spec?.Role ?? '')) return false;
    } else if (key === 'node.platform.os') {
      if (!match(c, n.Description?.Platform?.OS ?? '')) return false;
    } else if (key === 'node.platform.arch') {
      if (!match(c, n.Description?.Platform?.Architecture ?? '')) return false;
    } else if (hasPrefix(c.key, NODE_LABEL)) {
      if (!match(c, n.Spec?.Labels?.[c.key.slice(NODE_LABEL.length)] ?? '')) return false;
    } else if (hasPrefix(c.key, ENGINE_LABEL)) {
      if (!match(c, n.Description?.Engine?.Labels?.[c.key.slice(ENGINE_LABEL.length)] ?? '')) return false;
    } else return false;
  }
  return true;
}
