/**
 * time.Time.Format (time/format.go appendFormat): each layout element rendered from
 * a time's broken-down fields — names, zero- and space-padded numbers, AM/PM,
 * zones as names or offsets ("Z07:00" prints "Z" for UTC), fractional seconds.
 */
import { nextStdChunk, type Std } from './time-layout.ts';

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

export const MONTH_NAMES = [
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
      return MONTH_NAMES[f.month - 1]!.slice(0, 3);
    case 'LongMonth':
      return MONTH_NAMES[f.month - 1]!;
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
