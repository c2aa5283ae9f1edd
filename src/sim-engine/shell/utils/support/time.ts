/**
 * Calendar arithmetic and strftime on the virtual clock, always in UTC (containers
 * have no /etc/localtime unless a lesson adds one), without the Date global.
 */
import { civilFromDays, daysFromCivil, MONTH_NAMES } from '../../../golang/time.ts';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS_LONG = MONTH_NAMES;
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface Civil {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday */
  weekday: number;
  /** 1–366 */
  yearDay: number;
}

export { daysFromCivil };

export function civil(ms: number): Civil {
  const days = Math.floor(ms / 86400000);
  const rest = ms - days * 86400000;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rest / 3600000),
    minute: Math.floor(rest / 60000) % 60,
    second: Math.floor(rest / 1000) % 60,
    ms: rest % 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1) + 1,
  };
}

export function toMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return (daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * The last text made for each format: virtual time stands still while a command runs,
 * so a server's log lines ask for the same instant over and over.
 */
const lastFormatted = new Map<string, { ms: number; zone: string; text: string }>();

/** strftime in the C locale, UTC. Unknown conversions are copied as they are. */
export function strftime(format: string, ms: number, zone = 'UTC'): string {
  const last = lastFormatted.get(format);
  if (last && last.ms === ms && last.zone === zone) return last.text;
  const text = formatTime(format, ms, zone);
  if (!last && lastFormatted.size >= 32) lastFormatted.clear();
  lastFormatted.set(format, { ms, zone, text });
  return text;
}

function formatTime(format: string, ms: number, zone: string): string {
  const c = civil(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    let spec = format[++i]!;
    // GNU flags: - (no padding), _ (space padding), 0
    let flag = '';
    if ('-_0^#'.includes(spec) && i + 1 < format.length) {
      flag = spec;
      spec = format[++i]!;
    }
    const num = (n: number, width: number) => {
      if (flag === '-') return String(n);
      if (flag === '_') return String(n).padStart(width, ' ');
      return String(n).padStart(width, '0');
    };
    switch (spec) {
      case 'Y':
        out += String(c.year);
        break;
      case 'C':
        out += num(Math.floor(c.year / 100), 2);
        break;
      case 'y':
        out += num(c.year % 100, 2);
        break;
      case 'm':
        out += num(c.month, 2);
        break;
      case 'd':
        out += num(c.day, 2);
        break;
      case 'e':
        out += flag ? num(c.day, 2) : String(c.day).padStart(2, ' ');
        break;
      case 'H':
        out += num(c.hour, 2);
        break;
      case 'k':
        out += String(c.hour).padStart(2, ' ');
        break;
      case 'I':
        out += num(c.hour % 12 || 12, 2);
        break;
      case 'l':
        out += String(c.hour % 12 || 12).padStart(2, ' ');
        break;
      case 'M':
        out += num(c.minute, 2);
        break;
      case 'S':
        out += num(c.second, 2);
        break;
      case 'N':
        out += String(c.ms * 1000000).padStart(9, '0');
        break;
      case 'p':
        out += c.hour < 12 ? 'AM' : 'PM';
        break;
      case 'P':
        out += c.hour < 12 ? 'am' : 'pm';
        break;
      case 'j':
        out += num(c.yearDay, 3);
        break;
      case 'a':
        out += DAYS[c.weekday];
        break;
      case 'A':
        out += DAYS_LONG[c.weekday];
        break;
      case 'b':
      case 'h':
        out += MONTHS[c.month - 1];
        break;
      case 'B':
        out += MONTHS_LONG[c.month - 1];
        break;
      case 'u':
        out += String(c.weekday || 7);
        break;
      case 'w':
        out += String(c.weekday);
        break;
      case 's':
        out += String(Math.floor(ms / 1000));
        break;
      case 'Z':
        out += zone;
        break;
      case 'z':
        out += '+0000';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case '%':
        out += '%';
        break;
      case 'D':
        out += `${p2(c.month)}/${p2(c.day)}/${p2(c.year % 100)}`;
        break;
      case 'F':
        out += `${c.year}-${p2(c.month)}-${p2(c.day)}`;
        break;
      case 'T':
        out += `${p2(c.hour)}:${p2(c.minute)}:${p2(c.second)}`;
        break;
      case 'R':
        out += `${p2(c.hour)}:${p2(c.minute)}`;
        break;
      case 'r':
        out += `${p2(c.hour % 12 || 12)}:${p2(c.minute)}:${p2(c.second)} ${c.hour < 12 ? 'AM' : 'PM'}`;
        break;
      case 'c':
        out += strftime('%a %b %e %H:%M:%S %Y', ms, zone);
        break;
      case 'x':
        out += `${p2(c.month)}/${p2(c.day)}/${p2(c.year % 100)}`;
        break;
      case 'X':
        out += `${p2(c.hour)}:${p2(c.minute)}:${p2(c.second)}`;
        break;
      case 'U':
        out += num(Math.floor((c.yearDay - 1 - c.weekday + 7) / 7), 2);
        break;
      case 'V':
        out += num(isoWeek(c), 2);
        break;
      case 'G':
        out += String(c.year);
        break;
      default:
        out += '%' + flag + spec;
    }
  }
  return out;
}

function isoWeek(c: Civil): number {
  const wd = c.weekday || 7;
  const week = Math.floor((c.yearDay - wd + 10) / 7);
  return week < 1 ? 52 : week > 52 && c.yearDay - wd > 361 - 7 ? 1 : week;
}

/** The date column of `ls -l`: the time for the last six months, the year otherwise. */
export function lsDate(mtime: number, now: number): string {
  const sixMonths = (365.2425 * 86400000) / 2;
  const recent = mtime <= now + 60000 && now - mtime < sixMonths;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime);
}
