/**
 * docker/cli opts/opts.go: the value types and validators behind most flags. Each
 * function is a flag's `parse`: it returns the value docker keeps, or throws the
 * error docker's Value.Set returns (pflag shows it as `invalid argument "v" for
 * "--flag" flag: <error>`).
 */
import { parseIP } from './ip.ts';
import { bytesSize, ramInBytes } from '../../../golang/units.ts';

/** opts.ValidateIPAddress: the address in canonical form. */
export function validateIPAddress(val: string): string {
  const ip = parseIP(val.trim());
  if (ip === undefined) throw new Error(`IP address is not correctly formatted: ${val}`);
  return ip;
}

const alphaRegexp = /[a-zA-Z]/;
const domainRegexp =
  /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

/** opts.ValidateDNSSearch */
export function validateDNSSearch(val: string): string {
  val = val.replace(/^ +| +$/g, '');
  if (val === '.') return val;
  if (!alphaRegexp.test(val)) throw new Error(`${val} is not a valid domain`);
  const m = domainRegexp.exec(val);
  if (m && m[1]!.length < 255) return m[1]!;
  throw new Error(`${val} is not a valid domain`);
}

/** opts.ValidateLabel */
export function validateLabel(value: string): string {
  const eq = value.indexOf('=');
  const key = (eq >= 0 ? value.slice(0, eq) : value).replace(/^[ \t]+/, '');
  if (key === '') throw new Error(`invalid label '${value}': empty name`);
  if (/[ \t]/.test(key)) throw new Error(`label '${key}' contains whitespaces`);
  return value;
}

const validSysctls = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);

/** opts.ValidateSysctl (a MapOpts validator: the result is `key=value`). */
export function validateSysctl(val: string): string {
  const eq = val.indexOf('=');
  const k = eq >= 0 ? val.slice(0, eq) : '';
  if (eq < 0 || k === '') throw new Error(`sysctl '${val}' is not allowed`);
  if (validSysctls.has(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.')) return val;
  throw new Error(`sysctl '${val}' is not allowed`);
}

/** opts.ParseLink: [name, alias] */
export function parseLink(val: string): [string, string] {
  if (val === '') throw new Error('empty string specified for links');
  const arr = val.split(':');
  if (arr.length > 2) {
    // strings.SplitN(val, ":", 3) gives more than two parts
    throw new Error('bad format for links: ' + val);
  }
  if (arr.length === 1) return [val, val];
  if (arr[0]!.startsWith('/')) {
    const alias = arr[1]!.slice(arr[1]!.lastIndexOf('/') + 1);
    return [arr[0]!.slice(1), alias];
  }
  return [arr[0]!, arr[1]!];
}

/** opts.ValidateLink */
export function validateLink(val: string): string {
  parseLink(val);
  return val;
}

/** One `--filter name=value`, as opts.FilterOpt.Set keeps it (name lowercased, both trimmed). */
export interface FilterArg {
  name: string;
  value: string;
}

/** opts.FilterOpt.Set; an empty value adds nothing (undefined). */
export function filterOpt(value: string): FilterArg | undefined {
  if (value === '') return undefined;
  const eq = value.indexOf('=');
  if (eq < 0) throw new Error('bad format of filter (expected name=value)');
  return { name: value.slice(0, eq).trim().toLowerCase(), value: value.slice(eq + 1).trim() };
}

/** opts.MemBytes.Set: bytes. */
export function memBytes(value: string): number {
  return ramInBytes(value);
}

/** opts.MemBytes.String, for messages that show a size back. */
export function memBytesString(n: number): string {
  return n !== 0 ? bytesSize(n) : '0';
}

/** opts.MemSwapBytes.Set: bytes, or -1 for unlimited. */
export function memSwapBytes(value: string): number {
  return value === '-1' ? -1 : ramInBytes(value);
}

/** opts.NanoCPUs.Set (ParseCPUs): CPUs as a count of 1e-9 CPUs. */
export function nanoCPUs(value: string): number {
  const rat = parseRat(value);
  if (rat === undefined) throw new Error(`failed to parse ${value} as a rational number`);
  const [num, den] = rat;
  const scaled = num * 1_000_000_000n;
  if (scaled % den !== 0n) throw new Error('value is too precise');
  return Number(scaled / den);
}

/** big.Rat.SetString for the forms a user types: `1.5`, `-2`, `1e3`, `3/4`. */
function parseRat(s: string): [bigint, bigint] | undefined {
  const frac = /^([+-]?)(\d+)\/(\d+)$/.exec(s);
  if (frac) {
    const den = BigInt(frac[3]!);
    if (den === 0n) return undefined;
    const num = BigInt(frac[2]!);
    return [frac[1] === '-' ? -num : num, den];
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let num = BigInt(digits === '' ? '0' : digits);
  let den = 10n ** BigInt((m[3] ?? '').length);
  const exp = Number(m[4] ?? '0');
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === '-') num = -num;
  return [num, den];
}
