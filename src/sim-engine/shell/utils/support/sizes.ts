/**
 * Human-readable sizes (`ls -h`, `du -h`, `df -h`, `free -h`). GNU rounds up and shows
 * one decimal below 10 (`4.0K`, `13K`); BusyBox rounds to nearest and always shows one
 * decimal (`12.1K`, `14.3M`).
 */
const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

export function gnuHuman(bytes: number, base = 1024): string {
  if (bytes < base) return String(Math.ceil(bytes));
  let value = bytes;
  let unit = -1;
  while (value >= base && unit < UNITS.length - 1) {
    value /= base;
    unit++;
  }
  if (value < 10) {
    const rounded = Math.ceil(value * 10 - 1e-9) / 10;
    if (rounded >= 10) return `10${UNITS[unit]}`;
    return `${rounded.toFixed(1)}${UNITS[unit]}`;
  }
  const rounded = Math.ceil(value - 1e-9);
  if (rounded >= base && unit < UNITS.length - 1) return `1.0${UNITS[unit + 1]}`;
  return `${rounded}${UNITS[unit]}`;
}

export function busyboxHuman(bytes: number): string {
  if (bytes < 1024) return String(Math.round(bytes));
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)}${UNITS[unit]}`;
}

/** 1K blocks a file of `size` bytes occupies on a 4K-block file system. */
export function blocksOf(size: number, kind: string): number {
  if (kind === 'symlink') return 0;
  return Math.ceil(size / 4096) * 4;
}
