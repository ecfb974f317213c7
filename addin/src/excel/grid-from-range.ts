import { parseRange, type CellRange } from '../../../shared/grid/address.ts';
import type { CellKind, Grid, GridCell } from '../../../shared/grid/grid.ts';

/** The used range of a sheet as Office.js returns it, after load + sync. */
export interface LoadedRange {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  text: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

/** Builds the shared Grid from what one sync loaded: cells, merged-area addresses and defined names. */
export function gridFromRange(
  sheet: string,
  range: LoadedRange | null,
  mergeAddress: string | null,
  names: Record<string, string>,
): Grid {
  const rows: (GridCell | undefined)[][] = [];
  if (range) {
    for (let r = 0; r < range.values.length; r++) {
      const out: (GridCell | undefined)[] = new Array<GridCell | undefined>(range.columnIndex);
      const values = range.values[r] ?? [];
      for (let c = 0; c < values.length; c++) {
        out.push(
          toCell(
            values[c],
            range.text[r]?.[c] ?? '',
            range.formulas[r]?.[c],
            range.numberFormat[r]?.[c],
            range.valueTypes[r]?.[c],
          ),
        );
      }
      while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
      rows[range.rowIndex + r] = out;
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  const grid: Grid = { sheet, rows, merges: mergeAddress ? parseAreas(mergeAddress) : [] };
  if (Object.keys(names).length > 0) grid.names = names;
  return grid;
}

/** "Sheet1!A1:B2, 'My Sheet'!C3" → ranges (the sheet part is dropped). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(/(?:^|!|,\s*)(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*(?:,|$))/g)) {
    const range = parseRange(m[1]!.replace(/\$/g, ''));
    if (range) out.push(range);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A defined name's formula as the worker reports it: string constants unquoted, references without "=". */
export function nameValue(formula: unknown): string {
  const t = String(formula ?? '')
    .trim()
    .replace(/^=/, '');
  const m = /^"((?:[^"]|"")*)"$/.exec(t);
  return m ? m[1]!.replace(/""/g, '"') : t;
}

function toCell(
  value: unknown,
  text: string,
  formula: unknown,
  numberFormat: unknown,
  valueType: string | undefined,
): GridCell | undefined {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  const kind = kindOf(value, valueType, numberFormat);
  if (kind === 'empty' && !hasFormula) return undefined;
  const cell: GridCell = { text: kind === 'empty' ? '' : text, kind, value: typedValue(kind, value) };
  if (hasFormula) cell.formula = (formula as string).slice(1);
  if (typeof numberFormat === 'string' && numberFormat !== '' && !/^general$/i.test(numberFormat))
    cell.numFmt = numberFormat;
  return cell;
}

function kindOf(value: unknown, valueType: string | undefined, numberFormat: unknown): CellKind {
  switch (valueType) {
    case 'Empty':
      return 'empty';
    case 'Boolean':
      return 'boolean';
    case 'Error':
      return 'error';
    case 'Integer':
    case 'Double':
      return isDateFormat(numberFormat) ? 'date' : 'number';
    default:
      if (value === '' || value === null || value === undefined) return 'empty';
      if (typeof value === 'number') return isDateFormat(numberFormat) ? 'date' : 'number';
      if (typeof value === 'boolean') return 'boolean';
      return 'string';
  }
}

function typedValue(kind: CellKind, value: unknown): GridCell['value'] {
  if (kind === 'empty') return null;
  if (kind === 'date' && typeof value === 'number') return serialToIso(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** True when a number format shows a date or time (y, m, d, h, s outside quotes, brackets and escapes). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*.|general/gi, '');
  return /[ymdhs]/i.test(bare);
}

/** Excel's 1900 serial → ISO date (time kept only when present). */
export function serialToIso(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  const iso = date.toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}
