/**
 * The programs of the images' base systems (the coreutils, the shells, BusyBox), so
 * that an entrypoint's `exec "$@"` and BusyBox's applets run them in the same
 * process, as exec does, rather than as a child.
 */
import { SHELL_PROGRAMS } from '../../../shell/index.ts';
import { utilities } from '../../../shell/utils/index.ts';
import type { Program } from '../../../process/types.ts';
import { makeBusybox } from '../busybox.ts';

const BASE: ReadonlyMap<string, Program> = new Map([...utilities, ...SHELL_PROGRAMS]);

export const busybox: Program = makeBusybox(BASE);

export const SYSTEM_PROGRAMS: ReadonlyMap<string, Program> = new Map([...BASE, ['busybox', busybox]]);

/** The system programs and an image's own, for an entrypoint's exec. */
export function withSystem(own: [string, Program][]): ReadonlyMap<string, Program> {
  return new Map([...SYSTEM_PROGRAMS, ...own]);
}
