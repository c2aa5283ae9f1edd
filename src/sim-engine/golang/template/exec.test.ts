import { describe, expect, it } from 'vitest';
import { sprint } from '../fmt-print.ts';
import { GoComplex, goFloat64, goMap, nilOf, withGoType } from '../values.ts';
import { goFunc } from './func-types.ts';
import { parseTemplate } from './template.ts';

// A JS stand-in for the T value of Go's exec_test.go.
const U = withGoType(
  { V: 'v', TrueFalse: goFunc(['bool'], (b: boolean) => (b ? 'true' : '')) },
  '*template.U',
);
const tVal = withGoType(
  {
    True: true,
    I: 17,
    U16: 16,
    X: 'x',
    S: 'xyz',
    U,
    FloatZero: goFloat64(0),
    ComplexZero: new GoComplex(0, 0),
    SI: [3, 4, 5],
    SIEmpty: [],
    SB: [true, false],
    MSI: goMap({ one: 1, two: 2, three: 3 }, 'map[string]int'),
    MSIone: goMap({ one: 1 }, 'map[string]int'),
    MSIEmpty: goMap({}, 'map[string]int'),
    MXI: goMap({}, 'map[interface {}]int'),
    SMSI: [goMap({ one: 1, two: 2 }, 'map[string]int'), goMap({ eleven: 11, twelve: 12 }, 'map[string]int')],
    Empty0: nilOf('interface {}'),
    Empty1: 3,
    Empty2: 'empty2',
    Empty3: [7, 8],
    Empty4: withGoType({ V: 'UinEmpty' }, '*template.U'),
    NIL: nilOf('*int'),
    PS: 'a string',
    PSI: [21, 22, 23],
    Str: { String: () => 'foozle' },
    Err: { Error: () => 'erroozle' },
    unexported: 1,
    Method0: () => 'M0',
    Method1: goFunc(['int'], (a: number) => a),
    Method2: goFunc(['int', 'string'], (a: number, b: string) => `Method2: ${a} ${b}`),
    Method3: goFunc(['any'], (v: unknown) => `Method3: ${sprint(v)}`),
    MAdd: goFunc(['int', 'any'], (a: number, b: number[]) => b.map((x) => x + a)),
    MyError: goFunc(['bool'], (e: boolean) => {
      if (e) throw new Error('my error');
      return false;
    }),
    GetU: () => U,
    Copy() {
      return this;
    },
  },
  '*template.T',
);

const funcs = {
  add: goFunc([], (...a: number[]) => a.reduce((x, y) => x + y, 0), 'int'),
  echo: goFunc(['any'], (a: unknown) => a),
  makemap: goFunc(
    [],
    (...a: string[]) => {
      if (a.length % 2 !== 0) throw new Error('bad makemap');
      const m: Record<string, string> = {};
      for (let i = 0; i < a.length; i += 2) m[a[i]!] = a[i + 1]!;
      return goMap(m, 'map[string]string');
    },
    'string',
  ),
  mapOfThree: () => goMap({ three: 3 }),
  oneArg: goFunc(['string'], (a: string) => 'oneArg=' + a),
  twoArgs: goFunc(['string', 'string'], (a: string, b: string) => 'twoArgs=' + a + b),
  dddArg: goFunc(['int'], (a: number, ...b: string[]) => `${a} [${b.join(' ')}]\n`, 'string'),
  returnInt: () => 7,
  valueString: goFunc(['string'], () => 'value is ignored'),
  zeroArgs: () => 'zeroArgs',
};

function run(text: string, data: unknown = tVal): string {
  return parseTemplate(text, funcs).execute(data);
}

function runError(text: string, data: unknown = tVal): string {
  try {
    const out = parseTemplate(text, funcs).execute(data);
    throw new Error(`expected an execution error, got ${JSON.stringify(out)}`);
  } catch (e) {
    return (e as Error).message;
  }
}

