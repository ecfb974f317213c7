// Text normalisation for cells typed by staff: full-width ASCII, stray dashes, wrapped lines.

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_SHIFT = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Converts full-width ASCII (０-９ Ａ-Ｚ ．，％（）－ …) and the ideographic space to ASCII; kana and kanji stay. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) out += String.fromCharCode(code - FULL_WIDTH_SHIFT);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

// Hyphen, dashes, horizontal bar, minus sign, box-drawing lines: all typed as "-" in a cell.
const DASHES = /[\u2010-\u2015\u2212\u2500\u2501\ufe58\ufe63]/g;
const WAVE_DASHES = /[\u301c\u223c]/g; // 〜 ∼ (full-width ～ is already "~")
const HALF_WIDTH_KATAKANA = /[\uff61-\uff9f]+/g;
const LINE_BREAK = /[ \t\u00a0]*(?:\r\n|\r|\n)\s*/g;
const SPACES = /[ \t\u00a0\f\v]+/g;

/** True for characters of Japanese text (kana, kanji, Japanese punctuation), where a wrapped line is no word break. */
function isJapanese(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x3000 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}

/**
 * Normalises a cell's text for reading: half-width ASCII, full-width katakana, one "-" for all dashes,
 * "~" for wave dashes, and whitespace collapsed. A line break next to Japanese text is dropped (the
 * cell merely wrapped: "年2\n回" → "年2回"); between two ASCII words it becomes a space ("87\n100").
 * Katakana "ー" and circled numbers (①, ㋐) are kept as written.
 */
export function normalizeText(text: string): string {
  const half = toHalfWidth(text)
    .replace(HALF_WIDTH_KATAKANA, (run) => run.normalize('NFKC'))
    .replace(DASHES, '-')
    .replace(WAVE_DASHES, '~');
  const joined = half.replace(LINE_BREAK, (match: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + match.length];
    return isJapanese(before) || isJapanese(after) ? '' : ' ';
  });
  return joined.replace(SPACES, ' ').trim();
}
