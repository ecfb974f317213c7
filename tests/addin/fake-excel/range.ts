import { parseRange, rangeA1, type CellRange } from '../../../shared/grid/address.ts';
import { FakeClientResult, FakeContext, FakeExcelError, FakeObject } from './context.ts';
import { key, NO_FILL, type CellModel, type SheetModel, type WorkbookModel } from './model.ts';

/** A range or RangeAreas: one or more rectangles of one sheet. */
export interface RangeTarget {
  sheet: SheetModel;
  areas: CellRange[];
}

export const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/**
 * A write a protected sheet refuses: "If worksheet protection is enabled and not paused, this method throws
 * an AccessDenied error" (WorksheetProtection, AllowEditRange references; Excel.ErrorCodes.accessDenied).
 */
export function requireUnprotected(sheet: SheetModel, allowed: 'allowFormatCells' | 'allowEditObjects' | null): void {
  const p = sheet.protection;
  if (p.protected && (allowed === null || !p[allowed]))
    throw new FakeExcelError('AccessDenied', `The sheet ${sheet.name} is protected.`);
}

export function requireApi(model: WorkbookModel, version: string, what: string): void {
  if (!model.isSetSupported('ExcelApi', version))
    throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi ${version}.`);
}

export function parseAddressList(address: string): CellRange[] {
  return address.split(/[,;]/).map((part) => {
    const range = parseRange(part.trim().replace(/^.*!/, '').replace(/\$/g, ''));
    if (!range) throw new FakeExcelError('InvalidArgument', `Invalid address: ${part}`);
    return range;
  });
}

function cellsOf(areas: readonly CellRange[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push({ row: r, col: c });
  return out;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function valueType(cell: CellModel | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  return /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!)$/.test(v) ? 'Error' : 'String';
}

function matrix<V>(area: CellRange, f: (cell: CellModel | undefined) => V, sheet: SheetModel): V[][] {
  const rows: V[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: V[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(f(sheet.cells.get(key(r, c))));
    rows.push(row);
  }
  return rows;
}

function ensureCell(sheet: SheetModel, row: number, col: number): CellModel {
  let cell = sheet.cells.get(key(row, col));
  if (!cell) {
    cell = { value: null, numberFormat: 'General', fill: { ...NO_FILL } };
    sheet.cells.set(key(row, col), cell);
  }
  return cell;
}

/** Patterns Office.js reads but cannot write: "LinearGradient and RectangularGradient are not supported" (RangeFill.pattern, ExcelApi 1.9). */
export const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

/** Range.format.fill (and RangeAreas.format.fill): mixed fills read as null, as in Excel. */
export class FakeRangeFill extends FakeObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    target: () => RangeTarget | null,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }

  protected snapshot(t: RangeTarget, prop: string): unknown {
    if (prop === 'pattern' || prop === 'patternColor') requireApi(this.model, '1.9', `RangeFill.${prop}`);
    const values = new Set(
      cellsOf(t.areas).map(({ row, col }) => (t.sheet.cells.get(key(row, col))?.fill ?? NO_FILL)[prop as 'color']),
    );
    return values.size === 1 ? [...values][0] : null;
  }

  get color(): string {
    return this.read('color');
  }
  set color(color: string) {
    this.paint(color, (fill) => {
      fill.color = color.toUpperCase();
      if (fill.pattern === 'None' || GRADIENTS.has(fill.pattern)) fill.pattern = 'Solid';
    });
  }
  get pattern(): string {
    return this.read('pattern');
  }
  set pattern(pattern: string) {
    requireApi(this.model, '1.9', 'RangeFill.pattern');
    // The documented limit; the error code is the closest Excel.ErrorCodes member (UnsupportedFillType).
    if (GRADIENTS.has(pattern)) {
      this.ctx.queueWrite(() => {
        throw new FakeExcelError('UnsupportedFillType', `The fill pattern ${pattern} is not supported.`);
      });
      return;
    }
    this.paint(pattern, (fill) => {
      fill.pattern = pattern;
    });
  }
  get patternColor(): string {
    return this.read('patternColor');
  }
  set patternColor(color: string) {
    requireApi(this.model, '1.9', 'RangeFill.patternColor');
    this.paint(color, (fill) => {
      fill.patternColor = color.toUpperCase();
    });
  }

  clear(): void {
    this.paint(null, (fill) => Object.assign(fill, NO_FILL));
  }

  /**
   * A format write: undoable from 1.20; refused on a protected sheet unless it allows formatting cells; and
   * it raises WorksheetCollection.onChanged, which "occurs when any worksheet in the workbook is changed" —
   * the reference does not limit it to values, so the stricter reading is that fills raise it too.
   */
  private paint(payload: unknown, change: (fill: CellModel['fill']) => void): void {
    this.write(
      (t) => {
        requireUnprotected(t.sheet, 'allowFormatCells');
        for (const { row, col } of cellsOf(t.areas)) change(ensureCell(t.sheet, row, col).fill);
        return { changed: t.sheet, address: t.areas.map(rangeA1).join(',') };
      },
      { payload },
    );
  }
}

export class FakeRange extends FakeObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    target: () => RangeTarget | null,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }

  protected snapshot(t: RangeTarget, prop: string): unknown {
    const area = t.areas[0]!;
    switch (prop) {
      case 'address':
        return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeA1(a)}`).join(',');
      case 'rowIndex':
        return area.top;
      case 'columnIndex':
        return area.left;
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'values':
        return matrix(area, (c) => c?.value ?? '', t.sheet);
      case 'text':
        return matrix(
          area,
          (c) => c?.text ?? (c?.value === null || c?.value === undefined ? '' : String(c.value)),
          t.sheet,
        );
      case 'formulas':
        return matrix(area, (c) => c?.formula ?? c?.value ?? '', t.sheet);
      case 'numberFormat':
        return matrix(area, (c) => c?.numberFormat ?? 'General', t.sheet);
      case 'valueTypes':
        return matrix(area, valueType, t.sheet);
      default:
        throw new FakeExcelError('InvalidArgument', `Unknown Range property ${prop}`);
    }
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(rows: unknown[][]) {
    this.setMatrix(
      rows,
      (cell, v) => {
        cell.value = v as CellModel['value'];
        delete cell.text;
        delete cell.formula;
      },
      true,
    );
  }
  get text(): string[][] {
    return this.read('text');
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(rows: unknown[][]) {
    this.setMatrix(
      rows,
      (cell, v) => {
        cell.numberFormat = String(v);
      },
      false,
    );
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }

  get format(): { fill: FakeRangeFill } {
    return { fill: new FakeRangeFill(this.ctx, () => this.resolve(), this.model) };
  }

  clear(): void {
    this.write((t) => {
      requireUnprotected(t.sheet, null);
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (t.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)) t.sheet.cells.delete(k);
      }
      return { changed: t.sheet, address: t.areas.map(rangeA1).join(',') };
    });
  }

  /** Selects the range in the UI; selection is not part of the undo history. */
  select(): void {
    this.ctx.queueWrite(
      () => {
        const t = this.resolve();
        if (!t) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
        this.model.selection = { sheet: t.sheet.name, address: t.areas.map(rangeA1).join(',') };
      },
      { undo: 'outside' },
    );
  }

  /** Range.getCellProperties (ExcelApi 1.9): per cell, the requested format.fill properties. */
  getCellProperties(options: {
    format?: { fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean } };
  }): FakeClientResult<{ format: { fill: Record<string, unknown> } }[][]> {
    requireApi(this.model, '1.9', 'Range.getCellProperties');
    const wanted = Object.keys(options.format?.fill ?? {}) as ('color' | 'pattern' | 'patternColor')[];
    return new FakeClientResult(this.ctx, () => {
      const t = this.resolve();
      if (!t) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
      return matrix(
        t.areas[0]!,
        (c) => ({ format: { fill: Object.fromEntries(wanted.map((w) => [w, (c?.fill ?? NO_FILL)[w]])) } }),
        t.sheet,
      );
    });
  }

  /**
   * "If the merged areas count in this range is more than 512, then this method will fail to return the
   * result" (Range.getMergedAreasOrNullObject, ExcelApi 1.13): the whole batch fails. The error code is
   * not documented; GeneralException stands in, so the add-in must not depend on it.
   */
  getMergedAreasOrNullObject(): FakeRange {
    requireApi(this.model, '1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const hits = t.sheet.merges.filter((m) =>
          t.areas.some((a) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left),
        );
        if (hits.length > 512) throw new FakeExcelError('GeneralException', 'More than 512 merged areas.');
        return hits.length ? { sheet: t.sheet, areas: hits } : null;
      },
      this.model,
    );
  }

  private setMatrix(rows: unknown[][], set: (cell: CellModel, value: unknown) => void, data: boolean): void {
    this.write(
      (t) => {
        requireUnprotected(t.sheet, data ? null : 'allowFormatCells');
        const area = t.areas[0]!;
        if (
          rows.length !== area.bottom - area.top + 1 ||
          rows.some((row) => row.length !== area.right - area.left + 1)
        ) {
          throw new FakeExcelError(
            'InvalidArgument',
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        }
        rows.forEach((row, r) => row.forEach((v, c) => set(ensureCell(t.sheet, area.top + r, area.left + c), v)));
        // Values raise onChanged (data); a number format alone raises onFormatChanged.
        return data ? { changed: t.sheet, address: rangeA1(area) } : undefined;
      },
      { payload: rows },
    );
  }
}
