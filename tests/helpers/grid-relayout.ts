import type { CellRange, Grid, GridCell } from '../../shared/grid/index.ts';

/** Grid-level re-layouts for pure extractor tests: the same edits staff make to a sheet. */
export function insertRows(grid: Grid, at: number, count: number, fill?: string): Grid {
  const blank = Array.from({ length: count }, (): (GridCell | undefined)[] =>
    fill ? [{ text: fill, kind: 'string', value: fill }] : [],
  );
  return {
    ...grid,
    rows: [...grid.rows.slice(0, at), ...blank, ...grid.rows.slice(at)],
    merges: grid.merges.map((m) => shift(m, at, count, 'row')),
  };
}

export function insertColumns(grid: Grid, at: number, count: number, header?: { row: number; text: string }): Grid {
  const rows = grid.rows.map((row, r) => {
    const extra: (GridCell | undefined)[] = Array.from({ length: count }, () => undefined);
    if (header && header.row === r) extra[0] = { text: header.text, kind: 'string', value: header.text };
    const padded = row.length < at ? [...row, ...Array.from({ length: at - row.length }, () => undefined)] : row;
    return [...padded.slice(0, at), ...extra, ...padded.slice(at)];
  });
  return { ...grid, rows, merges: grid.merges.map((m) => shift(m, at, count, 'col')) };
}

/** Removes every merge; 'repeat' copies the text into each cell, 'blank' leaves all but the first empty. */
export function unmerge(grid: Grid, mode: 'blank' | 'repeat', filter: (m: CellRange) => boolean = () => true): Grid {
  const rows = grid.rows.map((row) => [...row]);
  for (const m of grid.merges.filter(filter)) {
    const anchor = rows[m.top]?.[m.left];
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const row = (rows[r] ??= []);
        row[c] = mode === 'repeat' && anchor ? { ...anchor } : undefined;
      }
    }
  }
  return { ...grid, rows, merges: grid.merges.filter((m) => !filter(m)) };
}

/** Maps every cell's text (and string value) through fn. */
export function mapText(grid: Grid, fn: (text: string, cell: GridCell) => string): Grid {
  return {
    ...grid,
    rows: grid.rows.map((row) =>
      row.map((cell) => {
        if (!cell) return cell;
        const text = fn(cell.text, cell);
        return { text, kind: 'string', value: text };
      }),
    ),
  };
}

export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z.,%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function shift(m: CellRange, at: number, count: number, axis: 'row' | 'col'): CellRange {
  if (axis === 'row') {
    return { ...m, top: m.top >= at ? m.top + count : m.top, bottom: m.bottom >= at ? m.bottom + count : m.bottom };
  }
  return { ...m, left: m.left >= at ? m.left + count : m.left, right: m.right >= at ? m.right + count : m.right };
}
