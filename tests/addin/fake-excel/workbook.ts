import type { CellRange } from '../../../shared/grid/address.ts';
import { FakeCollection } from './collection.ts';
import { FakeContext, FakeExcelError, FakeObject } from './context.ts';
import { FakeCustomXmlPart, FakeCustomXmlParts, rootNamespace } from './custom-xml.ts';
import { FakeMarks } from './marks.ts';
import type { SheetModel, WorkbookModel } from './model.ts';
import { FakeRange, parseAddressList, requireApi, WHOLE_SHEET } from './range.ts';

class FakeNamedItem extends FakeObject<{ name: string; formula: string }> {
  constructor(
    ctx: FakeContext,
    target: () => { name: string; formula: string } | null,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }
  protected snapshot(t: { name: string; formula: string }, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'formula') {
      requireApi(this.model, '1.7', 'NamedItem.formula');
      return t.formula;
    }
    if (prop === 'type') return /^="/.test(t.formula) ? 'String' : 'Range';
    if (prop === 'value') return t.formula.replace(/^="?|"$/g, '');
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  get value(): string {
    return this.read('value');
  }
  get type(): string {
    return this.read('type');
  }
}

class FakeNamedItems extends FakeCollection<{ name: string; formula: string }, FakeNamedItem> {
  constructor(
    ctx: FakeContext,
    target: () => { name: string; formula: string }[],
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }
  protected item(t: { name: string; formula: string }): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => t, this.model);
  }
}

