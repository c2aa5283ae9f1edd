/**
 * The YAML parser of gopkg.in/yaml.v3 (parserc.go, a port of libyaml): tokens from the
 * scanner become events (document, mapping, sequence, scalar, alias) through the same
 * state machine, failing with the same problems and context marks. Events are pulled
 * one at a time, so — as in yaml.v3 — nothing after the first document is parsed
 * unless the scanner already had to look at it.
 */
import { YamlError, type Mark } from './errors.ts';
import { Scanner, type ScalarStyle, type Token } from './scanner.ts';

export type EventType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'ALIAS'
  | 'SCALAR'
  | 'SEQUENCE-START'
  | 'SEQUENCE-END'
  | 'MAPPING-START'
  | 'MAPPING-END';

export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** scalar style; `plain` for an empty (missing) value */
  style?: ScalarStyle;
  flow?: boolean;
}

type State =
  | 'STREAM-START'
  | 'IMPLICIT-DOCUMENT-START'
  | 'DOCUMENT-START'
  | 'DOCUMENT-CONTENT'
  | 'DOCUMENT-END'
  | 'BLOCK-NODE'
  | 'BLOCK-NODE-OR-INDENTLESS-SEQUENCE'
  | 'FLOW-NODE'
  | 'BLOCK-SEQUENCE-FIRST-ENTRY'
  | 'BLOCK-SEQUENCE-ENTRY'
  | 'INDENTLESS-SEQUENCE-ENTRY'
  | 'BLOCK-MAPPING-FIRST-KEY'
  | 'BLOCK-MAPPING-KEY'
  | 'BLOCK-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-FIRST-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE'
  | 'FLOW-SEQUENCE-ENTRY-MAPPING-END'
  | 'FLOW-MAPPING-FIRST-KEY'
  | 'FLOW-MAPPING-KEY'
  | 'FLOW-MAPPING-VALUE'
  | 'FLOW-MAPPING-EMPTY-VALUE'
  | 'END';

const DEFAULT_TAG_DIRECTIVES: [string, string][] = [
  ['!', '!'],
  ['!!', 'tag:yaml.org,2002:'],
];

export class Parser {
  readonly #scanner: Scanner;
  #state: State = 'STREAM-START';
  #states: State[] = [];
  #marks: Mark[] = [];
  #tagDirectives: [string, string][] = [];

  constructor(input: string) {
    this.#scanner = new Scanner(input);
  }

  /** The next event (yaml_parser_parse); after the stream ends, STREAM-END again. */
  next(): YamlEvent {
    if (this.#scanner.streamEndProduced || this.#state === 'END') {
      const m = { index: 0, line: 0, column: 0 };
      return { type: 'STREAM-END', start: m, end: m };
    }
    return this.#stateMachine();
  }

