/**
 * nginx's configuration language: `name args;` and `name args { … }`, with quotes,
 * escapes, `#` comments and `include` (globs, relative to /etc/nginx). The parser
 * gives a tree of directives with their file and line, or the `[emerg]` text nginx
 * prints for a broken file (`unknown directive "foo" in /etc/nginx/conf.d/x.conf:3`).
 */
import { expandGlob, hasGlob } from '../../../fs/glob.ts';
import type { FileSystem } from '../../../fs/types.ts';
import { KNOWN_DIRECTIVES, KNOWN_PREFIXES, ARGS } from './directives.ts';

export interface Directive {
  name: string;
  args: string[];
  file: string;
  line: number;
  block?: Directive[];
}

export class ConfigError extends Error {
  /** the emerg text without the `nginx: [emerg] ` prefix */
  constructor(message: string) {
    super(message);
  }
}

export const PREFIX = '/etc/nginx';

/** Blocks whose lines are data, not directives (`text/html html htm;`). */
const FREE_FORM = new Set(['types', 'map', 'geo', 'split_clients', 'charset_map', 'match']);

type Token = { kind: 'word'; text: string; line: number } | { kind: ';' | '{' | '}'; line: number };

/**
 * Every container of an image reads the same files: their tokens are kept (a few
 * dozen texts at most in a lab). Tokenizing throws for a bad file, which is not kept.
 * Keyed by the text (the file's own string, whose hash is computed once), then by the
 * file name, which the tokens' errors carry.
 */
const tokenCache = new Map<string, Map<string, readonly Token[]>>();
const TOKEN_CACHE_SIZE = 64;

function tokenize(text: string, file: string): readonly Token[] {
  let byFile = tokenCache.get(text);
  const cached = byFile?.get(file);
  if (cached) return cached;
  const tokens = tokenizeText(text, file);
  if (!byFile) {
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
    byFile = new Map();
    tokenCache.set(text, byFile);
  }
  if (byFile.size >= TOKEN_CACHE_SIZE) byFile.clear();
  byFile.set(file, tokens);
  return tokens;
}

function tokenizeText(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') i++;
    else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ kind: ch, line });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = line;
      let word = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          word +=
            next === ch || next === '\\' ? next : next === 'n' ? '\n' : next === 't' ? '\t' : '\\' + next;
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        word += text[i++];
      }
      if (i >= text.length)
        throw new ConfigError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      i++;
      tokens.push({ kind: 'word', text: word, line: start });
    } else {
      let word = '';
      while (i < text.length && !' \t\r\n;{}'.includes(text[i]!)) {
        if (text[i] === '\\' && i + 1 < text.length) {
          word += text[i + 1];
          i += 2;
          continue;
        }
        // `${var}` keeps its braces inside a word
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          if (close > 0) {
            word += text.slice(i, close + 1);
            i = close + 1;
            continue;
          }
        }
        word += text[i++];
      }
      tokens.push({ kind: 'word', text: word, line });
    }
  }
  return tokens;
}

function known(name: string): boolean {
  return KNOWN_DIRECTIVES.has(name) || KNOWN_PREFIXES.some((p) => name.startsWith(p));
}

function checkArgs(d: Directive): void {
  const rule = ARGS[d.name];
  if (!rule) return;
  const [min, max] = rule;
  if (d.args.length < min || d.args.length > max)
    throw new ConfigError(`invalid number of arguments in "${d.name}" directive in ${d.file}:${d.line}`);
}

/** Parse one file's text; `include` is resolved with `fs`. */
export function parseConfig(fs: FileSystem, text: string, file: string, depth = 0): Directive[] {
  const tokens = tokenize(text, file);
  let pos = 0;
  const parseBlock = (closing: boolean, parent = ''): Directive[] => {
    const out: Directive[] = [];
    for (;;) {
      const t = tokens[pos];
      if (!t) {
        if (closing) throw new ConfigError(`unexpected end of file, expecting "}" in ${file}:${lastLine()}`);
        return out;
      }
      if (t.kind === '}') {
        if (!closing) throw new ConfigError(`unexpected "}" in ${file}:${t.line}`);
        pos++;
        return out;
      }
      if (t.kind !== 'word') throw new ConfigError(`unexpected "${t.kind}" in ${file}:${t.line}`);
      const d: Directive = { name: t.text, args: [], file, line: t.line };
      pos++;
      for (;;) {
        const a = tokens[pos];
        if (!a)
          throw new ConfigError(`unexpected end of file, expecting ";" or "}" in ${file}:${lastLine()}`);
        if (a.kind === 'word') {
          d.args.push(a.text);
          pos++;
          continue;
        }
        if (a.kind === '}') throw new ConfigError(`unexpected "}" in ${file}:${a.line}`);
        pos++;
        if (a.kind === '{') d.block = parseBlock(true, d.name);
        break;
      }
      if (!FREE_FORM.has(parent) && !known(d.name))
        throw new ConfigError(`unknown directive "${d.name}" in ${file}:${d.line}`);
      if (!FREE_FORM.has(parent)) checkArgs(d);
      if (d.name === 'include' && !d.block) out.push(...include(fs, d, depth));
      else out.push(d);
    }
  };
  const lastLine = () => (tokens.length ? tokens[tokens.length - 1]!.line : 1);
  return parseBlock(false);
}

function include(fs: FileSystem, d: Directive, depth: number): Directive[] {
  if (depth > 10) throw new ConfigError(`too many includes in ${d.file}:${d.line}`);
  const pattern = d.args[0]!.startsWith('/') ? d.args[0]! : `${PREFIX}/${d.args[0]}`;
  const files = hasGlob(pattern)
    ? expandGlob(fs, '/', pattern).filter((f) => fs.stat(f)?.kind === 'file')
    : [pattern];
  const out: Directive[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFile(f);
    } catch {
      throw new ConfigError(`open() "${f}" failed (2: No such file or directory) in ${d.file}:${d.line}`);
    }
    out.push(...parseConfig(fs, text, f, depth + 1));
  }
  return out;
}

/** The main file and `-g` directives, as nginx reads them at start and on reload. */
export function loadConfig(fs: FileSystem, path: string, globals: string | undefined): Directive[] {
  let text: string;
  try {
    text = fs.readFile(path);
  } catch {
    throw new ConfigError(`open() "${path}" failed (2: No such file or directory)`);
  }
  const main = parseConfig(fs, text, path);
  const extra = globals ? parseConfig(fs, globals, 'command line') : [];
  for (const g of extra) {
    if (main.some((d) => d.name === g.name && !d.block)) {
      throw new ConfigError(
        `"${g.name}" directive is duplicate in ${path}:${main.find((d) => d.name === g.name)!.line}`,
      );
    }
  }
  return [...main, ...extra];
}

/** First value of a directive among `list`. */
export function value(list: readonly Directive[] | undefined, name: string): string[] | undefined {
  return list?.find((d) => d.name === name)?.args;
}

export function blocks(list: readonly Directive[] | undefined, name: string): Directive[] {
  return (list ?? []).filter((d) => d.name === name && d.block);
}
