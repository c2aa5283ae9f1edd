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

export interface Fields {
  year: number;
  month: number; // 1..12
  day: number;
  yday: number; // 1..366
  weekday: number; // 0 = Sunday
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  /** seconds east of UTC */
  offset: number;
  zoneName: string;
}

const longMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

function formatZone(offset: number, std: Std): string {
  let zone = Math.trunc(offset / 60); // minutes
  let absoffset = offset;
  let out = '';
  if (zone < 0) {
    out += '-';
    zone = -zone;
    absoffset = -absoffset;
  } else out += '+';
  out += pad(Math.trunc(zone / 60), 2);
  const colon =
    std === 'ISO8601ColonTZ' ||
    std === 'NumColonTZ' ||
    std === 'ISO8601ColonSecondsTZ' ||
    std === 'NumColonSecondsTZ';
  if (colon) out += ':';
  if (std !== 'NumShortTZ' && std !== 'ISO8601ShortTZ') out += pad(zone % 60, 2);
  if (
    std === 'ISO8601SecondsTZ' ||
    std === 'NumSecondsTz' ||
    std === 'NumColonSecondsTZ' ||
    std === 'ISO8601ColonSecondsTZ'
  ) {
    if (colon) out += ':';
    out += pad(absoffset % 60, 2);
  }
  return out;
}

function formatStd(f: Fields, std: Std): string {
  if (typeof std === 'object') {
    if (std.frac === '9' && (std.digits === 0 || f.nsec === 0)) return '';
    let digits = pad(f.nsec, 9).slice(0, std.digits);
    if (std.frac === '9') digits = digits.replace(/0+$/, '');
    return digits === '' && std.frac === '9' ? '' : std.sep + digits;
  }
  switch (std) {
    case 'Year':
      return pad(((f.year % 100) + 100) % 100, 2);
    case 'LongYear':
      return pad(f.year, 4);
    case 'Month':
      return longMonthNames[f.month - 1]!.slice(0, 3);
    case 'LongMonth':
      return longMonthNames[f.month - 1]!;
    case 'NumMonth':
      return String(f.month);
    case 'ZeroMonth':
      return pad(f.month, 2);
    case 'WeekDay':
      return longDayNames[f.weekday]!.slice(0, 3);
    case 'LongWeekDay':
      return longDayNames[f.weekday]!;
    case 'Day':
      return String(f.day);
    case 'UnderDay':
      return (f.day < 10 ? ' ' : '') + f.day;
    case 'ZeroDay':
      return pad(f.day, 2);
    case 'UnderYearDay':
      return String(f.yday).padStart(3, ' ');
    case 'ZeroYearDay':
      return pad(f.yday, 3);
    case 'Hour':
      return pad(f.hour, 2);
    case 'Hour12':
      return String(f.hour % 12 === 0 ? 12 : f.hour % 12);
    case 'ZeroHour12':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, 2);
    case 'Minute':
      return String(f.min);
    case 'ZeroMinute':
      return pad(f.min, 2);
    case 'Second':
      return String(f.sec);
    case 'ZeroSecond':
      return pad(f.sec, 2);
    case 'PM':
      return f.hour >= 12 ? 'PM' : 'AM';
    case 'pm':
      return f.hour >= 12 ? 'pm' : 'am';
    case 'TZ':
      if (f.zoneName !== '') return f.zoneName;
      // no zone name known: print it as -0700
      return formatZone(f.offset, 'NumTZ');
    case 'ISO8601TZ':
    case 'ISO8601SecondsTZ':
    case 'ISO8601ShortTZ':
    case 'ISO8601ColonTZ':
    case 'ISO8601ColonSecondsTZ':
      if (f.offset === 0) return 'Z';
      return formatZone(f.offset, std);
    default:
      return formatZone(f.offset, std);
  }
}

/** time.Time.Format over broken-down fields. */
export function formatLayout(f: Fields, layout: string): string {
  let out = '';
  while (layout !== '') {
    const { prefix, std, suffix } = nextStdChunk(layout);
    out += prefix;
    if (std === null) break;
    layout = suffix;
    out += formatStd(f, std);
  }
  return out;
}
