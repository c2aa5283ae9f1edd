// deterministic inputs: hand-picked cases, and mutations of valid documents
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const hand = ['', ' ', '\n\t', '{', '[', '{}', '[]', '{} ', '{}}', '{} {}', '{}x', '[1,]', '[,1]', '{"a"}', '{"a":}', '{"a":1,}', '{,}', '{"a" 1}', '{"a":1 "b":2}',
 '"abc', '"a\\x"', '"\\u12g4"', '"\\u12"', '"a\tb"', '"\u0001"', 'tru', 'trux', 'fals', 'nul', 'nulx', 'truee', '-', '-x', '-0', '01', '1.', '1.x', '1e', '1e+', '1e+x', '1.5e3', '12x', '0x', "'a'", '\\', '\u00e9', '\u00a0', '\u00ad', '\u0085', '\u007f', '\u0000', '\u0007', '\u000b', '€', '😀', '{"a":[1,2,{"b":null}]}', '[true,false,null]', '{"Image":"alpine","Cmd":["echo","hi"]}', '[]]', '[}', '{]', '{"a":1]', '[1}', '{"a":"b"}x', '{"a":"b"},', '  [ 1 , 2 ] ', 'null', 'true', '"x"', '123', '-1.5E-3', '{"\\"":1}', '"\\/"', '{"a":{"b":{"c":[[[]]]}}}'];
const valid = ['{"Image":"alpine","Cmd":["echo","hi"],"Tty":false,"HostConfig":{"Binds":null,"Memory":0}}', '[1,-2.5e3,"x\\ny",true,false,null,{}]', '{"Name":"net","Driver":"bridge","Labels":{"a":"b"}}', '"\\u00e9\\t"'];
const chars = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', 'a', 'e', '0', '1', '-', '+', '.', 't', 'n', 'f', 'u', "'", '\u0001', 'é', 'x'];
const out = [...hand];
for (let k = 0; k < 600; k++) {
  let s = pick(valid);
  const ops = 1 + Math.floor(rnd() * 3);
  for (let o = 0; o < ops; o++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const r = rnd();
    if (r < 0.4) s = s.slice(0, at) + pick(chars) + s.slice(at);
    else if (r < 0.7) s = s.slice(0, at) + s.slice(at + 1);
    else if (r < 0.85) s = s.slice(0, at);
    else s = s.slice(0, at) + pick(chars) + s.slice(at + 1);
  }
  out.push(s);
}
out.push('['.repeat(10001) + ']'.repeat(10001));
out.push('['.repeat(10000) + ']'.repeat(10000));
process.stdout.write(JSON.stringify([...new Set(out)]));
