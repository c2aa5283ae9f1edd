/**
 * docker/cli's formatter.Context: a `--format` that is `table …` (a header row and
 * columns aligned by the tabwriter), `json` (`{{json .}}`), or any Go template, run
 * once per item. Parse and execution errors read `template parsing error: …`.
 */
import { marshal } from '../../golang/json.ts';
import { TabWriter } from '../../golang/tabwriter.ts';
import { dockerHeaderFuncs, parseDockerTemplate, TemplateError } from '../../golang/template/index.ts';
import type { Template } from '../../golang/template/index.ts';
import { withGoMethods } from '../../golang/reflect.ts';
import { goMap } from '../../golang/values.ts';
import type { Writer } from '../../process/types.ts';
import { CliError } from '../errors.ts';

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const PRETTY_FORMAT_KEY = 'pretty';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';

export const isTable = (format: string) => format.startsWith(TABLE_FORMAT_KEY);

/** Every context's header is a map from field to column title (formatter.SubHeaderContext). */
export type HeaderMap = Record<string, string>;

/** preFormat: strip `table`, expand `json`, trim spaces, turn `\t` and `\n` into real ones. */
function finalFormat(format: string): string {
  let f = format;
  if (isTable(f)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (f === JSON_FORMAT_KEY) f = '{{json .}}';
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

function parse(text: string): Template {
  try {
    return parseDockerTemplate(text);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
    throw err;
  }
}

/**
 * Render `items` with `format` to `out` (formatter.Context.Write). The header map is
 * the one of the command's context type; items are its per-row contexts.
 */
export function writeFormatted(
  out: Writer,
  format: string,
  header: HeaderMap,
  items: readonly object[],
): void {
  const tmpl = parse(finalFormat(format));
  let body = '';
  for (const item of items) {
    try {
      body += tmpl.execute(item) + '\n';
    } catch (err) {
      if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`);
      throw err;
    }
  }
  if (!isTable(format)) {
    out.write(body);
    return;
  }
  const tw = new TabWriter(10, 1, 3, ' ', 0);
  let head: string;
  try {
    // formatter.SubHeaderContext: a map[string]string with a Label method
    const sub = withGoMethods(goMap({ ...header }, 'formatter.SubHeaderContext'), {
      Label: (name: string) => name.split('.').at(-1)!.replace(/[-_]/g, ' '),
    });
    head = tmpl.funcs(dockerHeaderFuncs).execute(sub);
  } catch (err) {
    // docker ignores errors rendering the header, keeping what was written before
    head = (err as { partialOutput?: string }).partialOutput ?? '';
  }
  tw.write(head + '\n' + body);
  out.write(tw.flush());
}

/**
 * formatter.MarshalJSON: a context as JSON — every exported method without
 * arguments, as a map (so keys come out sorted).
 */
export function marshalContext(ctx: object): string {
  const out: Record<string, unknown> = {};
  for (let o: object | null = ctx; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name in out || !/^[A-Z]/.test(name) || name === 'FullHeader' || name === 'MarshalJSON') continue;
      const fn = (ctx as Record<string, unknown>)[name];
      if (typeof fn !== 'function' || fn.length !== 0) continue;
      out[name] = (fn as () => unknown).call(ctx);
    }
  }
  return marshal(goMap(out));
}
