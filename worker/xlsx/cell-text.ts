// Excel's limit on one cell's text. A workbook holding a longer cell does not open in Excel ("we found a
// problem with some content"), so every workbook mokuhyo writes — the marked copy, the summary — shortens
// such text and says so in the cell.

/** Excel refuses to open a workbook with a cell longer than this many characters. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Appended to a shortened cell, so the reader sees that text is missing. */
export const TRUNCATED_MARK = '…（32,767 文字を超えるため以降を省略）';

/** Text over Excel's limit, shortened to exactly the limit with a visible mark; other text as it was. */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
  let cut = EXCEL_MAX_CELL_CHARS - TRUNCATED_MARK.length;
  // never split a surrogate pair (the result is then one character shorter than the limit)
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  return text.slice(0, cut) + TRUNCATED_MARK;
}
