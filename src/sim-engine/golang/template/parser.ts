/**
 * The parser of Go's text/template (parse/parse.go, Go 1.24): recursive descent
 * with three tokens of look-ahead, variables checked at parse time, functions
 * checked against the func map, `{{define}}`/`{{block}}` adding trees to a set.
 * Errors read `template: <name>:<line>: <message>`; Docker's name is "".
 */
import { quote, unquote } from '../strconv-quote.ts';
import { TemplateError } from './errors.ts';
import { type Item, itemString, Lexer, T } from './lexer.ts';
import { parseNumberLiteral } from './number-literal.ts';
import {
  isEmptyTree,
  nodeString,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type PipeNode,
  type TemplateNode,
  type Tree,
  type VariableNode,
} from './nodes.ts';

// Go allows 10000 nested parentheses (1000 on wasm); nesting is recursion here too,
// so we keep the wasm limit, far beyond any format string.
const MAX_STACK_DEPTH = 1000;
const MAX_CONTROL_DEPTH = 1000;
const MAX_PIPELINE_CMDS = 100000;

/** Thrown inside the parser, turned into a TemplateError at the top. */
class ParseAbort {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

class ElseOrEnd {
  node: { type: 'else' | 'end'; pos: number; line: number };
  constructor(node: ElseOrEnd['node']) {
    this.node = node;
  }
}

export interface ParseContext {
  hasFunction: (name: string) => boolean;
  treeSet: Map<string, Tree>;
  skipFuncCheck?: boolean;
}

class TreeParser {
  readonly tree: Tree;
  readonly lex: Lexer;
  readonly ctx: ParseContext;
  token: Item[] = [];
  peekCount = 0;
  vars: string[] = ['$'];
  actionLine = 0;
  rangeDepth = 0;
  stackDepth = 0;
  controlDepth = 0;

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

  // --- structure ----------------------------------------------------------------

  /** parse: the top level, which may also hold {{define}}s. */
  parse(): void {
    this.tree.root = this.newList(this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const child = this.childTree('definition');
          child.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n instanceof ElseOrEnd) this.errorf(`unexpected ${n.node.type === 'end' ? '{{end}}' : '{{else}}'}`);
      this.tree.root.nodes.push(n);
    }
  }

  childTree(name: string): TreeParser {
    const tree: Tree = { name, parseName: this.tree.parseName, root: this.newList(0), text: this.tree.text };
    return new TreeParser(tree, this.lex, this.ctx);
  }