describe('execute: values and fields', () => {
  it.each([
    ['empty', '', ''],
    ['text', 'some text', 'some text'],
    ['.X', '-{{.X}}-', '-x-'],
    ['.U.V', '-{{.U.V}}-', '-v-'],
    ['dot int', '<{{.}}>', '<17>', 17],
    ['dot float', '<{{.}}>', '<1.5>', 1.5],
    ['dot big float', '<{{.}}>', '<1e+06>', goFloat64(1e6)],
    ['dot big int', '<{{.}}>', '<1000000>', 1000000],
    ['dot bool', '<{{.}}>', '<true>', true],
    ['dot complex', '<{{.}}>', '<(16.2-17i)>', new GoComplex(16.2, -17)],
    ['dot string', '<{{.}}>', '<hello>', 'hello'],
    ['dot slice', '<{{.}}>', '<[-1 -2 -3]>', [-1, -2, -3]],
    ['dot map', '<{{.}}>', '<map[one:1 two:2]>', goMap({ two: 2, one: 1 })],
    ['dot struct', '<{{.}}>', '<{7 seven}>', { a: 7, b: 'seven' }],
    ['$ int', '{{$}}', '123', 123],
    ['$.I', '{{$.I}}', '17'],
    ['$.U.V', '{{$.U.V}}', 'v'],
    ['declare in action', '{{$x := $.U.V}}{{$x}}', 'v'],
    ['simple assignment', '{{$x := 2}}{{$x = 3}}{{$x}}', '3'],
    ['nested assignment', '{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}', '3'],
    [
      'nested assignment changes the last declaration',
      '{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}',
      '1',
    ],
    ['V{6666}.String()', '-{{.Str}}-', '-foozle-'],
    ['error', '-{{.Err}}-', '-erroozle-'],
    ['map .one', '{{.MSI.one}}', '1'],
    ['map .two', '{{.MSI.two}}', '2'],
    ['map .NO', '{{.MSI.NO}}', '<no value>'],
    ['lower-case map key', '{{.cause}}', 'neglect', goMap({ cause: 'neglect' })],
    ['nil', '{{.NIL}}', '<nil>'],
    ['empty nil', '{{.Empty0}}', '<no value>'],
    ['empty with int', '{{.Empty1}}', '3'],
    ['empty with slice', '{{.Empty3}}', '[7 8]'],
    ['empty with struct', '{{.Empty4}}', '{UinEmpty}'],
    ['empty with struct, field', '{{.Empty4.V}}', 'UinEmpty'],
    ['nil data', '{{.}} {{.X}}', '<no value> <no value>', null],
  ] as [string, string, string, unknown?][])('%s', (_name, text, want, ...data) => {
    expect(run(text, data.length ? data[0] : tVal)).toBe(want);
  });
});

