import type { ListSpec } from '../families/spec.ts';
import { toHalfWidth } from '../values/index.ts';
import { matchesLabel } from './label.ts';
import type { SheetIndex } from './sheet-index.ts';

const NUMBERED = /^\s*([0-9０-９]{1,3}|[①-⑳])[\s\u3000.．、)）]*([\s\S]*)$/;

/** Reads a numbered list beside its label: one item per row, number and text in one cell or two. */
export function readList(index: SheetIndex, spec: ListSpec): Record<string, string | null>[] {
  const label = index.findFirst(spec.label);
  if (!label) return [];
  const { view } = index;
  const items: Record<string, string | null>[] = [];
  const labelBottom = view.belowOf(label.row, label.col);
  const startCol = view.rightOf(label.row, label.col);
  for (let row = label.row; row < view.rowCount; row++) {
    const cols: number[] = [];
    for (let col = startCol; col < view.colCount; col = view.rightOf(row, col)) {
      if (view.text(row, col) !== '') cols.push(col);
    }
    if (cols.some((col) => matchesLabel(index.norm(row, col), spec.end))) break;
    if (row > label.row && view.isAnchor(row, label.col) && index.norm(row, label.col) !== '') break;
    const first = cols[0];
    const m = first === undefined ? null : NUMBERED.exec(view.text(row, first));
    if (!m || first === undefined) {
      if (row >= labelBottom) break;
      continue;
    }
    const no = normalizeNumber(m[1]!);
    let text = m[2]!.trim();
    let textCol = first;
    if (text === '' && cols[1] !== undefined) {
      textCol = cols[1];
      text = view.text(row, textCol);
    }
    if (text === '') continue;
    items.push({ no, text, cell: view.address(row, textCol), noCell: view.address(row, first) });
  }
  return items;
}

function normalizeNumber(text: string): string {
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(text);
  return circled >= 0 ? String(circled + 1) : toHalfWidth(text);
}
