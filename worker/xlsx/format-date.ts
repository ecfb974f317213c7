/** Japanese eras, newest first, with the (UTC) day each began. */
const ERAS: readonly { name: string; short: string; letter: string; start: number; year: number }[] = [
  { name: '令和', short: '令', letter: 'R', start: Date.UTC(2019, 4, 1), year: 2019 },
  { name: '平成', short: '平', letter: 'H', start: Date.UTC(1989, 0, 8), year: 1989 },
  { name: '昭和', short: '昭', letter: 'S', start: Date.UTC(1926, 11, 25), year: 1926 },
  { name: '大正', short: '大', letter: 'T', start: Date.UTC(1912, 6, 30), year: 1912 },
  { name: '明治', short: '明', letter: 'M', start: Date.UTC(1868, 0, 25), year: 1868 },
];

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = [
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

/** Excel's serial day number (1900 or 1904 system) as a UTC Date, the way exceljs converts it. */
export function serialToDate(serial: number, date1904 = false): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86_400_000));
}

/** ISO form of a date cell: "2020-04-01", or "2020-04-01T09:30:00" when it has a time of day. */
export function isoDate(d: Date): string {
  const t = roundToSecond(d);
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
  if (t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && t.getUTCSeconds() === 0) return date;
  return `${date}T${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`;
}

/** True when a format code shows a number as a date or time (including era codes exceljs does not recognise). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare) || /[0#?]/.test(bare)) return false;
  return /[ymdhsge]/i.test(bare);
}

/** The date as Excel would show it with this format; era codes (g, e) give 和暦 such as "令和2年4月1日". */
export function formatDate(d: Date, numFmt?: string): string {
  const t = roundToSecond(d);
  const hasTime = t.getUTCHours() !== 0 || t.getUTCMinutes() !== 0 || t.getUTCSeconds() !== 0;
  const fallback = hasTime ? 'yyyy/m/d h:mm' : 'yyyy/m/d';
  let fmt = (numFmt ?? '').split(';')[0]!.trim();
  // Locale-dependent built-ins (14, 22) show as yyyy/m/d in a Japanese Excel.
  if (!fmt || /^general$/i.test(fmt) || /^(mm-dd-yy|m\/d\/yy|m\/d\/yyyy)$/i.test(fmt)) fmt = fallback;
  if (/^m\/d\/yy "?h"?:mm$/i.test(fmt)) fmt = 'yyyy/m/d h:mm';
  const out = renderDate(t, fmt);
  return out.trim() === '' ? renderDate(t, fallback) : out;
}

function renderDate(t: Date, fmt: string): string {
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth();
  const day = t.getUTCDate();
  const h = t.getUTCHours();
  const mi = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  const era = ERAS.find((e) => t.getTime() >= e.start) ?? ERAS[ERAS.length - 1]!;
  const eraYear = y - era.year + 1;
  const ampm = /AM\/PM|A\/P/i.test(fmt);
  const tokens = fmt.match(/"[^"]*"|\\.|\[[^\]]*\]|AM\/PM|A\/P|g+|e+|y+|m+|d+|a{3,4}|h+|s+|\.0+|./gi) ?? [];
  let out = '';
  let lastWasHour = false;
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const c = lower[0];
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (tok.startsWith('[')) {
      /* locale, colour and elapsed-time brackets are not shown */
    } else if (c === 'g') out += lower.length >= 3 ? era.name : lower.length === 2 ? era.short : era.letter;
    else if (c === 'e') out += lower.length >= 2 ? pad2(eraYear) : String(eraYear);
    else if (c === 'y') out += lower.length <= 2 ? pad2(y % 100) : String(y);
    else if (c === 'm') {
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x) && !/^(am\/pm|a\/p)$/i.test(x));
      const minute = lower.length <= 2 && (lastWasHour || next?.[0]?.toLowerCase() === 's');
      if (minute) out += lower.length === 2 ? pad2(mi) : String(mi);
      else if (lower.length >= 4) out += MONTHS_EN[mo]!;
      else if (lower.length === 3) out += MONTHS_EN[mo]!.slice(0, 3);
      else out += lower.length === 2 ? pad2(mo + 1) : String(mo + 1);
    } else if (c === 'd') {
      const wd = t.getUTCDay();
      if (lower.length >= 4) out += WEEKDAYS_EN[wd]!;
      else if (lower.length === 3) out += WEEKDAYS_EN[wd]!.slice(0, 3);
      else out += lower.length === 2 ? pad2(day) : String(day);
    } else if (c === 'a' && lower.length >= 3 && !lower.includes('/')) {
      out += lower.length >= 4 ? `${WEEKDAYS_JA[t.getUTCDay()]!}曜日` : WEEKDAYS_JA[t.getUTCDay()]!;
    } else if (c === 'h') {
      const hour = ampm ? ((h + 11) % 12) + 1 : h;
      out += lower.length >= 2 ? pad2(hour) : String(hour);
    } else if (c === 's') out += lower.length >= 2 ? pad2(s) : String(s);
    else if (lower === 'am/pm') out += h < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += h < 12 ? 'A' : 'P';
    else if (tok.startsWith('.0')) out += '';
    else out += tok;
    if (c === 'h') lastWasHour = true;
    else if (/^[a-z]/i.test(tok) && c !== 'm') lastWasHour = false;
  });
  return out;
}

function roundToSecond(d: Date): Date {
  return new Date(Math.round(d.getTime() / 1000) * 1000);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
