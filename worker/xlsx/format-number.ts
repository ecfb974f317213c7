/** Number display text for the common Excel number formats; anything unusual falls back to General. */
export function formatNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = numFmt ? compiled(numFmt) : null;
  if (!sections) return generalNumber(value);
  let section = sections[0]!;
  let v = value;
  let autoMinus = value < 0;
  if (value < 0 && sections.length > 1) {
    section = sections[1]!;
    v = -value;
    autoMinus = false;
  } else if (value === 0 && sections.length > 2) {
    section = sections[2]!;
  }
  const rendered = render(Math.abs(v), section);
  if (rendered === undefined) return generalNumber(value);
  return autoMinus && /[1-9]/.test(rendered) ? `-${rendered}` : rendered;
}

/** A format code read once: null for General (and text "@"), else each section's plan. */
type Compiled = Section[] | null;

/** What one section does: show fixed text, show a number between literals, or is beyond this reader (General). */
type Section =
  | { kind: 'text'; text: string }
  | { kind: 'unsupported' }
  | {
      kind: 'number';
      prefix: string;
      suffix: string;
      maxDec: number;
      minDec: number;
      minInt: number;
      grouping: boolean;
      percents: number;
      scaleCommas: number;
      pointAlways: boolean;
    };

// A workbook uses a handful of format codes over thousands of cells: read each code once (bounded).
const COMPILED = new Map<string, Compiled>();

function compiled(numFmt: string): Compiled {
  let plan = COMPILED.get(numFmt);
  if (plan === undefined) {
    const code = numFmt.trim();
    plan = /^general$/i.test(code) || code === '@' ? null : splitSections(numFmt).map(compileSection);
    if (COMPILED.size >= 1000) COMPILED.clear();
    COMPILED.set(numFmt, plan);
  }
  return plan;
}

/** Excel's General for a stored double: at most 15 significant digits, so 0.1+0.2 reads "0.3". */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const n = Number(value.toPrecision(15));
  return Object.is(n, -0) ? '0' : String(n);
}

/** Splits a format code on ";" outside quotes and escapes. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '\\') {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (!quoted && ch === ';') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

interface Token {
  literal: boolean;
  text: string;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ literal: true, text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ literal: true, text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      tokens.push({ literal: true, text: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const currency = /^\[\$([^-\]]*)/.exec(section.slice(i, stop + 1));
      if (currency?.[1]) tokens.push({ literal: true, text: currency[1] });
      i = stop;
    } else {
      tokens.push({ literal: false, text: ch });
    }
  }
  return tokens;
}

function compileSection(section: string): Section {
  const tokens = tokenize(section);
  const isPlaceholder = (t: Token): boolean => !t.literal && /[0#?]/.test(t.text);
  const first = tokens.findIndex(isPlaceholder);
  if (first < 0) {
    // A section of literals only (e.g. "－" for zero) shows just those.
    if (tokens.some((t) => !t.literal && /[A-Za-z@]/.test(t.text))) return { kind: 'unsupported' };
    return { kind: 'text', text: tokens.map((t) => t.text).join('') };
  }
  let last = first;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isPlaceholder(t)) last = i;
    else if (t.literal || !/[.,]/.test(t.text)) break;
  }
  let scaleCommas = 0;
  let suffixStart = last + 1;
  while (tokens[suffixStart] && !tokens[suffixStart]!.literal && tokens[suffixStart]!.text === ',') {
    scaleCommas++;
    suffixStart++;
  }
  const prefix = tokens.slice(0, first);
  const suffix = tokens.slice(suffixStart);
  const rest = [...prefix, ...suffix];
  if (rest.some((t) => !t.literal && /[A-Za-z@/]/.test(t.text))) return { kind: 'unsupported' };
  const pattern = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join('');
  const [intPat = '', decPat = ''] = pattern.split('.');
  const maxDec = (decPat.match(/[0#?]/g) ?? []).length;
  const minDec = decPat.replace(/[^0#?]/g, '').replace(/[#?]+$/, '').length;
  const text = (ts: Token[]): string => ts.map((t) => t.text).join('');
  return {
    kind: 'number',
    prefix: text(prefix),
    suffix: text(suffix),
    maxDec,
    minDec,
    minInt: (intPat.match(/0/g) ?? []).length,
    grouping: /[0#?],+[0#?]/.test(intPat),
    percents: rest.filter((t) => !t.literal && t.text === '%').length,
    scaleCommas,
    pointAlways: maxDec > 0 && minDec === 0 && /\./.test(pattern),
  };
}

/** Renders a non-negative number with one compiled section; undefined when it needs General instead. */
function render(abs: number, section: Section): string | undefined {
  if (section.kind === 'unsupported') return undefined;
  if (section.kind === 'text') return section.text;
  const { maxDec, minDec, minInt, grouping, percents, scaleCommas } = section;
  const scaled = (abs * 100 ** percents) / 1000 ** scaleCommas;
  const fixed = roundHalfUp(scaled, maxDec);
  let [intDigits = '0', decDigits = ''] = fixed.split('.');
  intDigits = intDigits.replace(/^0+/, '').padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  while (decDigits.length > minDec && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  const number = decDigits ? `${intDigits}.${decDigits}` : section.pointAlways ? `${intDigits}.` : intDigits;
  return `${section.prefix}${number}${section.suffix}`;
}

/** Rounds half away from zero at `dec` decimals on the 15-significant-digit decimal value, as Excel does. */
export function roundHalfUp(abs: number, dec: number): string {
  if (abs === 0) return dec > 0 ? `0.${'0'.repeat(dec)}` : '0';
  const [mantissa = '0', expText = '0'] = abs.toExponential(14).split('e');
  const digits = BigInt(mantissa.replace('.', ''));
  const k = Number(expText) - 14 + dec;
  let scaled: bigint;
  if (k >= 0) {
    scaled = digits * 10n ** BigInt(k);
  } else {
    const divisor = 10n ** BigInt(-k);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n;
  }
  const s = scaled.toString().padStart(dec + 1, '0');
  return dec > 0 ? `${s.slice(0, -dec)}.${s.slice(-dec)}` : s;
}
