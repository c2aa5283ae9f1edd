/**
 * One record of Go's encoding/csv Reader (comma separated, strict quotes), which
 * docker uses for `--mount`, `--network` and `--gpus` values; errors are Go's texts.
 */

class ParseError extends Error {}

const errBareQuote = 'bare " in non-quoted-field';
const errQuote = 'extraneous or missing " in quoted-field';

function fail(line: number, column: number, what: string): never {
  throw new ParseError(`parse error on line ${line}, column ${column}: ${what}`);
}

/** csv.NewReader(strings.NewReader(s)).Read() */
export function readCsvRecord(input: string): string[] {
  const lines = input.replace(/\r\n/g, '\n').split('\n');
  let lineNo = 0;
  // skip empty lines, as the reader does
  while (lineNo < lines.length && lines[lineNo] === '') lineNo++;
  if (lineNo >= lines.length) throw new Error('EOF');
  let line = lines[lineNo]!;
  const fields: string[] = [];
  let col = 1;
  for (;;) {
    if (!line.startsWith('"')) {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line;
      const j = field.indexOf('"');
      if (j >= 0) fail(lineNo + 1, col + j, errBareQuote);
      fields.push(field);
      if (i < 0) return fields;
      line = line.slice(i + 1);
      col += i + 1;
      continue;
    }
    // quoted field, possibly spanning lines
    let value = '';
    line = line.slice(1);
    col += 1;
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        value += line.slice(0, i);
        line = line.slice(i + 1);
        col += i + 1;
        if (line.startsWith('"')) {
          value += '"';
          line = line.slice(1);
          col += 1;
        } else if (line.startsWith(',')) {
          line = line.slice(1);
          col += 1;
          fields.push(value);
          break;
        } else if (line === '') {
          fields.push(value);
          return fields;
        } else {
          fail(lineNo + 1, col - 1, errQuote);
        }
      } else if (lineNo + 1 < lines.length) {
        value += line + '\n';
        lineNo++;
        line = lines[lineNo]!;
        col = 1;
      } else {
        fail(lineNo + 1, col + line.length, errQuote);
      }
    }
  }
}
