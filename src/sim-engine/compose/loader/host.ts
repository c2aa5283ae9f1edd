/**
 * What the loader needs from the machine that runs it — the folder the first compose
 * file is in, the docker process's environment, its files (`env_file`, secrets and
 * configs) and where logrus warnings go — so that the loader itself touches nothing and
 * a future `docker compose` can run it with the same host.
 */
import { normalize } from '../../fs/path.ts';

export interface LoadHost {
  /** the folder of the first compose file (or the working directory for `-c -`) */
  workingDir: string;
  /** os.LookupEnv in the docker process */
  lookupEnv(name: string): string | undefined;
  /** os.ReadFile of an absolute path; throws Go's `open <path>: no such file or directory` */
  readFile(path: string): string;
  /** a logrus warning (`ignoring IP-address …`) */
  warn(message: string): void;
  /** absPath: a path under workingDir, cleaned as filepath.Join does */
  absPath(path: string): string;
}

/** filepath.Clean of an absolute or relative path (no trailing slash). */
export function goClean(path: string): string {
  const n = normalize(path);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/** loader.absPath */
export function absPath(workingDir: string, path: string): string {
  return path.startsWith('/') ? path : goClean(`${workingDir}/${path}`);
}
