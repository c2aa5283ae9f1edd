/** Putting a package's files into a file system: parents made, programs tagged, links linked. */
import type { FileSystem } from '../../../fs/types.ts';
import type { PackageFile } from './package-files.ts';

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

export function placeFiles(fs: FileSystem, files: readonly PackageFile[]): void {
  for (const f of files) {
    fs.mkdir(parentOf(f.path), { parents: true });
    if (fs.lstat(f.path)) fs.rm(f.path, { force: true });
    if (f.link !== undefined) fs.symlink(f.link, f.path);
    else if (f.tag !== undefined) fs.writeFile(f.path, '', { mode: 0o755, program: f.tag, size: f.size });
    else fs.writeFile(f.path, f.text ?? '', { mode: 0o644 });
  }
}

export function removeFiles(fs: FileSystem, files: readonly PackageFile[]): void {
  for (const f of files) if (fs.lstat(f.path)) fs.rm(f.path, { force: true });
}

/** apt's SizeToStr: 1000-based, no digit grouping (`9679 k`, `47.3 k`, `5412 `). */
export function sizeToStr(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P'];
  let size = bytes;
  for (let i = 0; i < units.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${units[i]}`;
    if (size < 10000) return `${size.toFixed(0)} ${units[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} E`;
}