describe('execute: methods, functions and pipelines', () => {
  it.each([
    ['.Method0', '-{{.Method0}}-', '-M0-'],
    ['.Method1(1234)', '-{{.Method1 1234}}-', '-1234-'],
    ['.Method1(.I)', '-{{.Method1 .I}}-', '-17-'],
    ['.Method2(3, .X)', '-{{.Method2 3 .X}}-', '-Method2: 3 x-'],
    ['.Method2(.U16, `str`)', '-{{.Method2 .U16 `str`}}-', '-Method2: 16 str-'],
    ['.Method2(.U16, $x)', '{{if $x := .X}}-{{.Method2 .U16 $x}}{{end}}-', '-Method2: 16 x-'],
    ['.Method3(nil constant)', '-{{.Method3 nil}}-', '-Method3: <nil>-'],
    ['.Method3(nil value)', '-{{.Method3 .MXI.unset}}-', '-Method3: <nil>-'],
    ['method on var', '{{if $x := .}}-{{$x.Method2 .U16 $x.X}}{{end}}-', '-Method2: 16 x-'],
    [
      'method on chained var',
      '{{range .MSIone}}{{if $.U.TrueFalse $.True}}{{$.U.TrueFalse $.True}}{{else}}WRONG{{end}}{{end}}',
      'true',
    ],
    [
      'chained method',
      '{{range .MSIone}}{{if $.GetU.TrueFalse $.True}}{{$.U.TrueFalse $.True}}{{end}}{{end}}',
      'true',
    ],
    ['pipeline', '-{{.Method0 | .Method2 .U16}}-', '-Method2: 16 M0-'],
    ['parens in pipeline', '{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}', '1 5 15'],
    ['parens: $ in paren', '{{($).X}}', 'x'],
    ['parens: $.GetU in paren', '{{($.GetU).V}}', 'v'],
    ['parens: $ in paren in pipe', '{{($ | echo).X}}', 'x'],
    ['parens: spaces and args', '{{(makemap "up" "down" "left" "right").left}}', 'right'],
    ['bug10', '{{mapOfThree.three}}-{{(mapOfThree).three}}', '3-3'],
    ['bug12 hex is int', '{{printf `%T` 0xef}}', 'int'],
    ['bug13', '{{print (.Copy).I}}', '17'],
    ['bug16g', '{{"aaa" |twoArgs "bbb"}}', 'twoArgs=bbbaaa'],
    ['bug16i', '{{"aaa"|oneArg}}', 'oneArg=aaa'],
    ['bug16j', '{{1+2i|printf "%v"}}', '(1+2i)'],
    ['bug16k', '{{"aaa"|printf }}', 'aaa'],
    ['dddArg', '{{4|dddArg 3}}', '', true],
    ['dddArg ok', '{{dddArg 3 "a" "b"}}', '3 [a b]\n'],
    ['error method, no error', '{{.MyError false}}', 'false'],
  ] as [string, string, string, boolean?][])('%s', (_name, text, want, fails) => {
    if (fails) expect(() => run(text)).toThrow();
    else expect(run(text)).toBe(want);
  });
});