  #error(problem: string, problemMark: Mark, context = '', contextMark?: Mark): never {
    throw new YamlError('parser', problem, problemMark, context, contextMark);
  }

  #peek(): Token {
    return this.#scanner.peek();
  }

  #skip(): void {
    this.#scanner.skip();
  }

  #pop(): State {
    return this.#states.pop()!;
  }

  #stateMachine(): YamlEvent {
    switch (this.#state) {
      case 'STREAM-START':
        return this.#streamStart();
      case 'IMPLICIT-DOCUMENT-START':
        return this.#documentStart(true);
      case 'DOCUMENT-START':
        return this.#documentStart(false);
      case 'DOCUMENT-CONTENT':
        return this.#documentContent();
      case 'DOCUMENT-END':
        return this.#documentEnd();
      case 'BLOCK-NODE':
        return this.#node(true, false);
      case 'BLOCK-NODE-OR-INDENTLESS-SEQUENCE':
        return this.#node(true, true);
      case 'FLOW-NODE':
        return this.#node(false, false);
      case 'BLOCK-SEQUENCE-FIRST-ENTRY':
        return this.#blockSequenceEntry(true);
      case 'BLOCK-SEQUENCE-ENTRY':
        return this.#blockSequenceEntry(false);
      case 'INDENTLESS-SEQUENCE-ENTRY':
        return this.#indentlessSequenceEntry();
      case 'BLOCK-MAPPING-FIRST-KEY':
        return this.#blockMappingKey(true);
      case 'BLOCK-MAPPING-KEY':
        return this.#blockMappingKey(false);
      case 'BLOCK-MAPPING-VALUE':
        return this.#blockMappingValue();
      case 'FLOW-SEQUENCE-FIRST-ENTRY':
        return this.#flowSequenceEntry(true);
      case 'FLOW-SEQUENCE-ENTRY':
        return this.#flowSequenceEntry(false);
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY':
        return this.#flowSequenceEntryMappingKey();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE':
        return this.#flowSequenceEntryMappingValue();
      case 'FLOW-SEQUENCE-ENTRY-MAPPING-END':
        return this.#flowSequenceEntryMappingEnd();
      case 'FLOW-MAPPING-FIRST-KEY':
        return this.#flowMappingKey(true);
      case 'FLOW-MAPPING-KEY':
        return this.#flowMappingKey(false);
      case 'FLOW-MAPPING-VALUE':
        return this.#flowMappingValue(false);
      case 'FLOW-MAPPING-EMPTY-VALUE':
        return this.#flowMappingValue(true);
      case 'END':
        throw new Error('invalid parser state');
    }
  }

  #streamStart(): YamlEvent {
    const token = this.#peek();
    if (token.type !== 'STREAM-START') this.#error('did not find expected <stream-start>', token.start);
    this.#state = 'IMPLICIT-DOCUMENT-START';
    this.#skip();
    return { type: 'STREAM-START', start: token.start, end: token.end };
  }

  #documentStart(implicit: boolean): YamlEvent {
    let token = this.#peek();
    if (!implicit) {
      while (token.type === 'DOCUMENT-END') {
        this.#skip();
        token = this.#peek();
      }
    }
    if (
      implicit &&
      token.type !== 'VERSION-DIRECTIVE' &&
      token.type !== 'TAG-DIRECTIVE' &&
      token.type !== 'DOCUMENT-START' &&
      token.type !== 'STREAM-END'
    ) {
      this.#processDirectives();
      this.#states.push('DOCUMENT-END');
      this.#state = 'BLOCK-NODE';
      return { type: 'DOCUMENT-START', start: token.start, end: token.end };
    }
    if (token.type !== 'STREAM-END') {
      const start = token.start;
      this.#processDirectives();
      token = this.#peek();
      if (token.type !== 'DOCUMENT-START') this.#error('did not find expected <document start>', token.start);
      this.#states.push('DOCUMENT-END');
      this.#state = 'DOCUMENT-CONTENT';
      const end = token.end;
      this.#skip();
      return { type: 'DOCUMENT-START', start, end };
    }
    this.#state = 'END';
    this.#skip();
    return { type: 'STREAM-END', start: token.start, end: token.end };
  }

  #documentContent(): YamlEvent {
    const token = this.#peek();
    if (
      token.type === 'VERSION-DIRECTIVE' ||
      token.type === 'TAG-DIRECTIVE' ||
      token.type === 'DOCUMENT-START' ||
      token.type === 'DOCUMENT-END' ||
      token.type === 'STREAM-END'
    ) {
      this.#state = this.#pop();
      return emptyScalar(token.start);
    }
    return this.#node(true, false);
  }

  #documentEnd(): YamlEvent {
    const token = this.#peek();
    const start = token.start;
    let end = token.start;
    if (token.type === 'DOCUMENT-END') {
      end = token.end;
      this.#skip();
    }
    this.#tagDirectives = [];
    this.#state = 'DOCUMENT-START';
    return { type: 'DOCUMENT-END', start, end };
  }

  #node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.#peek();
    if (token.type === 'ALIAS') {
      this.#state = this.#pop();
      this.#skip();
      return { type: 'ALIAS', start: token.start, end: token.end, anchor: token.value };
    }
    let start = token.start;
    let end = token.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor: string | undefined;
    let tagMark = token.start;
    if (token.type === 'ANCHOR') {
      anchor = token.value;
      start = token.start;
      end = token.end;
      this.#skip();
      token = this.#peek();
      if (token.type === 'TAG') {
        tagToken = true;
        tagHandle = token.value ?? '';
        tagSuffix = token.suffix ?? '';
        tagMark = token.start;
        end = token.end;
        this.#skip();
        token = this.#peek();
      }
    } else if (token.type === 'TAG') {
      tagToken = true;
      tagHandle = token.value ?? '';
      tagSuffix = token.suffix ?? '';
      start = token.start;
      tagMark = token.start;
      end = token.end;
      this.#skip();
      token = this.#peek();
      if (token.type === 'ANCHOR') {
        anchor = token.value;
        end = token.end;
        this.#skip();
        token = this.#peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle === '') tag = tagSuffix;
      else {
        const d = this.#tagDirectives.find(([handle]) => handle === tagHandle);
        if (d) tag = d[1] + tagSuffix;
        if (tag === '') this.#error('found undefined tag handle', tagMark, 'while parsing a node', start);
      }
    }
    const withTag = tag !== '' ? { tag } : {};
    if (indentlessSequence && token.type === 'BLOCK-ENTRY') {
      end = token.end;
      this.#state = 'INDENTLESS-SEQUENCE-ENTRY';
      return { type: 'SEQUENCE-START', start, end, anchor, ...withTag };
    }
    if (token.type === 'SCALAR') {
      end = token.end;
      this.#state = this.#pop();
      this.#skip();
      return { type: 'SCALAR', start, end, anchor, ...withTag, value: token.value, style: token.style };
    }
    if (token.type === 'FLOW-SEQUENCE-START') {
      this.#state = 'FLOW-SEQUENCE-FIRST-ENTRY';
      return { type: 'SEQUENCE-START', start, end: token.end, anchor, ...withTag, flow: true };
    }
    if (token.type === 'FLOW-MAPPING-START') {
      this.#state = 'FLOW-MAPPING-FIRST-KEY';
      return { type: 'MAPPING-START', start, end: token.end, anchor, ...withTag, flow: true };
    }
    if (block && token.type === 'BLOCK-SEQUENCE-START') {
      this.#state = 'BLOCK-SEQUENCE-FIRST-ENTRY';
      return { type: 'SEQUENCE-START', start, end: token.end, anchor, ...withTag };
    }
    if (block && token.type === 'BLOCK-MAPPING-START') {
      this.#state = 'BLOCK-MAPPING-FIRST-KEY';
      return { type: 'MAPPING-START', start, end: token.end, anchor, ...withTag };
    }
    if (anchor !== undefined || tag !== '') {
      // an anchor or tag with no node: an empty plain scalar
      this.#state = this.#pop();
      return { type: 'SCALAR', start, end, anchor, ...withTag, value: '', style: 'plain' };
    }
    this.#error(
      'did not find expected node content',
      token.start,
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
    );
  }

  #blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.#marks.push(this.#peek().start);
      this.#skip();
    }
    let token = this.#peek();
    if (token.type === 'BLOCK-ENTRY') {
      const mark = token.end;
      this.#skip();
      token = this.#peek();
      if (token.type !== 'BLOCK-ENTRY' && token.type !== 'BLOCK-END') {
        this.#states.push('BLOCK-SEQUENCE-ENTRY');
        return this.#node(true, false);
      }
      this.#state = 'BLOCK-SEQUENCE-ENTRY';
      return emptyScalar(mark);
    }
    if (token.type === 'BLOCK-END') {
      this.#state = this.#pop();
      this.#marks.pop();
      this.#skip();
      return { type: 'SEQUENCE-END', start: token.start, end: token.end };
    }
    const contextMark = this.#marks.pop()!;
    this.#error(
      "did not find expected '-' indicator",
      token.start,
      'while parsing a block collection',
      contextMark,
    );
  }

  #indentlessSequenceEntry(): YamlEvent {
    let token = this.#peek();
    if (token.type === 'BLOCK-ENTRY') {
      const mark = token.end;
      this.#skip();
      token = this.#peek();
      if (
        token.type !== 'BLOCK-ENTRY' &&
        token.type !== 'KEY' &&
        token.type !== 'VALUE' &&
        token.type !== 'BLOCK-END'
      ) {
        this.#states.push('INDENTLESS-SEQUENCE-ENTRY');
        return this.#node(true, false);
      }
      this.#state = 'INDENTLESS-SEQUENCE-ENTRY';
      return emptyScalar(mark);
    }
    this.#state = this.#pop();
    return { type: 'SEQUENCE-END', start: token.start, end: token.start };
  }

  #blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.#marks.push(this.#peek().start);
      this.#skip();
    }
    let token = this.#peek();
    if (token.type === 'KEY') {
      const mark = token.end;
      this.#skip();
      token = this.#peek();
      if (token.type !== 'KEY' && token.type !== 'VALUE' && token.type !== 'BLOCK-END') {
        this.#states.push('BLOCK-MAPPING-VALUE');
        return this.#node(true, true);
      }
      this.#state = 'BLOCK-MAPPING-VALUE';
      return emptyScalar(mark);
    }
    if (token.type === 'BLOCK-END') {
      this.#state = this.#pop();
      this.#marks.pop();
      this.#skip();
      return { type: 'MAPPING-END', start: token.start, end: token.end };
    }
    const contextMark = this.#marks.pop()!;
    this.#error('did not find expected key', token.start, 'while parsing a block mapping', contextMark);
  }

  #blockMappingValue(): YamlEvent {
    let token = this.#peek();
    if (token.type === 'VALUE') {
      const mark = token.end;
      this.#skip();
      token = this.#peek();
      if (token.type !== 'KEY' && token.type !== 'VALUE' && token.type !== 'BLOCK-END') {
        this.#states.push('BLOCK-MAPPING-KEY');
        return this.#node(true, true);
      }
      this.#state = 'BLOCK-MAPPING-KEY';
      return emptyScalar(mark);
    }
    this.#state = 'BLOCK-MAPPING-KEY';
    return emptyScalar(token.start);
  }

  #flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.#marks.push(this.#peek().start);
      this.#skip();
    }
    let token = this.#peek();
    if (token.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (token.type === 'FLOW-ENTRY') {
          this.#skip();
          token = this.#peek();
        } else {
          const contextMark = this.#marks.pop()!;
          this.#error(
            "did not find expected ',' or ']'",
            token.start,
            'while parsing a flow sequence',
            contextMark,
          );
        }
      }
      if (token.type === 'KEY') {
        this.#state = 'FLOW-SEQUENCE-ENTRY-MAPPING-KEY';
        this.#skip();
        return { type: 'MAPPING-START', start: token.start, end: token.end, flow: true };
      }
      if (token.type !== 'FLOW-SEQUENCE-END') {
        this.#states.push('FLOW-SEQUENCE-ENTRY');
        return this.#node(false, false);
      }
    }
    this.#state = this.#pop();
    this.#marks.pop();
    this.#skip();
    return { type: 'SEQUENCE-END', start: token.start, end: token.end };
  }

  #flowSequenceEntryMappingKey(): YamlEvent {
    const token = this.#peek();
    if (token.type !== 'VALUE' && token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-SEQUENCE-END') {
      this.#states.push('FLOW-SEQUENCE-ENTRY-MAPPING-VALUE');
      return this.#node(false, false);
    }
    const mark = token.end;
    this.#skip();
    this.#state = 'FLOW-SEQUENCE-ENTRY-MAPPING-VALUE';
    return emptyScalar(mark);
  }

  #flowSequenceEntryMappingValue(): YamlEvent {
    let token = this.#peek();
    if (token.type === 'VALUE') {
      this.#skip();
      token = this.#peek();
      if (token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-SEQUENCE-END') {
        this.#states.push('FLOW-SEQUENCE-ENTRY-MAPPING-END');
        return this.#node(false, false);
      }
    }
    this.#state = 'FLOW-SEQUENCE-ENTRY-MAPPING-END';
    return emptyScalar(token.start);
  }

  #flowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.#peek();
    this.#state = 'FLOW-SEQUENCE-ENTRY';
    return { type: 'MAPPING-END', start: token.start, end: token.start };
  }

  #flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.#marks.push(this.#peek().start);
      this.#skip();
    }
    let token = this.#peek();
    if (token.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (token.type === 'FLOW-ENTRY') {
          this.#skip();
          token = this.#peek();
        } else {
          const contextMark = this.#marks.pop()!;
          this.#error(
            "did not find expected ',' or '}'",
            token.start,
            'while parsing a flow mapping',
            contextMark,
          );
        }
      }
      if (token.type === 'KEY') {
        this.#skip();
        token = this.#peek();
        if (token.type !== 'VALUE' && token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-MAPPING-END') {
          this.#states.push('FLOW-MAPPING-VALUE');
          return this.#node(false, false);
        }
        this.#state = 'FLOW-MAPPING-VALUE';
        return emptyScalar(token.start);
      }
      if (token.type !== 'FLOW-MAPPING-END') {
        this.#states.push('FLOW-MAPPING-EMPTY-VALUE');
        return this.#node(false, false);
      }
    }
    this.#state = this.#pop();
    this.#marks.pop();
    this.#skip();
    return { type: 'MAPPING-END', start: token.start, end: token.end };
  }

  #flowMappingValue(empty: boolean): YamlEvent {
    let token = this.#peek();
    if (empty) {
      this.#state = 'FLOW-MAPPING-KEY';
      return emptyScalar(token.start);
    }
    if (token.type === 'VALUE') {
      this.#skip();
      token = this.#peek();
      if (token.type !== 'FLOW-ENTRY' && token.type !== 'FLOW-MAPPING-END') {
        this.#states.push('FLOW-MAPPING-KEY');
        return this.#node(false, false);
      }
    }
    this.#state = 'FLOW-MAPPING-KEY';
    return emptyScalar(token.start);
  }

  #processDirectives(): void {
    let version = false;
    let token = this.#peek();
    while (token.type === 'VERSION-DIRECTIVE' || token.type === 'TAG-DIRECTIVE') {
      if (token.type === 'VERSION-DIRECTIVE') {
        if (version) this.#error('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1)
          this.#error('found incompatible YAML document', token.start);
        version = true;
      } else {
        this.#appendTagDirective(token.value ?? '', token.prefix ?? '', false, token.start);
      }
      this.#skip();
      token = this.#peek();
    }
    for (const [handle, prefix] of DEFAULT_TAG_DIRECTIVES)
      this.#appendTagDirective(handle, prefix, true, token.start);
  }

  #appendTagDirective(handle: string, prefix: string, allowDuplicates: boolean, mark: Mark): void {
    if (this.#tagDirectives.some(([h]) => h === handle)) {
      if (allowDuplicates) return;
      this.#error('found duplicate %TAG directive', mark);
    }
    this.#tagDirectives.push([handle, prefix]);
  }
}

function emptyScalar(mark: Mark): YamlEvent {
  return { type: 'SCALAR', start: mark, end: mark, value: '', style: 'plain' };
}
