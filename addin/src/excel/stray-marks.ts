import type { CellFill, StoredFill } from './annotation-store.ts';
import { NO_FILL, sameColor, SEVERITY_FILL } from './fills.ts';

/**
 * The original fill of a cell that carries the add-in's note and colour but has no entry in the record: a
 * sheet copied after a check (the copy has the colours and notes; the record names the source sheet), or a
 * clean-up staff undid with Ctrl+Z (the record, a custom XML part, is not undone: OfficeDev/office-js#6415).
 * The colour is then the add-in's, not the cell's own: the source sheet's entry for the same cell gives the
 * original when one matches, else the cell had no fill.
 */
export function strayOriginal(others: readonly StoredFill[], cell: string, current: CellFill): CellFill {
  const source = others.find((e) => e.cell === cell && sameColor(current.color, SEVERITY_FILL[e.severity]));
  return source?.original ?? NO_FILL;
}
