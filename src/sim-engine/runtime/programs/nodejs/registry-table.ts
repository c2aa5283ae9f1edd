/**
 * What "the npm registry" holds for npm here: the packages node tutorials install,
 * with their versions of autumn 2026 and the names of their dependency trees, so that
 * `npm install express` adds the same number of packages and `ls node_modules` shows
 * the same names as the real one. Versions of the dependencies are not tracked
 * (package-lock.json records each with the version below or 1.0.0).
 */
export interface NpmPackage {
  version: string;
  /** older majors a package.json range may ask for (`^4.18.2` → 4.21.2) */
  majors?: Record<number, { version: string; tree: string[]; funding?: number }>;
  /** every package its install brings, itself excluded */
  tree: string[];
  /** how many of them ask for funding */
  funding?: number;
  /** a command it installs in node_modules/.bin */
  bin?: string;
}

const SIDE_CHANNEL =
  'side-channel side-channel-list side-channel-map side-channel-weakmap es-errors object-inspect call-bound call-bind-apply-helpers get-intrinsic es-define-property es-object-atoms function-bind get-proto dunder-proto gopd has-symbols hasown math-intrinsics';
const EXPRESS5 = `accepts body-parser bytes content-disposition content-type cookie cookie-signature debug depd ee-first encodeurl escape-html etag finalhandler forwarded fresh http-errors iconv-lite inherits ipaddr.js is-promise media-typer merge-descriptors mime-db mime-types ms negotiator on-finished once parseurl path-to-regexp proxy-addr qs range-parser raw-body router safe-buffer safer-buffer send serve-static setprototypeof statuses toidentifier type-is unpipe vary wrappy ${SIDE_CHANNEL}`;
const EXPRESS4 = `accepts array-flatten body-parser bytes content-disposition content-type cookie cookie-signature debug depd destroy ee-first encodeurl escape-html etag finalhandler forwarded fresh http-errors iconv-lite inherits ipaddr.js media-typer merge-descriptors methods mime mime-db mime-types ms negotiator on-finished parseurl path-to-regexp proxy-addr qs range-parser raw-body safe-buffer safer-buffer send serve-static setprototypeof statuses toidentifier type-is unpipe utils-merge vary ${SIDE_CHANNEL}`;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const NPM: Record<string, NpmPackage> = {
  express: {
    version: '5.1.0',
    tree: words(EXPRESS5),
    funding: 14,
    majors: { 4: { version: '4.21.2', tree: words(EXPRESS4), funding: 16 } },
  },
  cors: { version: '2.8.5', tree: ['object-assign', 'vary'] },
  dotenv: { version: '17.2.3', tree: [], funding: 1 },
  'body-parser': {
    version: '2.2.0',
    tree: words(
      `bytes content-type debug http-errors iconv-lite ms on-finished qs raw-body type-is media-typer mime-types mime-db depd inherits setprototypeof statuses toidentifier ee-first safer-buffer unpipe ${SIDE_CHANNEL}`,
    ),
    funding: 12,
  },
  redis: {
    version: '5.8.3',
    tree: words('@redis/bloom @redis/client @redis/json @redis/search @redis/time-series cluster-key-slot'),
  },
  morgan: {
    version: '1.10.1',
    tree: words('basic-auth debug depd ms on-finished on-headers ee-first safe-buffer'),
  },
  nodemon: {
    version: '3.1.10',
    tree: words(
      'chokidar debug ignore-by-default minimatch pstree.remy semver simple-update-notifier supports-color touch undefsafe anymatch braces glob-parent is-binary-path is-glob normalize-path readdirp fill-range to-regex-range is-number binary-extensions is-extglob picomatch brace-expansion balanced-match concat-map has-flag ms',
    ),
    funding: 3,
    bin: 'nodemon',
  },
  lodash: { version: '4.17.21', tree: [] },
  uuid: { version: '13.0.0', tree: [], funding: 1, bin: 'uuid' },
  axios: {
    version: '1.12.2',
    tree: words(
      `asynckit combined-stream delayed-stream follow-redirects form-data mime-types mime-db proxy-from-env es-set-tostringtag has-tostringtag ${SIDE_CHANNEL}`,
    ),
    funding: 4,
  },
  pg: {
    version: '8.16.3',
    tree: words(
      'pg-cloudflare pg-connection-string pg-int8 pg-pool pg-protocol pg-types pgpass postgres-array postgres-bytea postgres-date postgres-interval split2 xtend',
    ),
  },
  mongoose: {
    version: '8.19.1',
    tree: words(
      'bson kareem mongodb mpath mquery ms sift @mongodb-js/saslprep @types/webidl-conversions @types/whatwg-url mongodb-connection-string-url punycode sparse-bitfield memory-pager tr46 webidl-conversions whatwg-url debug',
    ),
  },
};

/** The version a range asks for: the latest of its major, or undefined if none. */
export function pick(
  name: string,
  range: string | undefined,
): { version: string; tree: string[]; funding?: number } | undefined {
  const p = NPM[name];
  if (!p) return undefined;
  const major = /^[\^~>=v]*(\d+)/.exec(range ?? '')?.[1];
  if (!range || range === 'latest' || range === '*' || major === undefined) return p;
  if (Number(major) === Number(p.version.split('.')[0])) return p;
  return p.majors?.[Number(major)] ?? (range.startsWith('>') ? p : undefined);
}

/** npm's own version, bundled with each node major, and the newest one. */
export function npmVersion(node: string): string {
  const major = Number(node.split('.')[0]);
  return major <= 20 ? '10.8.2' : major === 22 ? '10.9.4' : major === 24 ? '11.6.2' : '11.9.0';
}
export const LATEST_NPM = '11.9.0';
