import { a1 } from '../grid/index.ts';
import type { FieldValue } from '../model/record.ts';
import type { FieldSpec, Label } from '../families/spec.ts';
import { matchesLabel } from './label.ts';
import type { IndexedCell, SheetIndex } from './sheet-index.ts';

/** How far right of its label a field's value may sit (label and value cells are often merged wide). */
const MAX_RIGHT_CELLS = 6;

/** Reads every field of a variant: the value right of or below its label, with the value cell's address. */
export function readFields(
  index: SheetIndex,
  specs: readonly FieldSpec[],
  stopLabels: readonly Label[],
): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const spec of specs) {
    const label = index.findFirst(spec.label);
    const value = label ? readField(index, spec, label, stopLabels) : undefined;
    const own = spec.self && !value?.value ? index.findFirst(spec.self) : undefined;
    if (own) fields[spec.key] = { value: own.text, cell: a1(own.row, own.col) };
    else if (value) fields[spec.key] = value;
  }
  return fields;
}

function readField(
  index: SheetIndex,
  spec: FieldSpec,
  label: IndexedCell,
  stopLabels: readonly Label[],
): FieldValue | undefined {
  if (spec.inline) {
    const m = spec.inline.exec(label.text);
    if (m?.[1] && m[1].trim() !== label.text.trim()) return { value: m[1].trim(), cell: a1(label.row, label.col) };
  }
  const right = spec.direction === 'below' ? undefined : valueRightOf(index, label, stopLabels);
  if (right && right.value !== '') return right;
  const below = spec.direction === 'right' ? undefined : valueBelow(index, label, stopLabels);
  if (below && below.value !== '') return below;
  return right ?? below;
}

/** The first non-label cell right of the label; empty value with the first candidate's address when blank. */
function valueRightOf(index: SheetIndex, label: IndexedCell, stopLabels: readonly Label[]): FieldValue | undefined {
  const { view } = index;
  let col = view.rightOf(label.row, label.col);
  let first: FieldValue | undefined;
  for (let step = 0; step < MAX_RIGHT_CELLS && col < Math.max(view.colCount, label.col + 2); step++) {
    const norm = index.norm(label.row, col);
    if (matchesLabel(norm, stopLabels)) break;
    const text = view.text(label.row, col);
    const candidate = { value: text, cell: view.address(label.row, col) };
    first ??= candidate;
    if (text !== '') return candidate;
    col = view.rightOf(label.row, col);
  }
  return first;
}

/** The cell directly under the label (through merges); empty value with its address when blank. */
function valueBelow(index: SheetIndex, label: IndexedCell, stopLabels: readonly Label[]): FieldValue | undefined {
  const { view } = index;
  const row = view.belowOf(label.row, label.col);
  if (row >= Math.max(view.rowCount, label.row + 2)) return undefined;
  if (matchesLabel(index.norm(row, label.col), stopLabels)) return undefined;
  return { value: view.text(row, label.col), cell: view.address(row, label.col) };
}
