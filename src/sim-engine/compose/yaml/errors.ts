/**
 * How gopkg.in/yaml.v3 reports a file it cannot read (decode.go `parser.fail`): the
 * libyaml problem, prefixed by `line N: ` where N is the context mark's line if it is
 * not the first line, else the problem mark's line — 1-based for scanner errors, but
 * 0-based for parser errors (yaml.v3 adds 1 only to the former), and no line at all
 * when both are on the first line or the reader failed.
 */

/** A position in the input: code points from the start, 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type YamlErrorKind = 'reader' | 'scanner' | 'parser' | 'composer';

export class YamlError extends Error {
  readonly kind: YamlErrorKind;
  readonly problem: string;
  readonly problemMark?: Mark;
  readonly context: string;
  readonly contextMark?: Mark;

  constructor(kind: YamlErrorKind, problem: string, problemMark?: Mark, context = '', contextMark?: Mark) {
    super(yamlMessage(kind, problem, problemMark, contextMark));
    this.kind = kind;
    this.problem = problem;
    this.problemMark = problemMark;
    this.context = context;
    this.contextMark = contextMark;
  }
}

function yamlMessage(kind: YamlErrorKind, problem: string, problemMark?: Mark, contextMark?: Mark): string {
  // the composer's own failures (failf) carry their text as is
  if (kind === 'composer') return 'yaml: ' + problem;
  let line = 0;
  if (contextMark && contextMark.line !== 0) line = contextMark.line + (kind === 'scanner' ? 1 : 0);
  else if (problemMark && problemMark.line !== 0) line = problemMark.line + (kind === 'scanner' ? 1 : 0);
  const where = line !== 0 ? `line ${line}: ` : '';
  return `yaml: ${where}${problem || 'unknown problem parsing YAML content'}`;
}
