/**
 * Every simulated program, by the tag its executable carries: the external tools of a
 * Linux system, the shells, and what the images run (nginx, redis-server, postgres…).
 * One explicit, ordered list; a later entry with the same name would win, and the test
 * beside this file makes sure none does.
 */
import type { Program, ProgramRegistry } from './process/types.ts';
import { imagePrograms } from './runtime/programs/index.ts';
import { SHELL_PROGRAMS } from './shell/index.ts';
import { utilities } from './shell/utils/index.ts';

export const ALL_PROGRAMS: ReadonlyArray<readonly [string, Program]> = [
  ...utilities,
  ...SHELL_PROGRAMS,
  ...imagePrograms,
];

export function programRegistry(): ProgramRegistry {
  return new Map(ALL_PROGRAMS.map(([name, p]) => [name, p] as [string, Program]));
}

/** Programs a small Debian 12 server does not have in /usr/bin. */
const NOT_ON_THE_HOST = new Set(['apk', '[[', 'mawk']);

/**
 * The tools a lab host has in /usr/bin (tagged `@gnu`): the registry up to the
 * BusyBox-only applets it ends with (from `bbconfig` on), less the Alpine ones.
 */
export const HOST_UTILITIES: readonly string[] = (() => {
  const names = utilities.map(([name]) => name);
  const busyboxOnly = names.indexOf('bbconfig');
  return names.slice(0, busyboxOnly < 0 ? names.length : busyboxOnly).filter((n) => !NOT_ON_THE_HOST.has(n));
})();