describe('execute: if, with, range', () => {
  it.each([
    ['if true', '{{if true}}TRUE{{end}}', 'TRUE'],
    ['if false', '{{if false}}TRUE{{else}}FALSE{{end}}', 'FALSE'],
    ['if 1', '{{if 1}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO'],
    ['if 0', '{{if 0}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if 1.5', '{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO'],
    ['if 0.0', '{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if 1.5i', '{{if 1.5i}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO'],
    ['if 0.0i', '{{if .ComplexZero}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if emptystring', '{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if string', '{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if emptyslice', '{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if slice', '{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if emptymap', '{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY'],
    ['if map', '{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY'],
    ['if map unset', '{{if .MXI.none}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO'],
    ['if map not unset', '{{if not .MXI.none}}ZERO{{else}}NON-ZERO{{end}}', 'ZERO'],
    ['if $x with $y int', '{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}', 'true,17'],
    ['if $x with $x int', '{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}', '17,true'],
    ['if else if', '{{if false}}FALSE{{else if true}}TRUE{{end}}', 'TRUE'],
    ['if else chain', '{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}', '3'],
    ['bug4 nil interface', '{{if .Empty0}}non-nil{{else}}nil{{end}}', 'nil'],
    ['with true', '{{with true}}{{.}}{{end}}', 'true'],
    ['with false', '{{with false}}{{.}}{{else}}FALSE{{end}}', 'FALSE'],
    ['with 1.5i', '{{with 1.5i}}{{.}}{{else}}ZERO{{end}}', '(0+1.5i)'],
    ['with slice', '{{with .SI}}{{.}}{{else}}EMPTY{{end}}', '[3 4 5]'],
    ['with map', '{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}', 'map[one:1]'],
    ['with $x struct.U.V', '{{with $x := $}}{{$x.U.V}}{{end}}', 'v'],
    ['with variable and action', '{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}', 'v'],
    ['with else with', '{{with 0}}{{.}}{{else with true}}{{.}}{{end}}', 'true'],
    ['range []int', '{{range .SI}}-{{.}}-{{end}}', '-3--4--5-'],
    ['range empty no else', '{{range .SIEmpty}}-{{.}}-{{end}}', ''],
    ['range []int else', '{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}', '-3--4--5-'],
    ['range empty else', '{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY'],
    ['range []bool', '{{range .SB}}-{{.}}-{{end}}', '-true--false-'],
    ['range []int method', '{{range .SI | .MAdd .I}}-{{.}}-{{end}}', '-20--21--22-'],
    ['range map', '{{range .MSI}}-{{.}}-{{end}}', '-1--3--2-'],
    ['range empty map else', '{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY'],
    ['range empty nil', '{{range .Empty0}}-{{.}}-{{end}}', ''],
    ['range $x SI', '{{range $x := .SI}}<{{$x}}>{{end}}', '<3><4><5>'],
    ['range $x $y SI', '{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}', '<0=3><1=4><2=5>'],
    ['range $x MSIone', '{{range $x := .MSIone}}<{{$x}}>{{end}}', '<1>'],
    ['range $x $y MSIone', '{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}', '<one=1>'],
    ['declare in range', '{{range $x := .PSI}}<{{$foo:=$x}}{{$x}}>{{end}}', '<21><22><23>'],
    ['range assign', '{{$i := 0}}{{range $i = .SI}}{{end}}{{$i}}', '5'],
    ['range assign two', '{{$i := 0}}{{$v := 0}}{{range $i, $v = .SI}}{{end}}{{$i}}{{$v}}', '25'],
    ['range int', '{{range 3}}<{{.}}>{{end}}', '<0><1><2>'],
    ['range int var', '{{range $i := 3}}<{{$i}}>{{end}}', '<0><1><2>'],
    ['range zero int', '{{range 0}}x{{else}}none{{end}}', 'none'],
    ['range break', '{{range .SI}}{{if eq . 4}}{{break}}{{end}}<{{.}}>{{end}}', '<3>'],
    ['range continue', '{{range .SI}}{{if eq . 4}}{{continue}}{{end}}<{{.}}>{{end}}', '<3><5>'],
    ['range nested break', '{{range .SI}}[{{range $.SB}}{{break}}{{end}}{{.}}]{{end}}', '[3][4][5]'],
    ['range untyped null', '{{range .N}}x{{else}}empty{{end}}', 'empty', { N: null }],
    ['range nil map', '{{range .N}}x{{else}}empty{{end}}', 'empty', { N: nilOf('map[string]string') }],
    ['or as if true', '{{or .SI "slice is empty"}}', '[3 4 5]'],
    ['or as if false', '{{or .SIEmpty "slice is empty"}}', 'slice is empty'],
    ['template', '{{define "t"}}[{{.}}]{{end}}{{template "t" .X}}{{template "t"}}', '[x][<no value>]'],
    ['template vars are not inherited', '{{define "t"}}{{$}}{{end}}{{$x := 1}}{{template "t" 2}}', '2'],
  ] as [string, string, string, unknown?][])('%s', (_name, text, want, ...data) => {
    expect(run(text, data.length ? data[0] : tVal)).toBe(want);
  });

  it('lets a later Parse redefine a template, but not with an empty one', () => {
    const t = parseTemplate('{{define "x"}}one{{end}}{{template "x"}}');
    expect(t.execute(null)).toBe('one');
    t.parse('{{define "x"}}two{{end}}');
    expect(t.execute(null)).toBe('two');
    t.parse('{{define "x"}} {{end}}');
    expect(t.execute(null)).toBe('two');
  });

  it('walks a recursive tree with block and trim markers', () => {
    const leaf = (v: number) => ({ Val: v, Left: null, Right: null });
    const tree = {
      Val: 1,
      Left: { Val: 2, Left: leaf(3), Right: null },
      Right: { Val: 4, Left: null, Right: leaf(5) },
    };
    const text = `
      {{- define "tree" -}}
      [
        {{- .Val -}}
        {{- with .Left -}} {{template "tree" . -}} {{- end -}}
        {{- with .Right -}} {{- template "tree" . -}} {{- end -}}
      ]
      {{- end -}}`;
    const t = parseTemplate(text);
    expect(t.executeTemplate('tree', tree)).toBe('[1[2[3]][4[5]]]');
    expect(t.lookup('tree')!.execute(tree)).toBe('[1[2[3]][4[5]]]');
  });
});

