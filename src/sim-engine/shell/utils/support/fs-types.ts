/**
 * The engine's file-system contracts, imported in one place: the lint rule that bans
 * Node's `fs` module matches any path segment named `fs`, so it also flags the
 * engine's own `fs/` folder (reported to the maintainers of eslint.config.js).
 */
// eslint-disable-next-line no-restricted-imports -- the engine's fs/, not Node's
export { FsError, STRERROR } from '../../../fs/types.ts';
// eslint-disable-next-line no-restricted-imports -- the engine's fs/, not Node's
export type { FileSystem, FsErrorCode, Stat, WriteOptions } from '../../../fs/types.ts';
