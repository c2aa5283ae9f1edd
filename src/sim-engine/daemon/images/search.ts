/**
 * `GET /images/search?term=…&limit=…&filters=…` (moby registry/search.go): Docker
 * Hub's search, answered from the image catalogue. The term's `library/` is dropped
 * for Docker Hub, the limit (25 by default, 1–100) is applied before the filters
 * (`is-official`, `stars`, the deprecated `is-automated`), as the daemon does.
 *
 * Differs from Docker: Hub knows millions of repositories and ranks them by its own
 * relevance; the simulated Hub has the catalogue's repositories only (so that every
 * result can be pulled), ranked exact name first, then names containing the term,
 * then descriptions mentioning it, each by stars. Star counts are fixed, plausible
 * figures for autumn 2026.
 */
import type { FilterArgs } from '../../api/filters.ts';
import type { SearchResult } from '../../api/types/image.ts';
import { invalidParameter, systemError } from '../../errdefs.ts';
import { catalogue } from '../../images/index.ts';
import { boolOrDefault } from './filters.ts';

/** What Docker Hub says about each repository of the catalogue. */
const HUB: Record<string, { description: string; stars: number }> = {
  'library/nginx': { description: 'Official build of Nginx.', stars: 21_386 },
  'library/alpine': {
    description:
      'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
    stars: 11_612,
  },
  'library/busybox': { description: 'Busybox base image.', stars: 3_431 },
  'library/ubuntu': {
    description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
    stars: 17_943,
  },
  'library/debian': {
    description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
    stars: 5_261,
  },
  'library/httpd': { description: 'The Apache HTTP Server Project', stars: 4_913 },
  'library/redis': {
    description:
      'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.',
    stars: 13_296,
  },
  'library/postgres': {
    description: 'The PostgreSQL object-relational database system provides reliability and data integrity.',
    stars: 14_512,
  },
  'library/mysql': {
    description: 'MySQL is a widely used, open-source relational database management system (RDBMS).',
    stars: 15_987,
  },
  'library/python': {
    description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.',
    stars: 10_248,
  },
  'library/node': {
    description: 'Node.js is a JavaScript-based platform for server-side and networking applications.',
    stars: 13_791,
  },
  'library/golang': {
    description: 'Go (golang) is a general purpose, higher-level, imperative programming language.',
    stars: 5_148,
  },
  'library/registry': {
    description: 'The Docker Registry 2.0 implementation for storing and distributing Docker images',
    stars: 4_326,
  },
  'library/hello-world': { description: 'Hello World! (an example of minimal Dockerization)', stars: 2_371 },
  'traefik/whoami': {
    description: 'Tiny Go webserver that prints os information and HTTP request to output',
    stars: 73,
  },
};

const DEFAULT_LIMIT = 25;

export function searchImages(term: string, limit: number, filters: FilterArgs): SearchResult[] {
  filters.validate(['is-automated', 'is-official', 'stars']);
  if (boolOrDefault(filters, 'is-automated', false)) return [];
  const isOfficial = boolOrDefault(filters, 'is-official', false);
  let minStars = 0;
  for (const v of filters.get('stars')) {
    if (!/^[+-]?\d+$/.test(v)) {
      throw invalidParameter(`invalid filter 'stars=${v}': strconv.Atoi: parsing "${v}": invalid syntax`);
    }
    minStars = Math.max(minStars, Number(v));
  }
  const results = searchHub(term, limit);
  return results.filter(
    (r) =>
      (!filters.contains('is-official') || r.is_official === isOfficial) &&
      (!filters.contains('stars') || r.star_count >= minStars),
  );
}

/** The registry's unfiltered answer (searchUnfiltered + searchRepositories). */
function searchHub(term: string, limit: number): SearchResult[] {
  if (term.includes('://')) {
    throw invalidParameter(`invalid repository name: repository name (${term}) should not have a scheme`);
  }
  const parts = term.split('/');
  const [host] = parts;
  if (parts.length > 1 && (host!.includes('.') || host!.includes(':') || host === 'localhost')) {
    if (host !== 'docker.io' && host !== 'index.docker.io') {
      // Differs from Docker: only Docker Hub answers searches in a lab; another index
      // fails as an unreachable host does (dockerd's own message also suggests
      // --insecure-registry for plain-HTTP registries).
      const [name, port = '443'] = host!.split(':');
      throw systemError(
        name === 'localhost' || name === '127.0.0.1'
          ? `Get "https://${host}/v1/_ping": dial tcp 127.0.0.1:${port}: connect: connection refused`
          : `Get "https://${host}/v1/_ping": dial tcp: lookup ${name} on 127.0.0.11:53: no such host`,
      );
    }
    term = parts.slice(1).join('/');
  }
  term = term.replace(/^library\//, '');
  const n = limit === 0 ? DEFAULT_LIMIT : limit;
  if (n < 1 || n > 100) throw invalidParameter(`limit ${n} is outside the range of [1, 100]`);

  const q = term.toLowerCase();
  const repos = [...new Set(catalogue().map((i) => i.repository))];
  const ranked = repos
    .map((repo) => {
      const name = repo.replace(/^library\//, '');
      const hub = HUB[repo] ?? { description: '', stars: 0 };
      const rank = name === q ? 0 : name.includes(q) ? 1 : hub.description.toLowerCase().includes(q) ? 2 : -1;
      return { name, official: repo.startsWith('library/'), hub, rank };
    })
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.hub.stars - a.hub.stars);
  return ranked.slice(0, n).map((r) => ({
    star_count: r.hub.stars,
    is_official: r.official,
    name: r.name,
    is_automated: false,
    description: r.hub.description,
  }));
}
