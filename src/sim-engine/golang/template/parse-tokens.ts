/**
 * The parser's token stream (parse/parse.go): three tokens of look-ahead over the
 * lexer, and Go's ways of failing — `template: <name>:<line>: unexpected … in …`.
 */
import { unquote } from '../strconv-quote.ts';
import { type Item, itemString, type Lexer, T } from './lexer.ts';
import type { Tree } from './nodes.ts';

/** Thrown inside the parser, turned into a TemplateError at the top. */
export class ParseAbort {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export interface ParseContext {
  hasFunction: (name: string) => boolean;
  treeSet: Map<string, Tree>;
  skipFuncCheck?: boolean;
}

export class TokenStream {
  readonly tree: Tree;
  readonly lex: Lexer;
  readonly ctx: ParseContext;
  token: Item[] = [];
  peekCount = 0;
  /** line of the left delimiter that started the current action */
  actionLine = 0;

  constructor(tree: Tree, lex: Lexer, ctx: ParseContext) {
    this.tree = tree;
    this.lex = lex;
    this.ctx = ctx;
  }

  // --- token stream -------------------------------------------------------

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }
  backup(): void {
    this.peekCount++;
  }
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  nextNonSpace(): Item {
    for (;;) {
      const token = this.next();
      if (token.typ !== T.Space) return token;
    }
  }
  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors -----------------------------------------------------------------

  errorf(message: string): never {
    const line = this.token[0]?.line ?? 1;
    throw new ParseAbort(`template: ${this.tree.parseName}:${line}: ${message}`);
  }
  expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }
  expectOneOf(a: T, b: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== a && token.typ !== b) this.unexpected(token, context);
    return token;
  }
  unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.tree.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(itemString(token) + extra);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  unquote(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      return this.errorf((e as Error).message);
    }
  }
}