/** WorksheetProtection (ExcelApi 1.2): `protected` and `options`, read only here. */
class FakeWorksheetProtection extends FakeObject<SheetModel> {
  protected snapshot(t: SheetModel, prop: string): unknown {
    if (prop === 'protected') return t.protection.protected;
    if (prop === 'options')
      return { allowFormatCells: t.protection.allowFormatCells, allowEditObjects: t.protection.allowEditObjects };
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): { allowFormatCells: boolean; allowEditObjects: boolean } {
    return this.read('options');
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  constructor(
    ctx: FakeContext,
    target: () => SheetModel | null,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }
  protected snapshot(t: SheetModel, prop: string): unknown {
    if (prop === 'id' || prop === 'name' || prop === 'visibility') return t[prop];
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  /** Worksheet.visibility: not undoable in Excel on Windows and Mac (excel-add-ins-undo-capabilities.md). */
  set visibility(v: string) {
    this.write(
      (t) => {
        t.visibility = v as SheetModel['visibility'];
      },
      { payload: v, undo: 'desktop-clears' },
    );
  }

  activate(): void {
    this.write(
      (t) => {
        this.model.active = this.model.sheets.indexOf(t);
      },
      { undo: 'outside' },
    );
  }
  private sheet(): SheetModel {
    const s = this.resolve();
    if (!s) throw new FakeExcelError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }
  private range(areas: () => CellRange[]): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        return s ? { sheet: s, areas: areas() } : null;
      },
      this.model,
    );
  }
  getRange(address?: string): FakeRange {
    return this.range(() => (address ? parseAddressList(address).slice(0, 1) : [WHOLE_SHEET]));
  }
  getRanges(address: string): FakeRange {
    requireApi(this.model, '1.9', 'Worksheet.getRanges');
    return this.range(() => parseAddressList(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    requireApi(this.model, '1.7', 'Worksheet.getRangeByIndexes');
    return this.range(() => [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    requireApi(this.model, '1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        if (!s) return null;
        let box: CellRange | undefined;
        for (const [k, cell] of s.cells) {
          const hasValue = cell.value !== null && cell.value !== '';
          if (!hasValue && (valuesOnly || cell.fill.pattern === 'None')) continue;
          const [r, c] = k.split(',').map(Number) as [number, number];
          box = box
            ? {
                top: Math.min(box.top, r),
                left: Math.min(box.left, c),
                bottom: Math.max(box.bottom, r),
                right: Math.max(box.right, c),
              }
            : { top: r, left: c, bottom: r, right: c };
        }
        return box ? { sheet: s, areas: [box] } : null;
      },
      this.model,
    );
  }
  get protection(): FakeWorksheetProtection {
    requireApi(this.model, '1.2', 'Worksheet.protection');
    return new FakeWorksheetProtection(this.ctx, () => this.resolve());
  }
  get names(): FakeNamedItems {
    requireApi(this.model, '1.4', 'Worksheet.names');
    return new FakeNamedItems(
      this.ctx,
      () => [...(this.resolve()?.names ?? new Map<string, string>())].map(([name, formula]) => ({ name, formula })),
      this.model,
    );
  }
  get notes(): FakeMarks {
    requireApi(this.model, '1.18', 'Worksheet.notes');
    return new FakeMarks(this.ctx, () => this.sheet(), 'notes', this.model);
  }
  get comments(): FakeMarks {
    requireApi(this.model, '1.10', 'Worksheet.comments');
    return new FakeMarks(this.ctx, () => this.sheet(), 'comments', this.model);
  }
}

class FakeWorksheets extends FakeCollection<SheetModel, FakeWorksheet> {
  constructor(
    ctx: FakeContext,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, () => model.sheets);
  }
  protected item(t: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => (this.model.sheets.includes(t) ? t : null), this.model);
  }
  private byName(name: string): () => SheetModel | null {
    return () => this.model.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.model.sheets[this.model.active] ?? null, this.model);
  }
  getItem(name: string): FakeWorksheet {
    const find = this.byName(name);
    return new FakeWorksheet(
      this.ctx,
      () => {
        const sheet = find();
        if (!sheet) throw new FakeExcelError('ItemNotFound', `The worksheet ${name} does not exist.`);
        return sheet;
      },
      this.model,
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    requireApi(this.model, '1.4', 'WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.ctx, this.byName(name), this.model);
  }
  /** Adding a sheet clears the undo history in desktop Excel (OfficeDev/office-js#6170). */
  add(name: string): FakeWorksheet {
    this.ctx.queueWrite(
      () => {
        if (this.model.sheets.some((s) => s.name === name))
          throw new FakeExcelError('ItemAlreadyExists', `${name} exists.`);
        this.model.addSheet(name);
      },
      { payload: name, undo: 'desktop-clears' },
    );
    return new FakeWorksheet(this.ctx, this.byName(name), this.model);
  }
  /** WorksheetCollection.onChanged is ExcelApi 1.9 (Worksheet.onChanged is 1.7). */
  get onChanged(): { add(handler: WorkbookModel['changeHandlers'][number]): object } {
    requireApi(this.model, '1.9', 'WorksheetCollection.onChanged');
    return {
      add: (handler) => {
        this.ctx.queueWrite(
          () => {
            this.model.changeHandlers.push(handler);
            this.model.handlerClients.set(handler, this.ctx.client);
          },
          { undo: 'outside' },
        );
        return {};
      },
    };
  }
  /** WorksheetCollection.onActivated, ExcelApi 1.7. */
  get onActivated(): { add(handler: WorkbookModel['activatedHandlers'][number]): object } {
    requireApi(this.model, '1.7', 'WorksheetCollection.onActivated');
    return {
      add: (handler) => {
        this.ctx.queueWrite(
          () => {
            this.model.activatedHandlers.push(handler);
          },
          { undo: 'outside' },
        );
        return {};
      },
    };
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNamedItems;
  readonly application;
  readonly customXmlParts;

  constructor(ctx: FakeContext, model: WorkbookModel) {
    this.worksheets = new FakeWorksheets(ctx, model);
    this.names = new FakeNamedItems(ctx, () => [...model.names].map(([name, formula]) => ({ name, formula })), model);
    this.application = {
      suspendScreenUpdatingUntilNextSync: () => {
        requireApi(model, '1.9', 'Application.suspendScreenUpdatingUntilNextSync');
        ctx.queueWrite(
          () => {
            model.suspendedScreen++;
          },
          { undo: 'outside' },
        );
      },
    };
    this.customXmlParts = {
      getByNamespace: (namespace: string) => {
        requireApi(model, '1.5', 'CustomXmlPartCollection.getByNamespace');
        const parts = () => model.customXmlParts.filter((p) => rootNamespace(p.xml) === namespace);
        return new FakeCustomXmlParts(ctx, parts, model);
      },
      add: (xml: string) => {
        requireApi(model, '1.5', 'CustomXmlPartCollection.add');
        let part: { id: string; xml: string } | null = null;
        ctx.queueWrite(
          () => {
            part = model.addCustomXmlPart(xml);
          },
          { payload: xml, undo: 'outside' },
        );
        return new FakeCustomXmlPart(ctx, () => part, model);
      },
    };
  }
}
