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

/** A note or a threaded comment; comments carry replies (ExcelApi 1.10 `Comment.replies`). */
export interface MarkModel {
  content: string;
  author: string;
  replies?: MarkModel[];
  resolved?: boolean;
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

/** Where Excel runs: decides the payload cap (web), undo rules (desktop) and getFileAsync support. */
export type Platform = 'windows' | 'mac' | 'web' | 'ipad';

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  /** ExcelApi 1.14; absent from the event on older hosts. */
  triggerSource?: string;
  source: string;
  changeType: string;
  type: string;
}

export const NO_FILL = Object.freeze({ pattern: 'None', color: '#FFFFFF', patternColor: '' });

/**
 * Excel on the web caps each request and each response at 5 MB and throws a RichApi.Error past it
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * "Excel add-ins"). Desktop Excel has no such cap.
 */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The state behind the fake: sheets, names, selection, change handlers. Tests read and edit it directly. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  names = new Map<string, string>();
  customXmlParts: { id: string; xml: string }[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  changeHandlers: ((event: ChangeEvent) => Promise<unknown> | void)[] = [];
  activatedHandlers: ((event: { worksheetId: string; type: string; source: string }) => Promise<unknown> | void)[] = [];
  suspendedScreen = 0;
  /** Staff's undo history: entries staff can still undo, and how often an add-in write wiped it. */
  undo = { entries: 0, cleared: 0 };
  /** The user is typing in a cell (F2 or a key press) until endCellEdit(). */
  cellEditing = false;
  private editWaiters: (() => void)[] = [];
  private nextId = 1;
  private nextPart = 1;
  session = 1;

  constructor(
    readonly apiVersion = '1.18',
    readonly platform: Platform = 'windows',
  ) {}

  isSetSupported(set: string, version = '1.1'): boolean {
    // CompressedFile (getFileAsync as .xlsx bytes): Excel on the web, Windows and Mac, not iPad
    // (learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets, CompressedFile).
    if (set === 'CompressedFile' || set === 'File') return this.platform !== 'ipad';
    if (set !== 'ExcelApi') return false;
    const [maj, min] = version.split('.').map(Number);
    const [hMaj, hMin] = this.apiVersion.split('.').map(Number);
    return hMaj! > maj! || (hMaj === maj && hMin! >= (min ?? 0));
  }

  /**
   * Undo for add-in writes exists only from ExcelApi 1.19 (docs/excel/excel-add-ins-undo-capabilities.md,
   * office-js-docs-pr#5175); before it "most of the set operations of Excel API disable undo/redo, by
   * design" (maintainer in OfficeDev/office-js#3788).
   */
  undoSupported(): boolean {
    return this.isSetSupported('ExcelApi', '1.19');
  }

  /** A staff edit lands on the undo stack. */
  staffEdit(): void {
    this.undo.entries++;
  }

  startCellEdit(): void {
    this.cellEditing = true;
  }

  endCellEdit(): void {
    this.cellEditing = false;
    for (const resolve of this.editWaiters.splice(0)) resolve();
  }

  waitForCellEditEnd(): Promise<void> {
    return this.cellEditing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /**
   * Closing and reopening the workbook: worksheet ids "remain constant within a single session but will
   * change between sessions" (maintainer in OfficeDev/office-docs#297; desktop Excel then numbers them
   * `{00000000-0001-0000-000N-000000000000}`, OfficeDev/office-js#1390). Handlers and selection go too.
   */
  reopen(): void {
    this.session++;
    this.sheets.forEach((sheet, i) => {
      sheet.id = `{00000000-0001-0000-${String(i).padStart(4, '0')}-000000000000}`;
    });
    this.changeHandlers = [];
    this.activatedHandlers = [];
    this.selection = null;
  }

  addSheet(name: string): SheetModel {
    const sheet: SheetModel = {
      id: `{4A1B${String(this.nextId++).padStart(4, '0')}-0000-4000-8000-${String(this.session).padStart(12, '0')}}`,
      name,
      visibility: 'Visible',
      cells: new Map(),
      merges: [],
      notes: new Map(),
      comments: new Map(),
      names: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  addCustomXmlPart(xml: string): { id: string; xml: string } {
    const part = { id: `{C0${String(this.nextPart++).padStart(6, '0')}-0000-4000-8000-000000000000}`, xml };
    this.customXmlParts.push(part);
    return part;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Loads shared Grids (from the worker's reader) as sheets, text and formats included. */
  static fromGrids(
    grids: readonly Grid[],
    names: Record<string, string> = {},
    apiVersion?: string,
    platform?: Platform,
  ): WorkbookModel {
    const model = new WorkbookModel(apiVersion, platform);
    for (const grid of grids) {
      const sheet = model.addSheet(grid.sheet);
      grid.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || cell.kind === 'empty') return;
          const value = cell.kind === 'date' ? isoToSerial(String(cell.value)) : cell.value;
          const model: CellModel = {
            value,
            text: cell.text,
            numberFormat: cell.numFmt ?? 'General',
            fill: { ...NO_FILL },
          };
          if (cell.formula) model.formula = `=${cell.formula}`;
          sheet.cells.set(key(r, c), model);
        }),
      );
      sheet.merges = grid.merges.map((m) => ({ ...m }));
    }
    for (const [name, value] of Object.entries(names))
      if (!name.includes('!'))
        model.names.set(name, /^[A-Za-z']/.test(value) && value.includes('!') ? `=${value}` : `="${value}"`);
    return model;
  }
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function isoToSerial(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`) / 86_400_000 + 25569;
}
