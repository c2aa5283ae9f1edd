/**
 * What `docker secret inspect` and `docker config inspect` share (docker/cli v28.5.2
 * secret/inspect.go, config/inspect.go and their formatter.go inspectFormatWrite):
 * `--pretty` (or `--format pretty`) renders the kind's pretty template for every object
 * and prints nothing if one lookup fails; any other format goes to inspect.Inspect
 * (JSON, `json`, or a template on the typed object, with the raw JSON as fallback).
 */
import { parseDockerTemplate, TemplateError } from '../../../golang/template/index.ts';
import type { DockerCli } from '../../docker-cli.ts';
import { CliError, StatusError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';
import { PRETTY_FORMAT_KEY } from '../../formatter/formatter.ts';
import { inspectRefs, lazyElement, rawJSON } from '../../inspect.ts';
import { typedObject } from './formatter.ts';

export interface InspectKind<T> {
  fetch(ref: string): Promise<T>;
  type: 'swarm.Secret' | 'swarm.Config';
  pretty: string;
  prettyContext(o: T): object;
}

export async function inspectObjects<T extends { Version: { Index: number }; Spec: object }>(
  cli: DockerCli,
  flags: FlagValues,
  refs: string[],
  kind: InspectKind<T>,
): Promise<void> {
  let format = flags.string('format');
  if (flags.bool('pretty')) format = PRETTY_FORMAT_KEY;
  if (format.startsWith(PRETTY_FORMAT_KEY) && format !== PRETTY_FORMAT_KEY)
    throw new CliError('cannot supply extra formatting options to the pretty template');
  if (format !== PRETTY_FORMAT_KEY) {
    await inspectRefs(cli.out, refs, format, async (ref) => {
      const o = await kind.fetch(ref);
      return lazyElement(
        () => typedObject(o, kind.type),
        () => rawJSON(o),
      );
    });
    return;
  }
  // formatter.Context.Write: the output is written only when every object rendered
  const tmpl = parseDockerTemplate(kind.pretty);
  let out = '';
  for (const ref of refs) {
    try {
      out += tmpl.execute(kind.prettyContext(await kind.fetch(ref))) + '\n';
    } catch (err) {
      if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 1);
      throw new StatusError(err instanceof Error ? err.message : String(err), 1);
    }
  }
  cli.out.write(out);
}
