/** Images: each named one through `GET /images/{name}/json`, all of them for any/all/none and count. */
import type { ImageInspect } from '../../api/types/index.ts';
import { comparisonText, holds } from '../compare.ts';
import type { ImageProps } from '../goal.ts';
import type { Snapshot } from '../snapshot.ts';
import { trimSlash } from '../values.ts';
import { envCheck, labelsCheck } from './common.ts';
import type { Kind, PropCheck } from './kind.ts';

/** A list exactly, or one text: the shell form's command (`/bin/sh -c TEXT`) or the list joined by spaces. */
function commandCheck(
  key: 'Cmd' | 'Entrypoint',
  word: string,
): PropCheck<ImageInspect, string[] | string, unknown> {
  const show = (v: readonly string[] | string | null | undefined) =>
    v == null ? 'none' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return {
    want: (v) => `has ${word} ${show(v)}`,
    check(image, want) {
      const have = image.Config?.[key] ?? null;
      const ok =
        have !== null &&
        (typeof want === 'string'
          ? have.join(' ') === want ||
            (have.length === 3 && have[0] === '/bin/sh' && have[1] === '-c' && have[2] === want)
          : have.length === want.length && have.every((a, i) => a === want[i]));
      return {
        ok,
        phrase: ok ? `has ${word} ${show(have)}` : `has ${word} ${show(have)}, not ${show(want)}`,
      };
    },
  };
}

function textCheck(
  word: string,
  valueOf: (i: ImageInspect) => string,
): PropCheck<ImageInspect, string, unknown> {
  return {
    want: (v) => `has ${word} ${v}`,
    check(image, want) {
      const have = valueOf(image);
      const ok = trimSlash(have) === trimSlash(want);
      return { ok, phrase: ok ? `has ${word} ${have}` : `has ${word} ${have || '(none)'}, not ${want}` };
    },
  };
}

export const IMAGES: Kind<ImageInspect, ImageProps, Snapshot> = {
  noun: 'image',
  plural: 'images',
  name: (i) => i.RepoTags[0] ?? i.Id.replace(/^sha256:/, '').slice(0, 12),
  // a named image was inspected by its name, as `docker image inspect NAME` would
  find: (_all, name, snap) => {
    const read = snap.images.get(name);
    return read?.ok ? (read.value ?? undefined) : undefined;
  },
  checks: {
    cmd: commandCheck('Cmd', 'CMD'),
    entrypoint: commandCheck('Entrypoint', 'ENTRYPOINT'),
    env: envCheck<ImageInspect>((i) => i.Config?.Env),
    exposed_ports: {
      want: (v) => `exposes ${v.join(', ')}`,
      check(image, want) {
        const have = Object.keys(image.Config?.ExposedPorts ?? {});
        const missing = want.filter((p) => !have.includes(p));
        if (missing.length === 0) return { ok: true, phrase: `exposes ${want.join(', ')}` };
        return { ok: false, phrase: `exposes ${have.join(', ') || 'no ports'}, not ${missing.join(', ')}` };
      },
    },
    workdir: textCheck('the working directory', (i) => i.Config?.WorkingDir ?? ''),
    user: textCheck('the user', (i) => i.Config?.User ?? ''),
    layers: {
      want: (v) => `has ${comparisonText(v)} layers`,
      check(image, want) {
        const n = image.RootFS.Layers?.length ?? 0;
        const ok = holds(want, n);
        return {
          ok,
          phrase: `has ${n} layer${n === 1 ? '' : 's'}${ok ? '' : `; the goal is ${comparisonText(want)}`}`,
        };
      },
    },
    labels: labelsCheck<ImageInspect>((i) => i.Config?.Labels),
  },
};
