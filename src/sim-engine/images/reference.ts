/**
 * Image references as Docker parses them: the rules and error texts of
 * github.com/distribution/reference (regexp.go, reference.go, normalize.go) and of
 * go-digest's Parse, which the CLI and the daemon both use. `nginx` is
 * `docker.io/library/nginx:latest`; `localhost:5000/app` has a domain; `Nginx` fails with
 * `invalid reference format: repository name (library/Nginx) must be lowercase`.
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6address})${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifier = /^[a-f0-9]{64}$/;
const anchoredTag = new RegExp(`^${tagPat}$`);

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
const NAME_TOTAL_LENGTH_MAX = 255;

export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';

/** A parsed, normalised reference. */
export interface Reference {
  /** `docker.io`, `localhost:5000`, `ghcr.io` */
  domain: string;
  /** `library/nginx`, `traefik/whoami` */
  path: string;
  tag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
  /** the short form Docker prints: `nginx`, `traefik/whoami`, `localhost:5000/app` */
  familiar: string;
}

export type ParseResult = { ok: true; ref: Reference } | { ok: false; error: string };

const fail = (error: string): ParseResult => ({ ok: false, error });

/** go-digest Parse/Validate, with its error texts. */
export function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return 'invalid checksum digest format';
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const sizes: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
  const size = sizes[algorithm];
  if (size === undefined) {
    return new RegExp(`^${digestPat}$`).test(s)
      ? 'unsupported digest algorithm'
      : 'invalid checksum digest format';
  }
  if (encoded.length !== size) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
  return undefined;
}

function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.slice(OFFICIAL_PREFIX.length).includes('/')) {
    return path.slice(OFFICIAL_PREFIX.length);
  }
  return path;
}

/** reference.Parse: a reference with its domain as written (no normalisation). */
export function parse(s: string): ParseResult {
  if (s === '') return fail('repository name must have at least one component');
  const m = referenceRegexp.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    if (lower !== s && referenceRegexp.test(lower)) return fail('repository name must be lowercase');
    return fail(ERR_REFERENCE_INVALID_FORMAT);
  }
  const name = anchoredNameRegexp.exec(m[1]!)!;
  const domain = name[1] ?? '';
  const path = name[2]!;
  if (path.length > NAME_TOTAL_LENGTH_MAX) {
    return fail(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const ref: Reference = { domain, path, familiar: domain ? `${domain}/${path}` : path };
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    const error = validateDigest(m[3]);
    if (error) return fail(error);
    ref.digest = m[3];
  }
  return { ok: true, ref };
}

/** normalize.go splitDockerDomain. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, rest];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, rest];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, rest];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, rest];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

/**
 * reference.ParseNormalizedNamed, what `docker pull`, `docker run`, `docker tag` and the
 * daemon apply to an image name: `nginx` → docker.io/library/nginx (no tag added).
 */
export function parseNormalizedNamed(s: string): ParseResult {
  if (anchoredIdentifier.test(s)) {
    return fail(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    return fail(`${ERR_REFERENCE_INVALID_FORMAT}: repository name (${remote}) must be lowercase`);
  }
  const parsed = parse(`${domain}/${remainder}`);
  if (!parsed.ok) return parsed;
  parsed.ref.familiar = familiarName(parsed.ref.domain, parsed.ref.path);
  return parsed;
}

/** reference.ParseDockerRef: normalised, `:latest` added when there is neither tag nor digest. */
export function resolveReference(s: string): ParseResult {
  const parsed = parseNormalizedNamed(s);
  if (!parsed.ok) return parsed;
  const ref = parsed.ref;
  if (ref.tag !== undefined && ref.digest !== undefined) delete ref.tag;
  else if (ref.tag === undefined && ref.digest === undefined) ref.tag = DEFAULT_TAG;
  return parsed;
}

/** Whether a tag alone (`docker tag SRC repo:TAG`) is well-formed. */
export function isValidTag(tag: string): boolean {
  return anchoredTag.test(tag);
}

/** `docker.io/library/nginx:1.27`: the canonical string `docker pull` prints last. */
export function canonicalString(ref: Reference): string {
  return `${ref.domain}/${ref.path}${refSuffix(ref)}`;
}

/** `nginx:1.27`, `traefik/whoami:latest`, `nginx@sha256:…`: the familiar string. */
export function familiarString(ref: Reference): string {
  return `${ref.familiar}${refSuffix(ref)}`;
}

function refSuffix(ref: Reference): string {
  return `${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
