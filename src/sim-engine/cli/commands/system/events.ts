/**
 * `docker events`, `docker system events` — docker/cli cli/command/system/events.go (v28.5.2).
 */

import { type CommandSpec, noArgs } from '../../command.ts';
import type { DockerCli } from '../../docker-cli.ts';
import type { FlagValues } from '../../flags.ts';
import { StatusError } from '../../errors.ts';
import { filterOpt } from '../opts/opts.ts';
import { filtersQuery } from '../filters.ts';
import { emptyEventValue, eventValue, prettyEvent } from '../../formatter/events.ts';
import { getTimestamp } from '../../../api/timetypes.ts';
import type { EventMessage } from '../../../api/types/system.ts';
import { parseDockerTemplate, TemplateError, type Template } from '../../../golang/template/index.ts';
import { INSPECT_FORMAT_HELP } from '../opts/flags-helper.ts';

export const eventsCommand: CommandSpec = {
  use: 'events [OPTIONS]',
  short: 'Get real time events from the server',
  args: noArgs,
  annotations: { aliases: 'docker system events, docker events' },
  flags: [
    {
      name: 'filter',
      shorthand: 'f',
      type: 'filter',
      usage: 'Filter output based on conditions provided',
      parse: filterOpt,
    },
    {
      name: 'format',
      type: 'string',
      usage: INSPECT_FORMAT_HELP,
    },
    { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
  run: runEvents,
};

// ---------------------------------------------------------------------------
// docker/cli system/events.go

/** makeTemplate: none for the default output; a bad format is tried on an empty message. */
function makeTemplate(format: string): Template | undefined {
  if (format === '') return undefined;
  const text = format === 'json' ? '{{json .}}' : format;
  try {
    const tmpl = parseDockerTemplate(text);
    tmpl.execute(emptyEventValue());
    return tmpl;
  } catch (err) {
    if (err instanceof TemplateError) throw new StatusError(`Error parsing format: ${err.message}`, 64);
    throw err;
  }
}

async function runEvents(cli: DockerCli, flags: FlagValues): Promise<void> {
  const tmpl = makeTemplate(flags.string('format'));
  // client.Events: the times are made absolute (and checked) before the request
  const now = cli.now();
  const query: Record<string, string | undefined> = {};
  for (const name of ['since', 'until'] as const) {
    const value = flags.string(name);
    if (value !== '') query[name] = getTimestamp(value, now);
  }
  query['filters'] = filtersQuery(flags);
  const response = await cli.client.request('GET', '/events', { query });
  const stream = response.stream;
  if (stream?.kind !== 'json') return;
  // Ctrl-C ends the process (program.ts); the stream is let go with it
  void cli.interrupted.then(() => stream.close());
  for await (const raw of stream.messages) {
    const m = raw as unknown as EventMessage;
    if (!tmpl) {
      cli.out.write(prettyEvent(m));
      continue;
    }
    // formatEvent: the template's output, then a newline even when it failed
    try {
      cli.out.write(tmpl.execute(eventValue(m)) + '\n');
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      cli.out.write(err.partialOutput + '\n');
      stream.close();
      throw new StatusError(err.message, 1);
    }
  }
}