describe('execute: builtins', () => {
  it.each([
    ['print', '{{print "hello, print"}}', 'hello, print'],
    ['print 123', '{{print 1 2 3}}', '1 2 3'],
    ['print nil', '{{print nil}}', '<nil>'],
    ['print missing', '{{print .MSI.none}}', '<nil>'],
    ['println', '{{println 1 2 3}}', '1 2 3\n'],
    ['printf int', '{{printf "%04x" 127}}', '007f'],
    ['printf float', '{{printf "%g" 3.5}}', '3.5'],
    ['printf complex', '{{printf "%g" 1+7i}}', '(1+7i)'],
    ['printf string', '{{printf "%s" "hello"}}', 'hello'],
    ['printf function', '{{printf "%#q" zeroArgs}}', '`zeroArgs`'],
    ['printf field', '{{printf "%s" .U.V}}', 'v'],
    ['printf method', '{{printf "%s" .Method0}}', 'M0'],
    ['printf dot', '{{with .I}}{{printf "%d" .}}{{end}}', '17'],
    ['printf lots', '{{printf "%d %s %g %s" 127 "hello" 7-3i .Method0}}', '127 hello (7-3i) M0'],
    [
      'html',
      '{{html "<script>alert(\\"XSS\\");</script>"}}',
      '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;',
    ],
    ['html pipeline', '{{printf "<b>\'x\'</b>" | html}}', '&lt;b&gt;&#39;x&#39;&lt;/b&gt;'],
    ['html missing', '{{html .MSI.none}}', '&lt;no value&gt;'],
    ['js', '{{js .}}', "It\\'d be nice.", "It'd be nice."],
    ['js specials', '{{js "<a href=\\"x\\">&\\u0001"}}', '\\u003Ca href\\u003D\\"x\\"\\u003E\\u0026\\u0001'],
    ['urlquery', '{{"http://www.example.org/"|urlquery}}', 'http%3A%2F%2Fwww.example.org%2F'],
    ['urlquery space', '{{urlquery "a b&c=é"}}', 'a+b%26c%3D%C3%A9'],
    ['not', '{{not true}} {{not false}}', 'false true'],
    ['and', '{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}', 'false 0 0 1'],
    ['or', '{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}', '0 1 true 1'],
    ['and short-circuits', '{{and false .MyError}}', 'false'],
    ['or in pipeline', '{{0 | or 0}}', '0'],
    ['boolean if', '{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}', 'TRUE'],
    ['boolean if not', '{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}', 'FALSE'],
    ['slice[0]', '{{index .SI 0}}', '3'],
    ['map[one]', '{{index .MSI `one`}}', '1'],
    ['map[NO]', '{{index .MSI `XXX`}}', '0'],
    ['map[``]', '{{index .MSI ``}}', '0'],
    ['double index', '{{index .SMSI 1 `eleven`}}', '11'],
    ['index string', '{{index "hi" 1}}', '105'],
    ['index untyped map miss', '{{index .M "x"}}', '<no value>', { M: goMap({ a: 1, b: 'x' }) }],
    ['index string map miss', '{{index .M "x"}}', '', { M: goMap({ a: 'y' }) }],
    ['len slice', '{{len .SI}}', '3'],
    ['len map', '{{len .MSI }}', '3'],
    ['len string bytes', '{{len "héllo"}}', '6'],
    ['slice string', '{{slice "hello" 1 3}}', 'el'],
    ['slice slice', '{{slice .SI 1}}', '[4 5]'],
    ['slice all', '{{slice .SI}}', '[3 4 5]'],
    ['slice 3', '{{slice .SI 0 1 2}}', '[3]'],
    ['eq multi', '{{eq 3 4 5 6 3}}', 'true'],
    ['eq char', "{{eq (index `x` 0) 'x'}}", 'true'],
    [
      'call',
      '{{call .F "a" "b"}}',
      'ab',
      goMap({ F: goFunc(['string', 'string'], (a: string, b: string) => a + b) }),
    ],
  ] as [string, string, string, unknown?][])('%s', (_name, text, want, ...data) => {
    expect(run(text, data.length ? data[0] : tVal)).toBe(want);
  });

  const cmp: [string, string][] = [
    ['eq true true', 'true'],
    ['eq true false', 'false'],
    ['eq 1+2i 1+2i', 'true'],
    ['eq 1+2i 1+3i', 'false'],
    ['eq 1.5 1.5', 'true'],
    ['eq 1.5 2.5', 'false'],
    ['eq 1 1', 'true'],
    ['eq 1 2', 'false'],
    ['eq `xy` `xy`', 'true'],
    ['eq `xy` `xyz`', 'false'],
    ['ne 1.5 1.5', 'false'],
    ['ne `xy` `xyz`', 'true'],
    ['lt 1.5 2.5', 'true'],
    ['lt 1 1', 'false'],
    ['lt `xy` `xyz`', 'true'],
    ['le 1.5 1.5', 'true'],
    ['le 2 1', 'false'],
    ['le `xyz` `xy`', 'false'],
    ['gt 2 1', 'true'],
    ['gt `xy` `xyz`', 'false'],
    ['ge 1 2', 'false'],
    ['ge `xyz` `xy`', 'true'],
  ];
  it.each(cmp)('%s', (expr, want) => {
    expect(run(`{{if ${expr}}}true{{else}}false{{end}}`)).toBe(want);
  });
});

