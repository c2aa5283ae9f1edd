/**
 * github.com/docker/go-units: human sizes as docker reads them (`512m`, `1GiB`, `10k`),
 * with its error texts, which reach the user through flag errors.
 */
import { parseGoFloat } from '../../flag-values.ts';

const binaryMap: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
const decimalMap: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };

function parseSize(sizeStr: string, uMap: Record<string, number>): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i]!)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new Error(`invalid size: '${sizeStr}'`);
  const num = sizeStr[sep] !== ' ' ? sizeStr.slice(0, sep + 1) : sizeStr.slice(0, sep);
  let sfx = sizeStr.slice(sep + 1);
  let size = parseGoFloat(num);
  if (size < 0) throw new Error(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  const badSuffix = () => new Error(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw badSuffix();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw badSuffix();
    return Math.trunc(size);
  }
  const mul = uMap[sfx[0]!];
  if (mul === undefined) throw badSuffix();
  size *= mul;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw badSuffix();
  return Math.trunc(size);
}

/** units.RAMInBytes: binary multiples (`1k` is 1024). */
export function ramInBytes(size: string): number {
  return parseSize(size, binaryMap);
}

/** units.FromHumanSize: decimal multiples (`1k` is 1000). */
export function fromHumanSize(size: string): number {
  return parseSize(size, decimalMap);
}

const binaryAbbrs = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** units.BytesSize: `%.4g%s` over binary units (MemBytes.String). */
export function bytesSize(size: number): string {
  let i = 0;
  while (size >= 1024 && i < binaryAbbrs.length - 1) {
    size /= 1024;
    i++;
  }
  return `${formatG4(size)}${binaryAbbrs[i]}`;
}

/** Go's %.4g for the values sizes produce */
function formatG4(n: number): string {
  const p = n.toPrecision(4);
  if (p.includes('e')) {
    const [mant, exp] = p.split('e');
    const e = Number(exp);
    const m = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return p.includes('.') ? p.replace(/0+$/, '').replace(/\.$/, '') : p;
}
