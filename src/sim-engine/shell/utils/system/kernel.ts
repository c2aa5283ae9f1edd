/**
 * The kernel every simulated node runs, as uname and /proc show it (machine.ts, so
 * that `docker info` reports the same release).
 */
export { KERNEL } from '../../../machine.ts';