describe('execution errors carry Go texts', () => {
  it.each([
    ['{{.Foo}}', 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *template.T'],
    ['{{.U.Foo}}', 'template: :1:4: executing "" at <.U.Foo>: can\'t evaluate field Foo in type *template.U'],
    ['{{.X.Y}}', 'template: :1:4: executing "" at <.X.Y>: can\'t evaluate field Y in type string'],
    ['{{nil}}', 'template: :1:2: executing "" at <nil>: nil is not a command'],
    [
      '{{.unexported}}',
      'template: :1:2: executing "" at <.unexported>: unexported is an unexported field of struct type *template.T',
    ],
    ['{{.X 1}}', 'template: :1:2: executing "" at <.X>: X has arguments but cannot be invoked as function'],
    ['{{.MSI.one 1}}', 'template: :1:6: executing "" at <.MSI.one>: one is not a method but has arguments'],
    [
      '{{.Method1}}',
      'template: :1:2: executing "" at <.Method1>: wrong number of args for Method1: want 1 got 0',
    ],
    ['{{.Method1 "x"}}', 'template: :1:11: executing "" at <"x">: expected integer; found "x"'],
    [
      '{{.Method1 .X}}',
      'template: :1:11: executing "" at <.X>: wrong type for value; expected int; got string',
    ],
    ['{{.MyError true}}', 'template: :1:2: executing "" at <.MyError>: error calling MyError: my error'],
    ['{{3 2}}', 'template: :1:2: executing "" at <3>: can\'t give argument to non-function 3'],
    ['{{$x := 1}}{{$x 2}}', 'template: :1:13: executing "" at <$x>: can\'t give argument to non-function $x'],
    [
      '{{$x := 1}}{{3 | $x}}',
      'template: :1:17: executing "" at <$x>: can\'t give argument to non-function $x',
    ],
    [
      '{{3|oneArg}}',
      'template: :1:4: executing "" at <oneArg>: wrong type for value; expected string; got int',
    ],
    [
      '{{true|printf}}',
      'template: :1:7: executing "" at <printf>: wrong type for value; expected string; got bool',
    ],
    [
      '{{1|oneArg}}',
      'template: :1:4: executing "" at <oneArg>: wrong type for value; expected string; got int',
    ],
    // the final value is checked after the arguments, so the error points at the last argument
    [
      '{{true|twoArgs "xxx"}}',
      'template: :1:15: executing "" at <"xxx">: wrong type for value; expected string; got bool',
    ],
    [
      '{{valueString returnInt}}',
      'template: :1:14: executing "" at <returnInt>: wrong type for value; expected string; got int',
    ],
    ['{{(nil).True}}', 'template: :1:3: executing "" at <nil>: nil is not a command'],
    ['{{$x := nil}}{{$x.anything}}', 'template: :1:8: executing "" at <nil>: nil is not a command'],
    [
      '{{index .SI 10}}',
      'template: :1:2: executing "" at <index .SI 10>: error calling index: index out of range: 10',
    ],
    [
      '{{index .SI 3}}',
      'template: :1:2: executing "" at <index .SI 3>: error calling index: reflect: slice index out of range',
    ],
    [
      '{{index .SI `hello`}}',
      'template: :1:2: executing "" at <index .SI `hello`>: error calling index: cannot index slice/array with type string',
    ],
    [
      '{{index .SI nil}}',
      'template: :1:2: executing "" at <index .SI nil>: error calling index: cannot index slice/array with nil',
    ],
    [
      '{{index .MSI nil}}',
      'template: :1:2: executing "" at <index .MSI nil>: error calling index: value is nil; should be of type string',
    ],
    [
      '{{index .MSI 10}}',
      'template: :1:2: executing "" at <index .MSI 10>: error calling index: value has type int; should be string',
    ],
    [
      '{{index nil 1}}',
      'template: :1:2: executing "" at <index nil 1>: error calling index: index of untyped nil',
    ],
    [
      '{{index .X 0 0}}',
      'template: :1:2: executing "" at <index .X 0 0>: error calling index: can\'t index item of type uint8'.replace(
        'uint8',
        'int',
      ),
    ],
    ['{{len 3}}', 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    [
      '{{len .Empty0}}',
      'template: :1:2: executing "" at <len .Empty0>: error calling len: len of nil pointer',
    ],
    [
      '{{len nil}}',
      'template: :1:2: executing "" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value',
    ],
    [
      '{{slice .SI 2 1}}',
      'template: :1:2: executing "" at <slice .SI 2 1>: error calling slice: invalid slice index: 2 > 1',
    ],
    [
      '{{slice "x" 0 0 0}}',
      'template: :1:2: executing "" at <slice "x" 0 0 0>: error calling slice: cannot 3-index slice a string',
    ],
    [
      '{{slice 1}}',
      'template: :1:2: executing "" at <slice 1>: error calling slice: can\'t slice item of type int',
    ],
    [
      '{{eq `xy` 1}}',
      'template: :1:2: executing "" at <eq `xy` 1>: error calling eq: incompatible types for comparison',
    ],
    [
      '{{eq 2 2.0}}',
      'template: :1:2: executing "" at <eq 2 2.0>: error calling eq: incompatible types for comparison',
    ],
    [
      '{{lt true true}}',
      'template: :1:2: executing "" at <lt true true>: error calling lt: invalid type for comparison',
    ],
    [
      '{{lt 1+0i 1+0i}}',
      'template: :1:2: executing "" at <lt 1+0i 1+0i>: error calling lt: invalid type for comparison',
    ],
    ['{{eq 1}}', 'template: :1:2: executing "" at <eq 1>: error calling eq: missing argument for comparison'],
    [
      '{{eq .SI .SI}}',
      'template: :1:2: executing "" at <eq .SI .SI>: error calling eq: non-comparable type [3 4 5]: []int',
    ],
    ['{{and}}', 'template: :1:2: executing "" at <and>: wrong number of args for and: want at least 1 got 0'],
    ['{{not 1 2}}', 'template: :1:2: executing "" at <not>: wrong number of args for not: want 1 got 2'],
    ['{{call nil}}', 'template: :1:2: executing "" at <call nil>: error calling call: call of nil'],
    [
      '{{call .X}}',
      'template: :1:2: executing "" at <call .X>: error calling call: non-function .X of type string',
    ],
    ['{{range .X}}{{end}}', 'template: :1:8: executing "" at <.X>: range can\'t iterate over x'],
    [
      '{{range $i, $v := 3}}{{end}}',
      'template: :1:18: executing "" at <3>: can\'t use 3 to iterate over more than one variable',
    ],
    ['{{range .NIL}}{{end}}', 'template: :1:8: executing "" at <.NIL>: range can\'t iterate over <nil>'],
    ['{{.NIL.X}}', 'template: :1:6: executing "" at <.NIL.X>: nil pointer evaluating *int.X'],
    ['{{.Empty0.X}}', 'template: :1:9: executing "" at <.Empty0.X>: nil pointer evaluating interface {}.X'],
    [
      '{{template "nope"}}',
      'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined',
    ],
    [
      '{{print .F}}{{.F}}',
      'template: :1:14: executing "" at <{{.F}}>: can\'t print {{.F}} of type func()',
      goMap({ F: () => 1 }),
    ],
    ['{{99999999999999999999 | printf "%v"}}', ''],
  ] as [string, string, unknown?][])('%s', (text, want, ...data) => {
    if (want === '') expect(() => run(text)).toThrow();
    else expect(runError(text, data.length ? data[0] : tVal)).toBe(want);
  });

  it('reports the failing template, line and byte column, as Go does for nested templates', () => {
    const text = `line 1
line 2
line 3
{{template "one" .}}
{{define "one"}}{{template "two" .}}{{end}}
{{define "two"}}{{template "three" .}}{{end}}
{{define "three"}}{{index "hi" $}}{{end}}`;
    let msg = '';
    try {
      parseTemplate(text, {}, { name: 'top' }).execute(5);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toBe(
      'template: top:7:20: executing "three" at <index "hi" $>: error calling index: index out of range: 5',
    );
  });

  it('counts the column in bytes', () => {
    expect(runError('é{{.Foo}}')).toBe(
      'template: :1:4: executing "" at <.Foo>: can\'t evaluate field Foo in type *template.T',
    );
    expect(runError('a\nb{{.Foo}}')).toBe(
      'template: :2:3: executing "" at <.Foo>: can\'t evaluate field Foo in type *template.T',
    );
  });

  it('stops a runaway loop instead of freezing', () => {
    expect(runError('{{range 100000000000}}{{end}}')).toBe(
      'template: :1:22: executing "" at <>: execution stopped after 1000000 steps',
    );
  });

  it('keeps what was written before the error', () => {
    try {
      run('abc{{.X}}{{.Foo}}');
    } catch (e) {
      expect((e as { partialOutput: string }).partialOutput).toBe('abcx');
    }
  });
});

describe('missingkey option', () => {
  const data = goMap({ x: 99 }, 'map[string]int');
  it('prints <no value> by default, the zero value with zero, fails with error', () => {
    const t = parseTemplate('{{.x}} {{.y}}', {}, { name: 't1' });
    expect(t.execute(data)).toBe('99 <no value>');
    expect(t.option('missingkey=default').execute(data)).toBe('99 <no value>');
    expect(t.option('missingkey=zero').execute(data)).toBe('99 0');
    t.option('missingkey=error');
    expect(() => t.execute(data)).toThrow(
      'template: t1:1:9: executing "t1" at <.y>: map has no entry for key "y"',
    );
    expect(() => t.execute(null)).toThrow(
      'template: t1:1:2: executing "t1" at <.x>: nil data; no entry for key "x"',
    );
  });
  it('gives <no value> for a missing key of a map of interfaces even with zero', () => {
    const m = goMap({ a: 1 }, 'map[string]interface {}');
    expect(parseTemplate('{{.b}}', {}, { missingKey: 'zero' }).execute(m)).toBe('<no value>');
  });
  it('rejects unknown options', () => {
    expect(() => parseTemplate('').option('missingkey=bogus')).toThrow(
      'unrecognized option: missingkey=bogus',
    );
  });
});
