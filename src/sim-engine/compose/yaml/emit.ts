/**
 * The YAML text gopkg.in/yaml.v3 v3.0.1 writes for a document (emitterc.go, libyaml's
 * emitter as yaml.v3 changed it), for the shapes its Encoder produces from Go values:
 * block mappings and block sequences, `{}` and `[]` for empty ones, and scalars in the
 * style encode.go asked for (plain, double-quoted or literal), which the emitter may
 * change after looking at the text (yaml_emitter_analyze_scalar and
 * yaml_emitter_select_scalar_style). The width is unlimited (yaml.v3 sets best_width to
 * -1), so nothing is ever folded; the indentation is the Encoder's SetIndent. Column,
 * `whitespace` and `indention` are tracked as the emitter tracks them, because where
 * it breaks lines and puts spaces follows from them.
 */

/** The style encode.go asks for; the emitter may pick another. */
export type RequestedStyle = 'plain' | 'double' | 'literal';

export type EmitNode =
  | { kind: 'scalar'; value: string; style: RequestedStyle }
  | { kind: 'seq'; items: EmitNode[] }
  | { kind: 'map'; pairs: [EmitNode, EmitNode][] };

type Style = RequestedStyle | 'single';

/** What yaml_emitter_analyze_scalar finds in a scalar. */
interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: number | undefined): boolean => c === 0x20;
const isBreak = (c: number | undefined): boolean =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
const isBlankz = (c: number | undefined): boolean => c === undefined || isBlank(c) || isBreak(c) || c === 0;

/** is_printable, read on code points rather than UTF-8 bytes (so no 4-byte character is printable). */
function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

function utf8Length(cps: number[]): number {
  return cps.reduce((n, c) => n + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4), 0);
}

/** yaml_emitter_analyze_scalar */
export function analyzeScalar(cps: number[]): Analysis {
  if (cps.length === 0)
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = String.fromCodePoint(...cps.slice(0, 3));
  if (head === '---' || head === '...') blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(String.fromCodePoint(c))) blockIndicators = true;
      else if ((c === 0x3f || c === 0x3a || c === 0x2d) && followedByWhitespace) blockIndicators = true;
    } else if ((c === 0x3a && followedByWhitespace) || (c === 0x23 && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (c === 0x09) tabs = true;
    else if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: Analysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace || spaceBreak || tabs || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) a.blockAllowed = false;
  if (lineBreaks || blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** yaml_emitter_select_scalar_style, in block context (flow_level is 0: only empty collections are flow). */
function selectStyle(requested: RequestedStyle, a: Analysis, simpleKey: boolean, empty: boolean): Style {
  let style: Style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (empty && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escape(c: number): string {
  const named = ESCAPES[c];
  if (named !== undefined) return '\\' + named;
  const [letter, digits] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return '\\' + letter + c.toString(16).toUpperCase().padStart(digits, '0');
}

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;
  readonly indents: number[] = [];
  readonly bestIndent: number;

  constructor(bestIndent: number) {
    this.bestIndent = bestIndent;
  }

  put(s: string): void {
    this.out += s;
    this.column++;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
    this.indention = true;
  }

  /** write_break: a `\n` is the output's line break; another break character is copied. */
  writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
      this.indention = true;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent; `inSequence`: the node is an item of a block sequence. */
  increaseIndent(flow: boolean, inSequence: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0;
    else if (inSequence) this.indent += 2;
    else this.indent = this.bestIndent * Math.floor((this.indent + this.bestIndent) / this.bestIndent);
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  node(n: EmitNode, inSequence: boolean, simpleKey: boolean): void {
    if (n.kind === 'scalar') return this.scalar(n, inSequence, simpleKey);
    if (n.kind === 'map' ? n.pairs.length === 0 : n.items.length === 0) {
      // an empty collection is written in flow style: the indent pushed and popped changes nothing
      this.writeIndicator(n.kind === 'map' ? '{' : '[', true, true, false);
      this.writeIndicator(n.kind === 'map' ? '}' : ']', false, false, false);
      return;
    }
    this.increaseIndent(false, inSequence);
    if (n.kind === 'seq')
      for (const item of n.items) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.node(item, true, false);
      }
    else
      for (const [key, value] of n.pairs) {
        this.writeIndent();
        if (isSimpleKey(key)) {
          this.node(key, false, true);
          this.writeIndicator(':', false, false, false);
        } else {
          this.writeIndicator('?', true, false, true);
          this.node(key, false, false);
          this.writeIndent();
          this.writeIndicator(':', true, false, true);
        }
        this.node(value, false, false);
      }
    this.popIndent();
  }

  scalar(n: Extract<EmitNode, { kind: 'scalar' }>, inSequence: boolean, simpleKey: boolean): void {
    const cps = [...n.value].map((ch) => ch.codePointAt(0)!);
    const style = selectStyle(n.style, analyzeScalar(cps), simpleKey, cps.length === 0);
    this.increaseIndent(true, inSequence);
    if (style === 'plain') this.plain(cps);
    else if (style === 'single') this.singleQuoted(cps);
    else if (style === 'double') this.doubleQuoted(cps);
    else this.literal(cps);
    this.popIndent();
  }

  /** yaml_emitter_write_plain_scalar: a plain scalar never holds a break here. */
  plain(cps: number[]): void {
    if (cps.length > 0 && !this.whitespace) this.put(' ');
    for (const c of cps) this.put(String.fromCodePoint(c));
    if (cps.length > 0) this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(cps: number[]): void {
    this.writeIndicator("'", true, false, false);
    let breaks = false;
    for (const c of cps) {
      if (isSpace(c)) this.put(' ');
      else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  doubleQuoted(cps: number[]): void {
    this.writeIndicator('"', true, false, false);
    // is_bom looks at the start of the value, not at the character: after a BOM, all is escaped
    const bom = cps[0] === 0xfeff;
    for (const c of cps) {
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.out += escape(c);
        this.column += escape(c).length;
      } else this.put(String.fromCodePoint(c));
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** yaml_emitter_write_literal_scalar with yaml_emitter_write_block_scalar_hints. */
  literal(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    if (isSpace(cps[0]) || isBreak(cps[0])) this.writeIndicator(String(this.bestIndent), false, false, false);
    const last = cps[cps.length - 1];
    let chomp = '';
    if (cps.length === 0 || !isBreak(last)) chomp = '-';
    else if (cps.length === 1 || isBreak(cps[cps.length - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** yaml_emitter_check_simple_key for a key: a one-line scalar of at most 128 bytes, or an empty collection. */
function isSimpleKey(key: EmitNode): boolean {
  if (key.kind === 'map') return key.pairs.length === 0;
  if (key.kind === 'seq') return key.items.length === 0;
  const cps = [...key.value].map((ch) => ch.codePointAt(0)!);
  return !analyzeScalar(cps).multiline && utf8Length(cps) <= 128;
}

/**
 * One document as yaml.v3's Encoder writes it with SetIndent(indent) and no Close: no
 * `---`, and a final line break.
 */
export function emitDocument(root: EmitNode, indent = 4): string {
  const e = new Emitter(indent < 2 || indent > 9 ? 2 : indent);
  e.node(root, false, false);
  e.writeIndent();
  return e.out;
}
