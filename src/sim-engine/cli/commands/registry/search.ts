/**
 * `docker search` — docker/cli cli/command/registry/search.go (v28.5.2).
 */

import { type CommandSpec, exactArgs } from '../../command.ts';
import { filterOpt } from '../opts/opts.ts';
// the run function lives with the image commands (commands/image/search.ts)
import { runSearch } from '../image/search.ts';

export const searchCommand: CommandSpec = {
  use: 'search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  args: exactArgs(1),
  annotations: { 'category-top': '10' },
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  run: runSearch,
};
