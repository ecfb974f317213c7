import { GridView, type Grid } from '../grid/index.ts';
import type { Label } from '../families/spec.ts';
import { matchesLabel, normalizeLabel } from './label.ts';

/** A non-empty anchor cell with its normalised text. */
export interface IndexedCell {
  row: number;
  col: number;
  text: string;
  norm: string;
}

/** One pass over a sheet: every non-empty anchor cell, normalised once, searchable by label. */
export class SheetIndex {
  readonly view: GridView;
  readonly cells: IndexedCell[] = [];
  private readonly normCache = new Map<number, string>();

  constructor(grid: Grid) {
    this.view = new GridView(grid);
    for (let r = 0; r < this.view.rowCount; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || cell.text.trim() === '' || !this.view.isAnchor(r, c)) continue;
        const text = cell.text.trim();
        this.cells.push({ row: r, col: c, text, norm: normalizeLabel(text) });
      }
    }
  }

  /** Normalised text of any cell, read through merges. */
  norm(row: number, col: number): string {
    const key = row * 16384 + col;
    let value = this.normCache.get(key);
    if (value === undefined) {
      value = normalizeLabel(this.view.text(row, col));
      this.normCache.set(key, value);
    }
    return value;
  }

  /** Every anchor cell whose text matches one of the labels, top to bottom, left to right. */
  find(labels: readonly Label[]): IndexedCell[] {
    return this.cells.filter((cell) => matchesLabel(cell.norm, labels));
  }

  /** The first cell matching the labels, trying the labels in order of preference. */
  findFirst(labels: readonly Label[]): IndexedCell | undefined {
    for (const label of labels) {
      const hit = this.cells.find((cell) => matchesLabel(cell.norm, [label]));
      if (hit) return hit;
    }
    return undefined;
  }

  has(labels: readonly Label[]): boolean {
    return this.cells.some((cell) => matchesLabel(cell.norm, labels));
  }
}
