import { a1, type CellRange } from '../../../shared/grid/address.ts';
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

/**
 * Worksheet protection (WorksheetProtection, ExcelApi 1.2): `protected` and the options staff ticked in
 * 保護 → シートの保護. Writes the options do not allow fail with `AccessDenied` (Excel.ErrorCodes; the
 * protection reference: "If worksheet protection is enabled and not paused, this method throws an
 * AccessDenied error").
 */
export interface ProtectionModel {
  protected: boolean;
  /** Format cells (fills). */
  allowFormatCells: boolean;
  /** Edit objects: the closest option for notes and comments (which option governs them is not documented). */
  allowEditObjects: boolean;
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
  protection: ProtectionModel;
}

/** What Ctrl+Z puts back: every sheet's cells and annotations (not custom XML parts, not the sheet list). */
interface SheetSnapshot {
  sheet: SheetModel;
  cells: Map<string, CellModel>;
  notes: Map<string, MarkModel>;
  comments: Map<string, MarkModel>;
}

function copyCells(cells: Map<string, CellModel>): Map<string, CellModel> {
  return new Map([...cells].map(([k, c]) => [k, { ...c, fill: { ...c.fill } }]));
}

function copyMarks(marks: Map<string, MarkModel>): Map<string, MarkModel> {
  return new Map(
    [...marks].map(([k, m]) => [k, { ...m, ...(m.replies ? { replies: m.replies.map((r) => ({ ...r })) } : {}) }]),
  );
}

/** Where Excel runs: decides the payload cap (web), undo rules (desktop) and getFileAsync support. */
export type Platform = 'windows' | 'mac' | 'web' | 'ipad';

/**
 * WorksheetChangedEventArgs. `source` is "Local" for a change made in this Excel and "Remote" for a
 * co-author's (Excel.EventSource); `triggerSource` (ExcelApi 1.14) is "ThisLocalAddin" only for a change
 * this add-in made here, "Unknown" otherwise; absent from the event on older hosts.
 */
export interface ChangeEvent {
  worksheetId: string;
  address: string;
  triggerSource?: string;
  source: string;
  changeType: string;
  type: string;
}

type ChangeHandler = (event: ChangeEvent) => Promise<unknown> | void;

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
  changeHandlers: ChangeHandler[] = [];
  /** The client (Excel) each change handler was registered from; unlisted handlers belong to client A. */
  readonly handlerClients = new WeakMap<ChangeHandler, string>();
  activatedHandlers: ((event: { worksheetId: string; type: string; source: string }) => Promise<unknown> | void)[] = [];
  suspendedScreen = 0;
  /** Staff's undo history: entries staff can still undo, and how often an add-in write wiped it. */
  undo = { entries: 0, cleared: 0 };
  /** One entry per undoable step: what Ctrl+Z restores (null for a staff edit the tests do not model). */
  private undoStack: (SheetSnapshot[] | null)[] = [];
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
   * Undo for add-in writes: "The ExcelApi 1.20 adds undo support for Excel JavaScript APIs" (the ExcelApi
   * 1.20 requirement set page; its only new member is RunOptions.mergeUndoGroup). Before it "most of the
   * set operations of Excel API disable undo/redo, by design" (maintainer in OfficeDev/office-js#3788).
   */
  undoSupported(): boolean {
    return this.isSetSupported('ExcelApi', '1.20');
  }

  /** A staff edit lands on the undo stack. */
  staffEdit(): void {
    this.undo.entries++;
    this.undoStack.push(null);
  }

  /**
   * The undo bookkeeping of one sync: each undoable write step becomes one entry (without mergeUndoGroup
   * Excel does not document how a batch is grouped; one entry per sync is the assumption here), a write
   * Excel cannot undo clears the stack "starting from that API call" (undo capabilities article).
   */
  beginUndoGroup(): { before(kind: 'undoable' | 'desktop-clears' | 'outside'): void; end(): void } {
    let snapshot: SheetSnapshot[] | null = null;
    const desktop = this.platform === 'windows' || this.platform === 'mac';
    return {
      before: (kind) => {
        if (kind === 'outside') return;
        if (!this.undoSupported() || (kind === 'desktop-clears' && desktop)) {
          if (this.undo.entries > 0) this.undo.cleared++;
          this.undo.entries = 0;
          this.undoStack = [];
          snapshot = null;
          return;
        }
        snapshot ??= this.sheets.map((sheet) => ({
          sheet,
          cells: copyCells(sheet.cells),
          notes: copyMarks(sheet.notes),
          comments: copyMarks(sheet.comments),
        }));
      },
      end: () => {
        if (!snapshot) return;
        this.undoStack.push(snapshot);
        this.undo.entries++;
      },
    };
  }

  /** Ctrl+Z: the last step is undone — cells and annotations only; custom XML parts stay as they are. */
  pressUndo(): boolean {
    const step = this.undoStack.pop();
    if (step === undefined) return false;
    this.undo.entries--;
    for (const { sheet, cells, notes, comments } of step ?? []) {
      sheet.cells = copyCells(cells);
      sheet.notes = copyMarks(notes);
      sheet.comments = copyMarks(comments);
    }
    return true;
  }

  /**
   * Raises WorksheetCollection.onChanged ("Occurs when any worksheet in the workbook is changed", ExcelApi
   * 1.9) for changes made by `client`: its own handlers get `source: "Local"`, other clients' handlers (co-
   * authors) `source: "Remote"`. From ExcelApi 1.14 the event carries `triggerSource`: "ThisLocalAddin" for
   * the add-in's own changes in its own client, "Unknown" for everything else.
   */
  raiseChanged(changes: { changed: SheetModel; address: string }[], client: string, by: 'addin' | 'staff'): void {
    const withSource = this.isSetSupported('ExcelApi', '1.14');
    for (const { changed, address } of changes)
      for (const handler of this.changeHandlers) {
        const local = (this.handlerClients.get(handler) ?? 'A') === client;
        const event: ChangeEvent = {
          worksheetId: changed.id,
          address,
          source: local ? 'Local' : 'Remote',
          changeType: 'RangeEdited',
          type: 'WorksheetChanged',
        };
        if (withSource) event.triggerSource = local && by === 'addin' ? 'ThisLocalAddin' : 'Unknown';
        void handler(event);
      }
  }

  /** Staff type a value into a cell in `client`'s Excel (a co-author when it is not the pane's). */
  typeInto(sheetName: string, row: number, col: number, value: CellModel['value'], client = 'A'): void {
    const sheet = this.sheet(sheetName);
    const cell = sheet.cells.get(key(row, col)) ?? { value: null, numberFormat: 'General', fill: { ...NO_FILL } };
    cell.value = value;
    delete cell.text;
    sheet.cells.set(key(row, col), cell);
    this.staffEdit();
    this.raiseChanged([{ changed: sheet, address: a1(row, col) }], client, 'staff');
  }

  /**
   * ホーム → 書式 → シートの移動またはコピー (Worksheet.copy, ExcelApi 1.10, does the same): the copy carries
   * the cells with their fills, the notes and the comments, under a new name and id — but no entry of the
   * add-in's record, which names sheets.
   */
  copySheet(name: string, newName: string): SheetModel {
    const from = this.sheet(name);
    const copy = this.addSheet(newName);
    copy.cells = copyCells(from.cells);
    copy.notes = copyMarks(from.notes);
    copy.comments = copyMarks(from.comments);
    copy.merges = from.merges.map((m) => ({ ...m }));
    copy.names = new Map(from.names);
    return copy;
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
      protection: { protected: false, allowFormatCells: false, allowEditObjects: false },
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
