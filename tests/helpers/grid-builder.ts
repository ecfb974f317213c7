import { parseRange, type Grid, type GridCell } from '../../shared/grid/index.ts';

type Input = string | number | null | undefined;

/** Builds a Grid from rows of plain values (numbers become number cells) and A1 merge ranges. */
export function gridFrom(sheet: string, rows: Input[][], merges: string[] = [], names?: Record<string, string>): Grid {
  const grid: Grid = {
    sheet,
    rows: rows.map((row) =>
      row.map((value): GridCell | undefined => {
        if (value === null || value === undefined || value === '') return undefined;
        if (typeof value === 'number')
          return {
            text: value.toLocaleString('en-US', { maximumFractionDigits: 10 }),
            kind: 'number',
            value,
            numFmt: '#,##0',
          };
        return { text: value, kind: 'string', value };
      }),
    ),
    merges: merges.map((m) => parseRange(m)!),
  };
  if (names) grid.names = names;
  return grid;
}
