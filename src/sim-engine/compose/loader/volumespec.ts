/**
 * The short volume syntax of a compose service (`data:/var/lib/data:ro`,
 * `./site:/usr/share/nginx/html`) — docker/cli internal/volumespec Parse: a source (or
 * none), a target and comma-separated options; a source that starts with `.`, `/` or
 * `~` (or a Windows drive) is a bind mount, anything else a named volume.
 */
import { byteLength } from '../../golang/index.ts';
import type { ServiceVolumeConfig } from '../types.ts';

const PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];

const isLetter = (ch: string) => /\p{L}/u.test(ch);

function isWindowsDrive(buffer: string[], ch: string): boolean {
  return ch === ':' && buffer.length === 1 && isLetter(buffer[0]!);
}

function isFilePath(source: string): boolean {
  if ('./~'.includes(source[0]!)) return true;
  const chars = [...source];
  if (chars.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return isWindowsDrive([chars[0]!], chars[1]!);
}

function populateType(v: ServiceVolumeConfig): void {
  v.type = !v.source ? 'volume' : isFilePath(v.source) ? 'bind' : 'volume';
}

/** volumespec.Parse; throws `invalid spec: <spec>: <problem>`. */
export function parseVolumeSpec(spec: string): ServiceVolumeConfig {
  const volume: ServiceVolumeConfig = {};
  const chars = [...spec];
  if (spec.length === 0) throw new Error('invalid empty volume spec');
  if (byteLength(spec) <= 2) return { target: spec, type: 'volume' };
  let buffer: string[] = [];
  const END = '\0';
  for (const ch of [...chars, END]) {
    if (isWindowsDrive(buffer, ch)) buffer.push(ch);
    else if (ch === ':' || ch === END) {
      const problem = populateField(ch === END, buffer.join(''), buffer.length, volume);
      if (problem) {
        populateType(volume);
        throw new Error(`invalid spec: ${spec}: ${problem}`);
      }
      buffer = [];
    } else buffer.push(ch);
  }
  populateType(volume);
  return volume;
}

function populateField(end: boolean, s: string, length: number, v: ServiceVolumeConfig): string | undefined {
  if (length === 0) return 'empty section between colons';
  if (!v.source && end) {
    v.target = s;
    return undefined;
  }
  if (!v.source) {
    v.source = s;
    return undefined;
  }
  if (!v.target) {
    v.target = s;
    return undefined;
  }
  if (!end) return 'too many colons';
  for (const option of s.split(',')) {
    if (option === 'ro') v.readOnly = true;
    else if (option === 'rw') v.readOnly = false;
    else if (option === 'nocopy') v.volume = { noCopy: true };
    else if (PROPAGATIONS.includes(option)) v.bind = { propagation: option };
  }
  return undefined;
}
