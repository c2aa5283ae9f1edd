/**
 * `docker images` rows (docker/cli formatter/image.go): one row per repository:tag
 * of an image (so an image ID repeats), `<none>` for a dangling image, the digests of
 * a repository beside its tags with `--digests`, and the ImageContext methods a
 * `--format` template calls.
 */
import type { ImageSummary } from '../../api/types/image.ts';
import { parseNormalizedNamed } from '../../images/reference.ts';
import { goTimeString, humanDuration, humanSize, humanSizeWithPrecision, truncateID } from './display.ts';
import {
  DEFAULT_QUIET_FORMAT,
  marshalContext,
  RAW_FORMAT_KEY,
  TABLE_FORMAT_KEY,
  type HeaderMap,
} from './formatter.ts';

const DEFAULT_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const DEFAULT_TABLE_WITH_DIGEST =
  'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';

/** formatter.NewImageFormat */
export function imageFormat(source: string, quiet: boolean, digest: boolean): string {
  if (source === TABLE_FORMAT_KEY) {
    if (quiet) return DEFAULT_QUIET_FORMAT;
    return digest ? DEFAULT_TABLE_WITH_DIGEST : DEFAULT_TABLE;
  }
  if (source === RAW_FORMAT_KEY) {
    if (quiet) return 'image_id: {{.ID}}';
    return digest
      ? 'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n'
      : 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
  }
  if (source.startsWith(TABLE_FORMAT_KEY) && digest && !source.includes('{{.Digest}}'))
    return source + '\t{{.Digest}}';
  return source;
}

export const IMAGE_HEADER: HeaderMap = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

/** The methods a template sees on a `docker images` row. */
export class ImageContext {
  readonly #i: ImageSummary;
  readonly #trunc: boolean;
  readonly #now: number;
  readonly #repo: string;
  readonly #tag: string;
  readonly #digest: string;

  constructor(i: ImageSummary, trunc: boolean, now: number, repo: string, tag: string, digest: string) {
    this.#i = i;
    this.#trunc = trunc;
    this.#now = now;
    this.#repo = repo;
    this.#tag = tag;
    this.#digest = digest;
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  ID(): string {
    return this.#trunc ? truncateID(this.#i.Id) : this.#i.Id;
  }

  Repository(): string {
    return this.#repo;
  }

  Tag(): string {
    return this.#tag;
  }

  Digest(): string {
    return this.#digest;
  }

  CreatedSince(): string {
    return humanDuration(this.#now - this.#i.Created * 1000) + ' ago';
  }

  CreatedAt(): string {
    return goTimeString(this.#i.Created);
  }

  Size(): string {
    return humanSizeWithPrecision(this.#i.Size, 3);
  }

  Containers(): string {
    return this.#i.Containers === -1 ? 'N/A' : String(this.#i.Containers);
  }

  /** Deprecated in docker, the same as Size but with HumanSize's four digits. */
  VirtualSize(): string {
    return humanSize(this.#i.Size);
  }

  SharedSize(): string {
    return this.#i.SharedSize === -1 ? 'N/A' : humanSize(this.#i.SharedSize);
  }

  UniqueSize(): string {
    if (this.#i.Size === -1 || this.#i.SharedSize === -1) return 'N/A';
    return humanSize(this.#i.Size - this.#i.SharedSize);
  }
}

function isDangling(i: ImageSummary): boolean {
  if (i.RepoTags.length === 0 && i.RepoDigests.length === 0) return true;
  return (
    i.RepoTags.length === 1 &&
    i.RepoTags[0] === '<none>:<none>' &&
    i.RepoDigests.length === 1 &&
    i.RepoDigests[0] === '<none>@<none>'
  );
}

/**
 * imageFormat + imageFormatTaggedAndDigest: the rows of the images. `digest` is
 * `--digests`; `needDigest` also when the format asks for `{{.Digest}}`.
 *
 * Differs from Docker: docker groups the references in Go maps and so lists an
 * image's repositories in random order; here they keep the daemon's (sorted) order.
 */
export function imageRows(
  images: readonly ImageSummary[],
  options: { trunc: boolean; now: number; digest: boolean; format: string },
): ImageContext[] {
  const needDigest = options.digest || options.format.includes('{{.Digest}}');
  const rows: ImageContext[] = [];
  const row = (i: ImageSummary, repo: string, tag: string, digest: string) =>
    rows.push(new ImageContext(i, options.trunc, options.now, repo, tag, digest));
  for (const i of images) {
    if (isDangling(i)) {
      row(i, '<none>', '<none>', '<none>');
      continue;
    }
    const repoTags = new Map<string, string[]>();
    const repoDigests = new Map<string, string[]>();
    for (const s of i.RepoTags) {
      const p = parseNormalizedNamed(s);
      if (!p.ok || p.ref.tag === undefined) continue;
      repoTags.set(p.ref.familiar, [...(repoTags.get(p.ref.familiar) ?? []), p.ref.tag]);
    }
    for (const s of i.RepoDigests) {
      const p = parseNormalizedNamed(s);
      if (!p.ok || p.ref.digest === undefined) continue;
      repoDigests.set(p.ref.familiar, [...(repoDigests.get(p.ref.familiar) ?? []), p.ref.digest]);
    }
    for (const [repo, tags] of repoTags) {
      const digests = needDigest ? (repoDigests.get(repo) ?? []) : [];
      repoDigests.delete(repo);
      for (const tag of tags) {
        if (digests.length === 0) row(i, repo, tag, '<none>');
        else for (const d of digests) row(i, repo, tag, d);
      }
    }
    // repositories known only by digest get a row of their own
    for (const [repo, digests] of repoDigests) {
      if (options.digest) for (const d of digests) row(i, repo, '<none>', d);
      else row(i, repo, '<none>', '');
    }
  }
  return rows;
}
