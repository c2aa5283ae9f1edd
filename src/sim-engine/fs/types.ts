/**
 * The file systems of the simulation: a lab host's folder, an image's layers, a
 * container's root (image layers + a writable layer), a volume. All in memory and
 * synchronous; paths are absolute POSIX paths (callers resolve `cwd` first).
 *
 * Errors are thrown as FsError with the errno code; each tool turns them into its own
 * message (`ls: cannot access 'x': No such file or directory`).
 */
export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'EINVAL'
  | 'ELOOP'
  /** a write through a read-only mount (`-v x:/y:ro`) */
  | 'EROFS'
  /** removing or renaming a mount point, or `/` */
  | 'EBUSY'
  /** rename across two mounts; `mv` falls back to copy + delete */
  | 'EXDEV';

/** The text a C library prints for each code (strerror), as tools show it. */
export const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EROFS: 'Read-only file system',
  EBUSY: 'Device or resource busy',
  EXDEV: 'Invalid cross-device link',
};

/**
 * The same texts as musl prints them (Alpine's busybox). Images built on glibc
 * (Debian, Ubuntu, and busybox-static) print STRERROR.
 */
export const STRERROR_MUSL: Record<FsErrorCode, string> = {
  ...STRERROR,
  ELOOP: 'Symbolic link loop',
  EBUSY: 'Resource busy',
  EXDEV: 'Cross-device link',
};

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string) {
    super(`${code}: ${STRERROR[code]}, ${path}`);
    this.code = code;
    this.path = path;
  }
}

export type FileKind = 'file' | 'dir' | 'symlink';

export interface Stat {
  kind: FileKind;
  /** bytes; a simulated binary reports the size of the real one */
  size: number;
  /** permission bits, e.g. 0o755 */
  mode: number;
  uid: number;
  gid: number;
  /** milliseconds since the epoch (virtual time) */
  mtime: number;
  /**
   * Hard-link count as `ls -l` shows it: 1 for a file; for a directory 2 + its
   * subdirectories, except 1 for a directory merged from several layers (overlayfs).
   * Optional so other FileSystem implementations need not compute it.
   */
  nlink?: number;
  /** for a symlink (lstat only): its target */
  target?: string;
  /**
   * For an executable that the simulation runs natively (busybox, nginx, bash,
   * docker-entrypoint.sh…): the name of the program in the runtime's registry.
   */
  program?: string;
}

export interface WriteOptions {
  mode?: number;
  append?: boolean;
  uid?: number;
  gid?: number;
  /** make the file a simulated executable (see Stat.program) */
  program?: string;
  /** the size to report instead of the text's length (simulated binaries) */
  size?: number;
}

export interface FileSystem {
  /** Stat following symlinks; undefined when the path does not exist. */
  stat(path: string): Stat | undefined;
  /** Stat without following a final symlink. */
  lstat(path: string): Stat | undefined;
  readFile(path: string): string;
  writeFile(path: string, data: string, options?: WriteOptions): void;
  /** Names in the directory, sorted by code unit. */
  readdir(path: string): string[];
  mkdir(path: string, options?: { parents?: boolean; mode?: number; uid?: number; gid?: number }): void;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** Resolve symlinks and `.`/`..`; throws ENOENT if a component is missing. */
  realpath(path: string): string;
  /** Set the modification time (touch). */
  utimes(path: string, mtime: number): void;
}
