import type { ListSpec } from '../families/spec.ts';
import { toHalfWidth } from '../values/index.ts';
import { matchesLabel } from './label.ts';
import type { IndexedCell, SheetIndex } from './sheet-index.ts';

const NUMBERED = /^\s*([0-9０-９]{1,3}|[①-⑳])[\s\u3000.．、)）]*([\s\S]*)$/;

/**
 * Reads a numbered list beside its label: one item per row, number and text in one cell or two. When nothing
 * is numbered right of the label, the label heads a column (番号 | 区の重点目標, or 目標1 … under 重点目標)
 * and the items are the rows below it.
 */
export function readList(index: SheetIndex, spec: ListSpec): Record<string, string | null>[] {
  const label = index.findFirst(spec.label);
  if (!label) return [];
  // 「重点目標１ | text」 row by row: the label carries the first number, so its own row is the first item.
  if (NUMBERED_LABEL.test(index.norm(label.row, label.col))) return readBelow(index, spec, label, label.row);
  const beside = readBeside(index, spec, label);
  return beside.length > 0 ? beside : readBelow(index, spec, label);
}

/** A row label that is itself numbered: 重点目標1, 重点目標①. */
const NUMBERED_LABEL = /(?:[0-9]{1,3}|[①-⑳])$/;

const NUMBERED_BELOW = /^\s*(?:重点)?(?:目標)?\s*([0-9０-９]{1,3}|[①-⑳])[\s\u3000.．、)）:：]*([\s\S]*)$/;

/** The rows under a column-heading label: the number in the label's column or left of it, the text in it or right of it. */
function readBelow(
  index: SheetIndex,
  spec: ListSpec,
  label: IndexedCell,
  from = index.view.belowOf(label.row, label.col),
): Record<string, string | null>[] {
  const { view } = index;
  const items: Record<string, string | null>[] = [];
  for (let row = from; row < view.rowCount; row = view.belowOf(row, label.col)) {
    const cols: number[] = [];
    for (let col = 0; col < view.colCount; col = view.rightOf(row, col)) if (view.text(row, col) !== '') cols.push(col);
    if (cols.length === 0) {
      if (items.length > 0) break;
      continue;
    }
    if (cols.some((col) => matchesLabel(index.norm(row, col), spec.end))) break;
    const here = view.text(row, label.col);
    const numbered = NUMBERED_BELOW.exec(here);
    const right = cols.find((c) => c > label.col);
    const left = [...cols].reverse().find((c) => c < label.col);
    let no: string;
    let text: string;
    let textCol = label.col;
    if (numbered && (numbered[2]!.trim() !== '' || right !== undefined)) {
      no = normalizeNumber(numbered[1]!);
      text = numbered[2]!.trim();
      if (text === '' && right !== undefined) {
        textCol = right;
        text = view.text(row, right);
      }
    } else if (here !== '') {
      const leftNo = left === undefined ? null : NUMBERED.exec(view.text(row, left));
      no = leftNo && leftNo[2]!.trim() === '' ? normalizeNumber(leftNo[1]!) : String(items.length + 1);
      text = here;
    } else break;
    if (text.trim() === '') continue;
    items.push({ no, text, cell: view.address(row, textCol), noCell: view.address(row, left ?? label.col) });
  }
  return items;
}

function readBeside(index: SheetIndex, spec: ListSpec, label: IndexedCell): Record<string, string | null>[] {
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
