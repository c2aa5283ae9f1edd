/**
 * How fmt prints a pointer (fmt/print.go fmtPointer): as its address — `0xc0001a2b30` —
 * wherever it is not the top-level operand of a pointer to a struct, slice or map (those
 * print `&{…}`). No simulated value has an address, so each pointer a Printer meets gets
 * a made-up one, the same for the same object: Go's differ from run to run anyway.
 */
import type { Printer } from './fmt-print.ts';
import { fmtInteger } from './fmt-format.ts';
import { typeName } from './reflect.ts';
import { declaredGoType, isNilish, NO_VALUE } from './values.ts';

/** A non-nil value of a pointer type: declared so where it was found, or by its own type. */
export function isPointer(v: unknown, declared: string | undefined): boolean {
  if (isNilish(v) || v === NO_VALUE) return false;
  return (declared ?? declaredGoType(v) ?? '').startsWith('*');
}

function addressOf(p: Printer, arg: unknown): bigint {
  let addr = p.addresses.get(arg);
  if (addr === undefined) {
    addr = 0xc000010000n + BigInt(p.addresses.size) * 0x30n;
    // a scalar has no identity: each one found gets its own address
    p.addresses.set(typeof arg === 'object' && arg !== null ? arg : Symbol(), addr);
  }
  return addr;
}

export function fmtPointer(p: Printer, arg: unknown, verb: string): void {
  const addr = addressOf(p, arg);
  const hex = (leading0x: boolean) => {
    const sharp = p.f.sharp;
    p.f.sharp = leading0x;
    p.buf += fmtInteger(p.f, addr, 16, 'x');
    p.f.sharp = sharp;
  };
  switch (verb) {
    case 'v':
      if (!p.f.sharpV) return hex(!p.f.sharp);
      p.buf += `(${declaredGoType(arg) ?? typeName(arg)})(`;
      hex(true);
      p.buf += ')';
      return;
    case 'p':
      return hex(!p.f.sharp);
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
      p.buf += fmtInteger(p.f, addr, verb === 'b' ? 2 : verb === 'o' ? 8 : verb === 'd' ? 10 : 16, verb);
      return;
    default:
      p.badVerb(verb, arg);
  }
}
