/** A1 addressing helpers; rows and columns are 0-based internally. */

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnName(col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses "H12" (or "$H$12") into 0-based coordinates; undefined when it is not an address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A1:C3" (or a single address) into a range. */
export function parseRange(ref: string): CellRange | undefined {
  const [from, to = from] = ref.split(':');
  const a = from ? parseA1(from) : undefined;
  const b = to ? parseA1(to) : undefined;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeA1(range: CellRange): string {
  const from = a1(range.top, range.left);
  const to = a1(range.bottom, range.right);
  return from === to ? from : `${from}:${to}`;
}
