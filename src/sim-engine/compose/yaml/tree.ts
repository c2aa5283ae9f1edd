/**
 * yaml.v3's parser.parse (decode.go): the events of the first document as a node tree —
 * each node's tag (explicit, or the default for its kind and style, or a plain scalar's
 * resolved one), its line, and anchors bound as their nodes start, so that an alias to
 * an anchor not yet seen is `unknown anchor 'x' referenced`.
 */
import { YamlError } from './errors.ts';
import { Parser, type YamlEvent } from './parser.ts';
import { MAP, MERGE, resolve, SEQ, shortTag, STR } from './resolve.ts';
import type { ScalarStyle } from './scanner.ts';

export type Kind = 'document' | 'sequence' | 'mapping' | 'scalar' | 'alias';

export interface Node {
  kind: Kind;
  tag: string;
  value: string;
  /** the scalar was quoted or a block scalar, or carried an explicit tag */
  style: ScalarStyle | 'tagged' | undefined;
  line: number;
  content: Node[];
  alias?: Node;
}

export class Composer {
  readonly #parser: Parser;
  #event: YamlEvent | undefined;
  readonly #anchors = new Map<string, Node>();

  constructor(input: string) {
    this.#parser = new Parser(input);
  }

  #peek(): YamlEvent {
    this.#event ??= this.#parser.next();
    return this.#event;
  }

  #expect(type: YamlEvent['type']): void {
    const e = this.#peek();
    if (e.type !== type) throw new YamlError('parser', `expected ${type} event but got ${e.type}`, e.start);
    this.#event = undefined;
  }

  /** parser.parse: the first document's tree, or undefined for an empty stream. */
  parse(): Node | undefined {
    this.#expect('STREAM-START');
    const e = this.#peek();
    if (e.type === 'STREAM-END') return undefined;
    return this.#node();
  }

  #node(): Node {
    const e = this.#peek();
    switch (e.type) {
      case 'SCALAR':
        return this.#scalar(e);
      case 'ALIAS':
        return this.#alias(e);
      case 'MAPPING-START':
        return this.#collection(e, 'mapping', MAP, 'MAPPING-END');
      case 'SEQUENCE-START':
        return this.#collection(e, 'sequence', SEQ, 'SEQUENCE-END');
      case 'DOCUMENT-START': {
        const n = this.#make('document', e, '', '', '');
        this.#expect('DOCUMENT-START');
        n.content.push(this.#node());
        this.#expect('DOCUMENT-END');
        return n;
      }
      default:
        throw new YamlError('composer', `attempted to parse unknown event: ${e.type}`);
    }
  }

  /** parser.node: an explicit tag wins, then the default tag, then a plain scalar's resolved tag. */
  #make(kind: Kind, e: YamlEvent, defaultTag: string, tag: string, value: string): Node {
    let style: Node['style'];
    if (tag !== '' && tag !== '!') {
      tag = shortTag(tag);
      style = 'tagged';
    } else if (defaultTag !== '') tag = defaultTag;
    else if (kind === 'scalar') tag = resolve('', value)[0];
    return { kind, tag, value, style, line: e.start.line + 1, content: [] };
  }

  #bindAnchor(n: Node, anchor: string | undefined): void {
    if (anchor !== undefined) this.#anchors.set(anchor, n);
  }

  #scalar(e: YamlEvent): Node {
    const value = e.value ?? '';
    const quoted = e.style !== undefined && e.style !== 'plain';
    const defaultTag = quoted ? STR : value === '<<' ? MERGE : '';
    const n = this.#make('scalar', e, defaultTag, e.tag ?? '', value);
    if (quoted && n.style === undefined) n.style = e.style;
    this.#bindAnchor(n, e.anchor);
    this.#expect('SCALAR');
    return n;
  }

  #alias(e: YamlEvent): Node {
    const name = e.anchor ?? '';
    const n = this.#make('alias', e, '', '', name);
    n.alias = this.#anchors.get(name);
    if (!n.alias) throw new YamlError('composer', `unknown anchor '${name}' referenced`);
    this.#expect('ALIAS');
    return n;
  }

  #collection(e: YamlEvent, kind: 'mapping' | 'sequence', defaultTag: string, end: YamlEvent['type']): Node {
    const n = this.#make(kind, e, defaultTag, e.tag ?? '', '');
    this.#bindAnchor(n, e.anchor);
    this.#expect(e.type);
    while (this.#peek().type !== end) n.content.push(this.#node());
    this.#expect(end);
    return n;
  }
}
