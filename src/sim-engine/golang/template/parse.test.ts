import { describe, expect, it } from 'vitest';
import { goFunc } from './func-types.ts';
import { nodeString } from './nodes.ts';
import { parseTemplate, type Template } from './template.ts';

const funcs = { contains: goFunc(['string', 'string'], (a: string, b: string) => a.includes(b)) };

function parseError(text: string, name = ''): string {
  try {
    parseTemplate(text, funcs, { name });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

function rootString(t: Template): string {
  return nodeString(t.tree()!.root);
}

describe('parse: the tree reads back as Go prints it', () => {
  it.each([
    ['', ''],
    ['{{/*\n\n\n*/}}', ''],
    [' \t\n', ' \t\n'],
    ['some text', 'some text'],
    ['{{.X}}', '{{.X}}'],
    ['{{printf}}', '{{printf}}'],
    ['{{$}}', '{{$}}'],
    ['{{with $x := 3}}{{$x 23}}{{end}}', '{{with $x := 3}}{{$x 23}}{{end}}'],
    ['{{$.I}}', '{{$.I}}'],
    ['{{printf `%d` 23}}', '{{printf `%d` 23}}'],
    ['{{.X|.Y}}', '{{.X | .Y}}'],
    ['{{$x := .X|.Y}}', '{{$x := .X | .Y}}'],
    ['{{.X (.Y .Z) (.A | .B .C) (.E)}}', '{{.X (.Y .Z) (.A | .B .C) (.E)}}'],
    ['{{(.Y .Z).Field}}', '{{(.Y .Z).Field}}'],
    ['{{if .X}}hello{{end}}', '{{if .X}}hello{{end}}'],
    ['{{if .X}}true{{else}}false{{end}}', '{{if .X}}true{{else}}false{{end}}'],
    ['{{if .X}}true{{else if .Y}}false{{end}}', '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}'],
    [
      '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+',
      '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+',
    ],
    [
      '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}',
      '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}',
    ],
    ['{{range .X|.M}}true{{else}}false{{end}}', '{{range .X | .M}}true{{else}}false{{end}}'],
    ['{{range $x, $y := .SI}}{{.}}{{end}}', '{{range $x, $y := .SI}}{{.}}{{end}}'],
    ['{{range .SI}}{{.}}{{break}}{{end}}', '{{range .SI}}{{.}}{{break}}{{end}}'],
    ['{{range .SI}}{{.}}{{ continue }}{{end}}', '{{range .SI}}{{.}}{{continue}}{{end}}'],
    ["{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"],
    ['{{template `x`}}', '{{template "x"}}'],
    ['{{template `x` .Y}}', '{{template "x" .Y}}'],
    [
      '{{with .X}}hello{{else with .Y}}goodbye{{end}}',
      '{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}',
    ],
    ['x \r\n\t{{- 3}}', 'x{{3}}'],
    ['{{3 -}}\n\n\ty', '{{3}}y'],
    ['x \r\n\t{{- 3 -}}\n\n\ty', 'x{{3}}y'],
    ['x\n{{-  3   -}}\ny', 'x{{3}}y'],
    ['x \r\n\t{{- /* hi */}}', 'x'],
    ['{{/* hi */ -}}\n\n\ty', 'y'],
    ['x \r\n\t{{- /* */ -}}\n\n\ty', 'xy'],
    ['{{block "foo" .}}hello{{end}}', '{{template "foo" .}}'],
    ['{{ $x \n := \n 1 \n }}', '{{$x := 1}}'],
    ['{{\n"x"\n|\nprintf\n}}', '{{"x" | printf}}'],
    ['{{-\n/*\nhello\n*/\n-}}', ''],
    ['{{$x := 0}}{{$x}}', '{{$x := 0}}{{$x}}'],
    ['{{$x:=.}}{{$x +2}}', '{{$x := .}}{{$x +2}}'],
    ['{{range $x := 0}}{{$x}}{{end}}', '{{range $x := 0}}{{$x}}{{end}}'],
    ['{{range $x = 0}}{{$x}}{{end}}', '{{range $x = 0}}{{$x}}{{end}}'],
    ['{{ (( 1 )) }}', '{{((1))}}'],
    ['{{-3}}', '{{-3}}'],
    ['{{ 0x_1p4 }} {{ 0b10_01 }} {{ 0o17 }}', '{{0x_1p4}} {{0b10_01}} {{0o17}}'],
  ])('%j', (input, want) => {
    expect(rootString(parseTemplate(input, funcs))).toBe(want);
  });

  it('keeps definitions apart from the main tree', () => {
    const t = parseTemplate('a{{block "inner" .}}bar{{.}}baz{{end}}b');
    expect(rootString(t)).toBe('a{{template "inner" .}}b');
    expect(nodeString(t.lookup('inner')!.tree()!.root)).toBe('bar{{.}}baz');
    expect(t.definedTemplates()).toEqual(['', 'inner']);
  });

  it('lets a function named break shadow the keyword', () => {
    const withBreak = { break: goFunc(['any'], (x: unknown) => x) };
    expect(() => parseTemplate('{{range .X}}{{break 20}}{{end}}', withBreak)).not.toThrow();
    expect(() => parseTemplate('{{range .X}}{{break 20}}{{end}}')).toThrow('unexpected "20" in {{break}}');
  });
});

describe('parse errors carry Go texts', () => {
  it.each([
    ['{{}}', 'template: :1: missing value for command'],
    ['{{}', 'template: :1: unexpected "}" in command'],
    // Go 1.20+ only ends an identifier at the whole right delimiter
    ['{{.ID}', "template: :1: bad character U+007D '}'"],
    ['{{.ID }', 'template: :1: unexpected "}" in operand'],
    ['{{.ID}} {{.Names}', "template: :1: bad character U+007D '}'"],
    ['{{.Names', 'template: :1: unclosed action'],
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{InvalidFunction}}', 'template: :1: function "InvalidFunction" not defined'],
    ['hello{{range', 'template: :1: unclosed action'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}hello{{end}}{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}1{{else}}2{{else}}3{{end}}', 'template: :1: expected end; found {{else}}'],
    ['hello{{range .x}}', 'template: :1: unexpected EOF'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{with $x := 4}}{{end}}{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{template $v}}', 'template: :1: unexpected "$v" in template clause'],
    ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
    ['{{printf 3, 4}}', 'template: :1: unexpected "," in operand'],
    ['{{with $v, $u := 3}}{{end}}', 'template: :1: too many declarations in with'],
    ['{{range $u, $v, $w := 3}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{printf (printf .).}}', 'template: :1: unexpected <.> in operand'],
    ['{{printf 3`x`}}', 'template: :1: unexpected "`x`" in operand'],
    ['{{printf `x`.}}', 'template: :1: unexpected <.> in operand'],
    ['{{if .X}}a{{else if .Y}}b{{end}}{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{range .}}{{end}} {{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range .}}{{else}}{{continue}}{{end}}', 'template: :1: {{continue}} outside {{range}}'],
    ['{{$x += 1}}{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{$x := 0}}{{$x += 1}}', 'template: :1: illegal number syntax: "+"'],
    ['{{$x := .}}{{$x!2}}', "template: :1: bad character U+0021 '!'"],
    ['{{range $x := $y := 3}}{{end}}', 'template: :1: undefined variable "$y"'],
    ['{{1.E}}', 'template: :1: illegal number syntax: "1.E"'],
    ['{{0.1.E}}', 'template: :1: unexpected . after term "0.1"'],
    ['{{true.E}}', 'template: :1: unexpected . after term "true"'],
    ["{{'a'.any}}", 'template: :1: unexpected . after term "\'a\'"'],
    ['{{"hello".guys}}', 'template: :1: unexpected . after term "\\"hello\\""'],
    ['{{..E}}', 'template: :1: unexpected . after term "."'],
    ['{{nil.E}}', 'template: :1: unexpected . after term "nil"'],
    ['{{12|.}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{.|12|printf}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{printf "%d" ( ) }}', 'template: :1: missing value for parenthesized pipeline'],
    ['{{block "foo"}}hello{{end}}', 'template: :1: missing value for block clause'],
    ['line1\n{{', 'template: :2: unclosed action'],
    ['line1\n{{define `x`}}line2\n{{', 'template: :3: unclosed action'],
    ['line1\n{{"x"\n"y"\n', 'template: :4: unclosed action started at :2'],
    ['{{\n\n\n\n\n', 'template: :6: unclosed action started at :1'],
    ['line1\n{{\nx\n}}', 'template: :3: function "x" not defined'],
    ['{{/*}}', 'template: :1: unclosed comment'],
    ['{{/* */ x}}', 'template: :1: comment ends before closing delimiter'],
    ['{{.X (1 2 3}}', 'template: :1: unclosed left paren'],
    ['{{.X 1 2 3 ) }}', 'template: :1: unexpected right paren'],
    ['{{(.X 1 2 3', 'template: :1: unclosed action'],
    ['{{a#}}', "template: :1: bad character U+0023 '#'"],
    ["{{'a}}", 'template: :1: unterminated character constant'],
    ['{{"a}}', 'template: :1: unterminated quoted string'],
    ['{{`a}}', 'template: :1: unterminated raw quoted string'],
    ['{{0xi}}', 'template: :1: illegal number syntax: "0xi"'],
    ['{{3k}}', 'template: :1: bad number syntax: "3k"'],
    [
      '{{define `a`}}a{{end}}{{define `a`}}b{{end}}',
      'template: :1: template: multiple definition of template "a"',
    ],
    ['{{range .X}}', 'template: :1: unexpected EOF'],
    ['{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', 'template: :1: unexpected ":=" in operand'],
    ['{{$a,$b,$c := 23}}', 'template: :1: too many declarations in command'],
    ['{{range $k, .}}{{end}}', 'template: :1: range can only initialize variables'],
    ['{{range $k, $v := }}{{end}}', 'template: :1: missing value for range'],
    ['{{ $v := `\n` }} {{', 'template: :2: unclosed action'],
    ['hello\n\n{{`unterminated\n\n\n\n}}\n some more\n\n', 'template: :3: unterminated raw quoted string'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ["{{'xx'}}", "template: :1: malformed character constant: 'xx'"],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{.x\u0001}}', 'template: :1: bad character U+0001'],
    ['{{\u00a7}}', "template: :1: unrecognized character in action: U+00A7 '§'"],
    ['{{abcdefghijklmnop 1}}', 'template: :1: function "abcdefghijklmnop" not defined'],
    ['{{printf "abcdefghijklmnop" ,}}', 'template: :1: unexpected "," in operand'],
    ['{{if}}', 'template: :1: missing value for if'],
    ['{{with}}', 'template: :1: missing value for with'],
    ['{{range}}', 'template: :1: missing value for range'],
    ['{{else if}}', 'template: :1: unexpected {{else}}'],
    ['{{if 1}}{{else x}}{{end}}', 'template: :1: unexpected "x" in else'],
    ['{{end x}}', 'template: :1: unexpected "x" in end'],
    ['{{define x}}{{end}}', 'template: :1: unexpected "x" in define clause'],
    [
      '{{define "a" "abcdefghijklmnop"}}{{end}}',
      'template: :1: unexpected "\\"abcdefghi"... in define clause',
    ],
    ['{{define "x" 1}}{{end}}', 'template: :1: unexpected "1" in define clause'],
  ])('%j', (input, want) => {
    expect(parseError(input)).toBe(want);
  });

  it('names the template in the message', () => {
    expect(parseError('{{foo}}', 'top')).toBe('template: top:1: function "foo" not defined');
    expect(parseError('a\n{{define "x"}}\n{{end}}{{bar}}', 'top')).toBe(
      'template: top:3: function "bar" not defined',
    );
  });
});
