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
  private readonly textRows: (string[] | undefined)[] = [];
  private readonly hitCache = new Map<Label, IndexedCell[]>();
  private readonly findCache = new Map<readonly Label[], IndexedCell[]>();

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

  /** Trimmed text of every column of a row (colCount long), read through merges; computed once per row. */
  rowTexts(row: number): readonly string[] {
    let texts = this.textRows[row];
    if (!texts) {
      texts = [];
      for (let col = 0; col < this.view.colCount; col++) texts.push(this.view.text(row, col));
      this.textRows[row] = texts;
    }
    return texts;
  }

  /** A number naming the cell that holds the value (the merge's top-left), like `view.address` but cheaper. */
  anchorKey(row: number, col: number): number {
    const m = this.view.merge(row, col);
    return m ? m.top * 16384 + m.left : row * 16384 + col;
  }

  /** Every anchor cell whose text matches one of the labels, top to bottom, left to right. */
  find(labels: readonly Label[]): IndexedCell[] {
    if (labels.length === 1) return [...this.hits(labels[0]!)];
    let found = this.findCache.get(labels);
    if (!found) {
      found = this.cells.filter((cell) => matchesLabel(cell.norm, labels));
      this.findCache.set(labels, found);
    }
    return [...found];
  }

  /** The first cell matching the labels, trying the labels in order of preference. */
  findFirst(labels: readonly Label[]): IndexedCell | undefined {
    for (const label of labels) {
      const hit = this.hits(label)[0];
      if (hit) return hit;
    }
    return undefined;
  }

  has(labels: readonly Label[]): boolean {
    return labels.some((label) => this.hits(label).length > 0);
  }

  /** Cells matching one label, asked once per label and sheet (variants share many labels). */
  private hits(label: Label): readonly IndexedCell[] {
    let found = this.hitCache.get(label);
    if (!found) {
      const one = [label];
      found = this.cells.filter((cell) => matchesLabel(cell.norm, one));
      this.hitCache.set(label, found);
    }
    return found;
  }
}
