/**
 * The one error type the template engine throws. Its message is exactly Go's
 * error text (`template: :1: function "foo" not defined`, `template: :1:2:
 * executing "" at <.Foo>: can't evaluate field Foo in type …`), so the CLI can wrap
 * it as docker does (`template parsing error: ` + message).
 */
export class TemplateError extends Error {
  /** 'parse' for errors from parseTemplate, 'exec' for errors from execute. */
  readonly phase: 'parse' | 'exec';
  /** What execution had written before it failed (Go leaves it in the writer). */
  partialOutput: string;

  constructor(message: string, phase: 'parse' | 'exec', partialOutput = '') {
    super(message);
    this.name = 'TemplateError';
    this.phase = phase;
    this.partialOutput = partialOutput;
  }
}
