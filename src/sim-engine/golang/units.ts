/**
 * github.com/docker/go-units v0.5.0 (vendored by docker/cli 28): human durations
 * ("About a minute"), human sizes ("7.8MB", "2.048kB", "1.5GiB") and size parsing
 * ("512m", "1g") with go-units' error texts. The CLI's TruncateID and Ellipsis live
 * in display-utils.ts and are re-exported here.
 */
import { sprintf } from './fmt-printf.ts';
import { NumError, parseFloat64 } from './strconv-number.ts';
import { byteLength } from './utf8.ts';
import { goFloat64 } from './values.ts';

export { ellipsis, prettyPrint, truncateID } from './display-utils.ts';

/** units.HumanDuration, for a duration in milliseconds ("2 hours", "About a minute"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(Math.trunc(hours / 24) / 30)} months`;
  return `${Math.trunc(Math.trunc(Math.trunc(ms / 3_600_000) / 24) / 365)} years`;
}

export const KB = 1000;
export const MB = 1000 * KB;
export const GB = 1000 * MB;
export const TB = 1000 * GB;
export const PB = 1000 * TB;
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

const decimalAbbrs = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const binaryAbbrs = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, map: readonly string[]): [number, string] {
  let i = 0;
  while (size >= base && i < map.length - 1) {
    size /= base;
    i++;
  }
  return [size, map[i]!];
}

/** units.CustomSize: `format` takes the scaled size (a float64) and the unit. */
export function customSize(format: string, size: number, base: number, map: readonly string[]): string {
  const [s, unit] = sizeAndUnit(size, base, map);
  return sprintf(format, goFloat64(s), unit);
}

/** units.HumanSizeWithPrecision: base 1000, `%.<precision>g` ("124MB", "7.8MB", "0B"). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [s, unit] = sizeAndUnit(size, 1000, decimalAbbrs);
  return sprintf('%.*g%s', precision, goFloat64(s), unit);
}

/** units.HumanSize: precision 4 ("2.048kB"). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: base 1024 ("1.5GiB"). */
export function bytesSize(size: number): string {
  return customSize('%.4g%s', size, 1024, binaryAbbrs);
}

/** The error go-units returns; its message is Go's. */
export class UnitsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitsError';
  }
}

const decimalMap: Record<string, number> = { k: KB, m: MB, g: GB, t: TB, p: PB };
const binaryMap: Record<string, number> = { k: KiB, m: MiB, g: GiB, t: TiB, p: PiB };

/** int64(x): truncation, and no negative zero. */
function int64(x: number): number {
  return Math.trunc(x) + 0;
}

function parseSize(sizeStr: string, uMap: Record<string, number>): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new UnitsError(`invalid size: '${sizeStr}'`);
  const num = sizeStr[sep] !== ' ' ? sizeStr.slice(0, sep + 1) : sizeStr.slice(0, sep);
  let sfx = sizeStr.slice(sep + 1);
  let size: number;
  try {
    size = parseFloat64(num);
  } catch (e) {
    if (e instanceof NumError) throw new UnitsError(e.message);
    throw e;
  }
  if (size < 0) throw new UnitsError(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return int64(size);
  const badSuffix = (): never => {
    throw new UnitsError(`invalid suffix: '${sfx}'`);
  };
  if (byteLength(sfx) > 3) return badSuffix();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) return badSuffix();
    return int64(size);
  }
  const mul = Object.hasOwn(uMap, sfx[0]!) ? uMap[sfx[0]!]! : undefined;
  if (mul === undefined) return badSuffix();
  size *= mul;
  if (sfx.length === 2 && sfx[1] !== 'b') return badSuffix();
  if (sfx.length === 3 && sfx.slice(1) !== 'ib') return badSuffix();
  return int64(size);
}

/** units.FromHumanSize: "10M" → 10000000 (base 1000). Throws UnitsError. */
export function fromHumanSize(size: string): number {
  return parseSize(size, decimalMap);
}

/** units.RAMInBytes: "512m" → 536870912 (base 1024). Throws UnitsError. */
export function ramInBytes(size: string): number {
  return parseSize(size, binaryMap);
}
