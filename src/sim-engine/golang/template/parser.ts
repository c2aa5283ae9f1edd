/**
 * The parser of Go's text/template (parse/parse.go, Go 1.24): recursive descent
 * with three tokens of look-ahead, variables checked at parse time, functions
 * checked against the func map, `{{define}}`/`{{block}}` adding trees to a set.
 * Errors read `template: <name>:<line>: <message>`; Docker's name is "".
 */
import { quote } from '../strconv-quote.ts';
import { TemplateError } from './errors.ts';
import { type Item, Lexer, T } from './lexer.ts';
import {
  isEmptyTree,
  type BranchNode,
  type ListNode,
  type Node,
  type PipeNode,
  type TemplateNode,
  type Tree,
} from './nodes.ts';
import { PipelineParser } from './parse-pipeline.ts';
import { ParseAbort, type ParseContext } from './parse-tokens.ts';

export type { ParseContext } from './parse-tokens.ts';

// Go 1.24 has no limit on nested control structures (newer Go does); a limit keeps
// JS recursion from overflowing the stack.
const MAX_CONTROL_DEPTH = 1000;

class ElseOrEnd {
  node: { type: 'else' | 'end'; pos: number; line: number };
  constructor(node: ElseOrEnd['node']) {
    this.node = node;
  }
}

class TreeParser extends PipelineParser {
  rangeDepth = 0;
  controlDepth = 0;

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
