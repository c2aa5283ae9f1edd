/**
 * Swarm identifiers and secrets, as SwarmKit makes them: node and cluster IDs
 * (identity/randomid.go NewID: 128 random bits in base36, zero-padded to 25
 * characters), join tokens (ca/config.go GenerateJoinToken:
 * `SWMTKN-1-<root CA digest in base36, 50 chars>-<128-bit secret in base36, 25 chars>`)
 * and the autolock key (`SWMKEY-1-<base64 of 32 bytes>`, manager/encryption
 * HumanReadableKey). All of it from the lab's seeded generator.
 */
import type { Random } from '../../random.ts';

const ID_LENGTH = 25;
const DIGEST_LENGTH = 50;

function randomBits128(random: Random): bigint {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(random.uint32());
  return n;
}

/** identity.NewID */
export function newID(random: Random): string {
  return randomBits128(random).toString(36).padStart(ID_LENGTH, '0');
}

/** A root CA digest (hex sha256 of the certificate) for a new swarm. */
export function newRootCADigest(random: Random): string {
  return random.hex(64);
}

/** ca.GenerateJoinToken for a root CA whose digest is `digestHex`. */
export function generateJoinToken(random: Random, digestHex: string): string {
  const digest = BigInt('0x' + digestHex)
    .toString(36)
    .padStart(DIGEST_LENGTH, '0');
  return `SWMTKN-1-${digest}-${randomBits128(random).toString(36).padStart(ID_LENGTH, '0')}`;
}

/** What ca.ParseJoinToken finds in a token; undefined where it says "invalid join token". */
export function parseJoinToken(token: string): { rootDigest: string; secret: string } | undefined {
  const split = token.split('-');
  if (split.length < 4 || split[0] !== 'SWMTKN') return undefined;
  if (split[1] === '1') {
    if (split.length !== 4) return undefined;
  } else if (split[1] === '2') {
    if (split.length !== 5 || (split[2] !== '0' && split[2] !== '1')) return undefined;
  } else return undefined;
  const secret = split[split.length - 1]!;
  const rootDigest = split[split.length - 2]!;
  if (rootDigest.length !== DIGEST_LENGTH || secret.length !== ID_LENGTH) return undefined;
  return { rootDigest, secret };
}

/** The base36 digest part of a token, from the root CA digest. */
export function tokenDigest(digestHex: string): string {
  return BigInt('0x' + digestHex)
    .toString(36)
    .padStart(DIGEST_LENGTH, '0');
}

/** ParseJoinToken's digest: the base36 part back to 64 hex digits. */
export function base36ToHex(s: string): string {
  let n = 0n;
  for (const c of s) n = n * 36n + BigInt(parseInt(c, 36));
  return n.toString(16).padStart(64, '0');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64 (StdEncoding) of bytes. */
export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** `n` random bytes. */
export function randomBytes(random: Random, n: number): number[] {
  return Array.from({ length: n }, () => random.int(256));
}

/** encryption.HumanReadableKey of a new 32-byte key. */
export function newUnlockKey(random: Random): string {
  return `SWMKEY-1-${base64(randomBytes(random, 32))}`;
}
