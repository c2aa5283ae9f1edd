/**
 * What the daemon pulls from and pushes to: the simulated Docker Hub (the image
 * catalogue) and any registry the learner runs. `pull` resolves a reference to an
 * image with its layers, or to Docker's reason it cannot.
 */
import type { CatalogueImage } from '../images/types.ts';
import type { Reference } from '../images/reference.ts';
import type { LayerRecord } from './images/record.ts';

export type PullLookup =
  | { ok: true; image: CatalogueImage; layers: LayerRecord[] }
  /** the repository does not exist (or needs a login) */
  | { ok: false; reason: 'no-repository' }
  /** the repository exists but not this tag or digest */
  | { ok: false; reason: 'no-manifest' }
  /** the registry's host does not answer */
  | { ok: false; reason: 'unreachable'; message: string };

export interface Registry {
  lookup(ref: Reference): PullLookup;
}
