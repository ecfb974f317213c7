import type { CellRange } from '../../../shared/grid/address.ts';
import type { Grid } from '../../../shared/grid/grid.ts';

/** One cell of the fake workbook: what Excel stores, not what Office.js returns. */
export interface CellModel {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
  numberFormat: string;
  fill: { pattern: string; color: string; patternColor: string };
}

export interface MarkModel {
  content: string;
  author: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, CellModel>;
  merges: CellRange[];
  notes: Map<string, MarkModel>;
  comments: Map<string, MarkModel>;
  names: Map<string, string>;
}

export const NO_FILL = Object.freeze({ pattern: 'None', color: '#FFFFFF', patternColor: '' });

/** The state behind the fake: sheets, names, selection, change handlers. Tests read and edit it directly. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, string>();
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  changeHandlers: ((event: { worksheetId: string; address: string; triggerSource: string; source: string; changeType: string; type: string }) => Promise<unknown> | void)[] = [];
  suspendedScreen = 0;
  private nextId = 1;

  constructor(readonly apiVersion = '1.18') {}

  isSetSupported(set: string, version: string): boolean {
    if (set !== 'ExcelApi') return false;
    const [maj, min] = version.split('.').map(Number);
    const [hMaj, hMin] = this.apiVersion.split('.').map(Number);
    return hMaj! > maj! || (hMaj === maj && hMin! >= (min ?? 0));
  }

  addSheet(name: string): SheetModel {
    const sheet: SheetModel = { id: `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, '0')}}`, name, visibility: 'Visible', cells: new Map(), merges: [], notes: new Map(), comments: new Map(), names: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Loads a shared Grid (from the worker's reader) as the active sheet, text and formats included. */
  static fromGrids(grids: readonly Grid[], names: Record<string, string> = {}, apiVersion?: string): WorkbookModel {
    const model = new WorkbookModel(apiVersion);
    for (const grid of grids) {
      const sheet = model.addSheet(grid.sheet);
      grid.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (!cell || cell.kind === 'empty') return;
        const value = cell.kind === 'date' ? isoToSerial(String(cell.value)) : cell.value;
        const model: CellModel = { value, text: cell.text, numberFormat: cell.numFmt ?? 'General', fill: { ...NO_FILL } };
        if (cell.formula) model.formula = `=${cell.formula}`;
        sheet.cells.set(key(r, c), model);
      }));
      sheet.merges = grid.merges.map((m) => ({ ...m }));
    }
    for (const [name, value] of Object.entries(names)) if (!name.includes('!')) model.names.set(name, /^[A-Za-z']/.test(value) && value.includes('!') ? `=${value}` : `="${value}"`);
    return model;
  }
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function isoToSerial(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`) / 86_400_000 + 25569;
}
