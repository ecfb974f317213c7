import { a1, type CellRange } from './address.ts';
import { EMPTY_CELL, type Grid, type GridCell } from './grid.ts';

/**
 * Read access to a Grid that resolves merged areas: every cell of a merge reads as its top-left cell,
 * so a goal merged over three indicator rows belongs to each of them.
 */
export class GridView {
  readonly grid: Grid;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOf = new Map<number, CellRange>();

  constructor(grid: Grid) {
    this.grid = grid;
    this.rowCount = grid.rows.length;
    this.colCount = grid.rows.reduce((max, row) => Math.max(max, row.length), 0);
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The cell as stored (no merge resolution). */
  raw(row: number, col: number): GridCell {
    return this.grid.rows[row]?.[col] ?? EMPTY_CELL;
  }

  /** The merged area containing the cell, if any. */
  merge(row: number, col: number): CellRange | undefined {
    return this.mergeOf.get(this.key(row, col));
  }

  /** The cell, read through merges. */
  cell(row: number, col: number): GridCell {
    const m = this.merge(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Trimmed display text, read through merges. */
  text(row: number, col: number): string {
    return this.cell(row, col).text.trim();
  }

  /** True when the cell is the top-left of its merge or not merged. */
  isAnchor(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** Address of the cell that holds the value (the merge's top-left). */
  address(row: number, col: number): string {
    const m = this.merge(row, col);
    return m ? a1(m.top, m.left) : a1(row, col);
  }

  /** The last column (exclusive) of the cell's merged area. */
  rightOf(row: number, col: number): number {
    const m = this.merge(row, col);
    return m ? m.right + 1 : col + 1;
  }

  /** The last row (exclusive) of the cell's merged area. */
  belowOf(row: number, col: number): number {
    const m = this.merge(row, col);
    return m ? m.bottom + 1 : row + 1;
  }
}
