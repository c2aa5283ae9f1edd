/**
 * What `docker search` does (docker/cli registry/search.go and
 * formatter_search.go): ask the daemon to search the registry, then print NAME,
 * DESCRIPTION (cut at 45 unless --no-trunc), STARS and OFFICIAL (`[OK]`). The
 * command's spec lives in commands/registry/search.ts, as in docker/cli; its run
 * function is here, with the other image commands that talk to a registry.
 */
import { encodeFilters } from '../../../api/client.ts';
import type { SearchResult } from '../../../api/types/image.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { ellipsis } from '../../formatter/display.ts';
import {
  marshalContext,
  TABLE_FORMAT_KEY,
  writeFormatted,
  type HeaderMap,
} from '../../formatter/formatter.ts';
import type { FilterArg } from '../opts/opts.ts';

const DEFAULT_TABLE = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';

const SEARCH_HEADER: HeaderMap = {
  Name: 'NAME',
  Description: 'DESCRIPTION',
  StarCount: 'STARS',
  IsOfficial: 'OFFICIAL',
};

class SearchContext {
  readonly #s: SearchResult;
  readonly #trunc: boolean;
  #json = false;

  constructor(s: SearchResult, trunc: boolean) {
    this.#s = s;
    this.#trunc = trunc;
  }

  MarshalJSON(): string {
    this.#json = true;
    return marshalContext(this);
  }

  Name(): string {
    return this.#s.name;
  }

  Description(): string {
    const desc = this.#s.description.replace(/[\n\r]/g, ' ');
    return this.#trunc ? ellipsis(desc, 45) : desc;
  }

  StarCount(): string {
    return String(this.#s.star_count);
  }

  IsOfficial(): string {
    if (this.#s.is_official) return this.#json ? 'true' : '[OK]';
    return this.#json ? 'false' : '';
  }
}

export async function runSearch(cli: DockerCli, flags: FlagValues, args: string[]): Promise<void> {
  const filters = flags
    .get<(FilterArg | undefined)[]>('filter')
    .filter((f): f is FilterArg => f !== undefined)
    .map((f): [string, string] => [f.name, f.value]);
  if (filters.some(([k]) => k === 'is-automated')) {
    cli.err.write(
      'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n',
    );
  }
  const limit = flags.number('limit');
  const results = await cli.client.request('GET', '/images/search', {
    query: { term: args[0]!, limit: limit > 0 ? limit : undefined, filters: encodeFilters(filters) },
    headers: { 'X-Registry-Auth': 'e30=' },
  });
  const source = flags.string('format');
  const format = source === '' || source === TABLE_FORMAT_KEY ? DEFAULT_TABLE : source;
  const trunc = !flags.bool('no-trunc');
  writeFormatted(
    cli.out,
    format,
    SEARCH_HEADER,
    ((results.body as SearchResult[] | null) ?? []).map((r) => new SearchContext(r, trunc)),
  );
}
