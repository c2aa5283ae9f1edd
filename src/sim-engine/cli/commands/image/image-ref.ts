/**
 * How the API client names an image in a path, and distribution/reference's
 * ParseAnyReference, which `docker tag` checks its source with.
 */
import { ApiClientError } from '../../../api/client.ts';
import { parseNormalizedNamed, validateDigest, type ParseResult } from '../../../images/reference.ts';

/**
 * The name as Go's url.URL writes it into a path: slashes, colons and `@` stay (the
 * daemon's routes take the rest of the path), what a path cannot hold is escaped.
 */
export function imagePath(name: string): string {
  return encodeURI(name).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

/** The path of ImageInspect, which moby's client refuses for an empty name as not found. */
export function imageInspectPath(name: string): string {
  if (name === '') throw new ApiClientError(404, '', 'Error: No such image: ');
  return `/images/${imagePath(name)}/json`;
}

/**
 * reference.ParseAnyReference: 64 hex digits or a digest is an image ID, anything
 * else must be a name. Only the outcome matters to its callers here.
 */
export function parseAnyReference(s: string): { ok: true } | Extract<ParseResult, { ok: false }> {
  if (/^[a-f0-9]{64}$/.test(s) || validateDigest(s) === undefined) return { ok: true };
  const parsed = parseNormalizedNamed(s);
  return parsed.ok ? { ok: true } : parsed;
}
