/**
 * Go's reference-time layouts (time/format.go): a layout is an example rendering of
 * Mon Jan 2 15:04:05 MST 2006, and nextStdChunk finds its elements. Used for
 * Time.String(), RFC3339Nano (what the daemon's JSON carries) and `.Format "…"`
 * in templates.
 */

export const Layout = "01/02 03:04:05PM '06 -0700";
export const ANSIC = 'Mon Jan _2 15:04:05 2006';
export const UnixDate = 'Mon Jan _2 15:04:05 MST 2006';
export const RubyDate = 'Mon Jan 02 15:04:05 -0700 2006';
export const RFC822 = '02 Jan 06 15:04 MST';
export const RFC822Z = '02 Jan 06 15:04 -0700';
export const RFC850 = 'Monday, 02-Jan-06 15:04:05 MST';
export const RFC1123 = 'Mon, 02 Jan 2006 15:04:05 MST';
export const RFC1123Z = 'Mon, 02 Jan 2006 15:04:05 -0700';
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339Nano = '2006-01-02T15:04:05.999999999Z07:00';
export const Kitchen = '3:04PM';
export const Stamp = 'Jan _2 15:04:05';
export const StampMilli = 'Jan _2 15:04:05.000';
export const StampMicro = 'Jan _2 15:04:05.000000';
export const StampNano = 'Jan _2 15:04:05.000000000';
export const DateTime = '2006-01-02 15:04:05';
export const DateOnly = '2006-01-02';
export const TimeOnly = '15:04:05';

export type Std =
  | 'LongMonth'
  | 'Month'
  | 'NumMonth'
  | 'ZeroMonth'
  | 'LongWeekDay'
  | 'WeekDay'
  | 'Day'
  | 'UnderDay'
  | 'ZeroDay'
  | 'UnderYearDay'
  | 'ZeroYearDay'
  | 'Hour'
  | 'Hour12'
  | 'ZeroHour12'
  | 'Minute'
  | 'ZeroMinute'
  | 'Second'
  | 'ZeroSecond'
  | 'LongYear'
  | 'Year'
  | 'PM'
  | 'pm'
  | 'TZ'
  | 'ISO8601TZ'
  | 'ISO8601SecondsTZ'
  | 'ISO8601ShortTZ'
  | 'ISO8601ColonTZ'
  | 'ISO8601ColonSecondsTZ'
  | 'NumTZ'
  | 'NumSecondsTz'
  | 'NumShortTZ'
  | 'NumColonTZ'
  | 'NumColonSecondsTZ'
  | { frac: '0' | '9'; digits: number; sep: string };

export interface Chunk {
  prefix: string;
  std: Std | null;
  suffix: string;
}

const std0x: Std[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];

function startsWithLowerCase(s: string): boolean {
  return s.length > 0 && s[0]! >= 'a' && s[0]! <= 'z';
}

function isDigitAt(s: string, i: number): boolean {
  return i < s.length && s[i]! >= '0' && s[i]! <= '9';
}

/** nextStdChunk: the text before the first layout element, the element, and the rest. */
export function nextStdChunk(layout: string): Chunk {
  const at = (i: number, s: string) => layout.startsWith(s, i);
  const hit = (i: number, std: Std, len: number): Chunk => ({
    prefix: layout.slice(0, i),
    std,
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    switch (layout[i]) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return hit(i, 'LongMonth', 7);
          if (!startsWithLowerCase(layout.slice(i + 3))) return hit(i, 'Month', 3);
        }
        break;
      case 'M':
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return hit(i, 'LongWeekDay', 6);
          if (!startsWithLowerCase(layout.slice(i + 3))) return hit(i, 'WeekDay', 3);
        }
        if (at(i, 'MST')) return hit(i, 'TZ', 3);
        break;
      case '0': {
        const n = layout[i + 1];
        if (n !== undefined && n >= '1' && n <= '6') return hit(i, std0x[n.charCodeAt(0) - 49]!, 2);
        if (at(i, '002')) return hit(i, 'ZeroYearDay', 3);
        break;
      }
      case '1':
        if (layout[i + 1] === '5') return hit(i, 'Hour', 2);
        return hit(i, 'NumMonth', 1);
      case '2':
        if (at(i, '2006')) return hit(i, 'LongYear', 4);
        return hit(i, 'Day', 1);
      case '_':
        if (layout[i + 1] === '2') {
          // _2006 is really a literal _, followed by the long year
          if (at(i + 1, '2006'))
            return { prefix: layout.slice(0, i + 1), std: 'LongYear', suffix: layout.slice(i + 5) };
          return hit(i, 'UnderDay', 2);
        }
        if (at(i, '__2')) return hit(i, 'UnderYearDay', 3);
        break;
      case '3':
        return hit(i, 'Hour12', 1);
      case '4':
        return hit(i, 'Minute', 1);
      case '5':
        return hit(i, 'Second', 1);
      case 'P':
        if (layout[i + 1] === 'M') return hit(i, 'PM', 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return hit(i, 'pm', 2);
        break;
      case '-':
        if (at(i, '-070000')) return hit(i, 'NumSecondsTz', 7);
        if (at(i, '-07:00:00')) return hit(i, 'NumColonSecondsTZ', 9);
        if (at(i, '-0700')) return hit(i, 'NumTZ', 5);
        if (at(i, '-07:00')) return hit(i, 'NumColonTZ', 6);
        if (at(i, '-07')) return hit(i, 'NumShortTZ', 3);
        break;
      case 'Z':
        if (at(i, 'Z070000')) return hit(i, 'ISO8601SecondsTZ', 7);
        if (at(i, 'Z07:00:00')) return hit(i, 'ISO8601ColonSecondsTZ', 9);
        if (at(i, 'Z0700')) return hit(i, 'ISO8601TZ', 5);
        if (at(i, 'Z07:00')) return hit(i, 'ISO8601ColonTZ', 6);
        if (at(i, 'Z07')) return hit(i, 'ISO8601ShortTZ', 3);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // the run of digits must end here: only a fractional second if all digits are the same
          if (!isDigitAt(layout, j)) {
            return {
              prefix: layout.slice(0, i),
              std: { frac: ch, digits: j - (i + 1), sep: layout[i]! },
              suffix: layout.slice(j),
            };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: null, suffix: '' };
}