  add(): void {
    const existing = this.ctx.treeSet.get(this.tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.ctx.treeSet.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root)) {
      this.errorf(`template: multiple definition of template ${quote(this.tree.name)}`);
    }
  }

  parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(T.String, T.RawString, context);
    this.tree.name = this.unquote(name.val);
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.tree.root = list;
    if (end.node.type !== 'end') this.errorf(`unexpected {{else}} in ${context}`);
    this.add();
  }

  unquote(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      return this.errorf((e as Error).message);
    }
  }

  newList(pos: number): ListNode {
    return { type: 'list', pos, tree: this.tree, nodes: [] };
  }

  /** itemList: textOrAction* up to {{end}} or {{else}}, which is returned separately. */
  itemList(): [ListNode, ElseOrEnd] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n instanceof ElseOrEnd) return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  textOrAction(): Node | ElseOrEnd {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: 'text', pos: token.pos, tree: this.tree, text: token.val };
      case T.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case T.Comment:
        return { type: 'comment', pos: token.pos, tree: this.tree, text: token.val };
      default:
        return this.unexpected(token, 'input');
    }
  }

  action(): Node | ElseOrEnd {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token);
      case T.Continue:
        return this.continueControl(token);
      case T.Else:
        return this.elseControl();
      case T.End:
        return new ElseOrEnd({ type: 'end', pos: this.expect(T.RightDelim, 'end').pos, line: token.line });
      case T.If:
        return this.branch('if');
      case T.Range:
        return this.branch('range');
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch('with');
    }
    this.backup();
    const t = this.peek();
    // Do not pop variables; they persist until "end".
    return {
      type: 'action',
      pos: t.pos,
      line: t.line,
      tree: this.tree,
      pipe: this.pipeline('command', T.RightDelim),
    };
  }

  breakControl(token: Item): Node {
    const next = this.nextNonSpace();
    if (next.typ !== T.RightDelim) this.unexpected(next, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return { type: 'break', pos: token.pos, line: token.line, tree: this.tree };
  }

  continueControl(token: Item): Node {
    const next = this.nextNonSpace();
    if (next.typ !== T.RightDelim) this.unexpected(next, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return { type: 'continue', pos: token.pos, line: token.line, tree: this.tree };
  }

  elseControl(): ElseOrEnd {
    const peek = this.peekNonSpace();
    // "{{else if ..." and "{{else with ..." are "{{else}}{{if ...": leave the keyword pending
    if (peek.typ === T.If || peek.typ === T.With)
      return new ElseOrEnd({ type: 'else', pos: peek.pos, line: peek.line });
    const token = this.expect(T.RightDelim, 'else');
    return new ElseOrEnd({ type: 'else', pos: token.pos, line: token.line });
  }

  branch(context: 'if' | 'range' | 'with'): BranchNode {
    if (++this.controlDepth > MAX_CONTROL_DEPTH) this.errorf('max control structure depth exceeded');
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === 'range') this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.node.type === 'else') {
        if (context === 'if' && this.peek().typ === T.If) {
          this.next();
          elseList = this.newList(next.node.pos);
          elseList.nodes.push(this.branch('if'));
        } else if (context === 'with' && this.peek().typ === T.With) {
          this.next();
          elseList = this.newList(next.node.pos);
          elseList.nodes.push(this.branch('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.node.type !== 'end') this.errorf('expected end; found {{else}}');
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, tree: this.tree, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
      this.controlDepth--;
    }
  }

  blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = this.childTree(name);
    block.controlDepth = this.controlDepth + 1;
    if (block.controlDepth > MAX_CONTROL_DEPTH) this.errorf('max control structure depth exceeded');
    const [list, end] = block.itemList();
    block.tree.root = list;
    if (end.node.type !== 'end') this.errorf(`unexpected {{else}} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, tree: this.tree, name, pipe };
  }

  templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      // Do not pop variables; they persist until "end".
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, tree: this.tree, name, pipe };
  }

  parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquote(token.val);
    return this.unexpected(token, context);
  }

  // --- pipelines ------------------------------------------------------------------

  pipeline(context: string, end: T): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = {
      type: 'pipe',
      pos: first.pos,
      line: first.line,
      tree: this.tree,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    // Are there declarations or assignments?
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      // Since space is a token, we need 3-token look-ahead here in the worst case:
      // in "$x foo" we need to read "foo" (as opposed to ":=") to know that $x is an
      // argument variable rather than a declaration.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > MAX_PIPELINE_CMDS) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    // Only the first command of a pipeline can start with a non executable operand.
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, tree: this.tree, args: [] };
    for (;;) {
      this.peekNonSpace(); // skip leading spaces
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): Node | null {
    let node = this.term();
    if (!node) return null;
    if (this.peek().typ === T.Field) {
      const chainPos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === T.Field) fields.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, tree: this.tree, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = this.newVariable(chainPos, [...node.ident, ...fields].join('.'));
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, tree: this.tree, node, field: fields };
      }
    }
    return node;
  }

  term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.ctx.skipFuncCheck && !this.ctx.hasFunction(token.val)) {
          this.errorf(`function ${quote(token.val)} not defined`);
        }
        return { type: 'identifier', pos: token.pos, tree: this.tree, ident: token.val };
      case T.Dot:
        return { type: 'dot', pos: token.pos, tree: this.tree };
      case T.Nil:
        return { type: 'nil', pos: token.pos, tree: this.tree };
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return { type: 'field', pos: token.pos, tree: this.tree, ident: token.val.slice(1).split('.') };
      case T.Bool:
        return { type: 'bool', pos: token.pos, tree: this.tree, value: token.val === 'true' };
      case T.CharConstant:
      case T.Complex:
      case T.Number: {
        const kind = token.typ === T.CharConstant ? 'char' : token.typ === T.Complex ? 'complex' : 'number';
        try {
          const n = parseNumberLiteral(token.val, kind);
          return { type: 'number', pos: token.pos, tree: this.tree, text: token.val, ...n };
        } catch (e) {
          return this.errorf((e as Error).message);
        }
      }
      case T.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', T.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case T.String:
      case T.RawString:
        return {
          type: 'string',
          pos: token.pos,
          tree: this.tree,
          quoted: token.val,
          text: this.unquote(token.val),
        };
    }
    this.backup();
    return null;
  }

  newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, tree: this.tree, ident: ident.split('.') };
  }

  useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }
}

export interface ParseResult {
  trees: Map<string, Tree>;
}

/**
 * Parse `text` as the template `name`, adding it and its definitions to `ctx.treeSet`.
 * Throws a TemplateError with Go's message.
 */
export function parseTree(name: string, text: string, ctx: ParseContext): Tree {
  const lex = new Lexer(text);
  lex.options = {
    emitComment: false,
    breakOK: !ctx.hasFunction('break'),
    continueOK: !ctx.hasFunction('continue'),
  };
  const tree: Tree = { name, parseName: name, root: { type: 'list', pos: 0, tree: null!, nodes: [] }, text };
  tree.root.tree = tree;
  const p = new TreeParser(tree, lex, ctx);
  try {
    p.parse();
    p.add();
  } catch (e) {
    if (e instanceof ParseAbort) throw new TemplateError(e.message, 'parse');
    if (e instanceof RangeError)
      throw new TemplateError(`template: ${name}:1: max expression depth exceeded`, 'parse');
    throw e;
  }
  return tree;
}
