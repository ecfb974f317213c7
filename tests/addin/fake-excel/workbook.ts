import { a1, parseRange, type CellRange } from '../../../shared/grid/address.ts';
import { FakeClientResult, FakeContext, FakeExcelError, FakeObject, propsOf } from './context.ts';
import { key, type MarkModel, type SheetModel, type WorkbookModel } from './model.ts';
import { FakeRange, parseAddressList, requireApi, requireUnprotected, WHOLE_SHEET, type RangeTarget } from './range.ts';

type LoadArg = Parameters<FakeObject<unknown>['load']>[0];

/** Items of a collection: `load('items/content')` snapshots each item's properties at sync. */
abstract class FakeCollection<T, I extends FakeObject<T>> extends FakeObject<T[]> {
  private list: I[] | undefined;

  protected abstract item(target: T): I;

  protected snapshot(): unknown {
    return undefined;
  }

  override load(arg?: LoadArg): this {
    const props = propsOf(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.queueLoad(() => {
      const targets = this.target() ?? [];
      const items = targets.map((t) => this.item(t));
      const fills = items.map((it) => (it as unknown as { loadNow(props: string[]): () => void }).loadNow(props));
      return () => {
        fills.forEach((fill) => fill());
        this.list = items;
      };
    });
    return this;
  }

  get items(): I[] {
    if (!this.list)
      throw new FakeExcelError(
        'PropertyNotLoaded',
        "The property 'items' is not available. Call load('items') and context.sync() first.",
      );
    return this.list;
  }
}

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

/** A note (ExcelApi 1.18) or comment (1.10): content, location, delete. */
class FakeMark extends FakeObject<MarkModel> {
  constructor(
    ctx: FakeContext,
    target: () => MarkModel | null,
    private readonly owner: () => { sheet: SheetModel; map: Map<string, MarkModel> },
    private readonly model: WorkbookModel,
    private readonly kind: 'notes' | 'comments',
  ) {
    super(ctx, target);
  }
  protected snapshot(t: MarkModel, prop: string): unknown {
    if (prop === 'content') return t.content;
    if (prop === 'authorName') return t.author;
    if (prop === 'resolved') return t.resolved ?? false;
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get content(): string {
    return this.read('content');
  }
  /** Note.content (1.18) and Comment.content (1.10) are writable: a mark can be reworded in place. */
  set content(content: string) {
    this.write(
      (t) => {
        requireUnprotected(this.owner().sheet, 'allowEditObjects');
        t.content = content;
      },
      { payload: content },
    );
  }
  get resolved(): boolean {
    return this.read('resolved');
  }
  set resolved(resolved: boolean) {
    requireApi(this.model, '1.11', 'Comment.resolved');
    this.write(
      (t) => {
        requireUnprotected(this.owner().sheet, 'allowEditObjects');
        t.resolved = resolved;
      },
      { payload: resolved },
    );
  }
  /** Comment.delete: "Deletes the comment and all the connected replies" (ExcelApi 1.10): the replies go with it. */
  delete(): void {
    this.write((t) => {
      const { map, sheet } = this.owner();
      requireUnprotected(sheet, 'allowEditObjects');
      for (const [cell, m] of map) if (m === t) map.delete(cell);
    });
  }
  /** Comment.replies (ExcelApi 1.10); only its count is modelled (CommentReplyCollection.getCount). */
  get replies(): { getCount(): FakeClientResult<number> } {
    if (this.kind !== 'comments') throw new FakeExcelError('ApiNotFound', 'Notes have no replies.');
    return { getCount: () => new FakeClientResult(this.ctx, () => this.resolve()?.replies?.length ?? 0) };
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.resolve();
        const { sheet, map } = this.owner();
        for (const [cell, m] of map)
          if (m === t) {
            const [r, c] = cell.split(',').map(Number);
            return { sheet, areas: [{ top: r!, left: c!, bottom: r!, right: c! }] };
          }
        return null;
      },
      this.model,
    );
  }
}

class FakeMarks extends FakeCollection<MarkModel, FakeMark> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetModel,
    private readonly kind: 'notes' | 'comments',
    private readonly model: WorkbookModel,
  ) {
    super(ctx, () => [...sheet()[kind].values()]);
  }
  protected item(t: MarkModel): FakeMark {
    return new FakeMark(
      this.ctx,
      () => t,
      () => ({ sheet: this.sheet(), map: this.sheet()[this.kind] }),
      this.model,
      this.kind,
    );
  }
  /**
   * CommentCollection.add: "If it's a string, it must contain the full address, including the sheet name. An
   * InvalidArgument error is thrown if the provided range is larger than one cell" (ExcelApi 1.10).
   * NoteCollection.add takes "a Range object or a string such as "A1"" and throws InvalidCellAddress for an
   * invalid string or more than one cell (ExcelApi 1.18).
   */
  add(cell: FakeRange | string, content: string): void {
    const bad = this.kind === 'comments' ? 'InvalidArgument' : 'InvalidCellAddress';
    this.ctx.queueWrite(
      () => {
        const sheet = this.sheet();
        requireUnprotected(sheet, 'allowEditObjects');
        let area: CellRange | null | undefined;
        if (typeof cell === 'string') {
          const bang = cell.lastIndexOf('!');
          const sheetPart =
            bang < 0
              ? null
              : cell
                  .slice(0, bang)
                  .replace(/^'(.*)'$/, '$1')
                  .replace(/''/g, "'");
          if (this.kind === 'comments' && sheetPart === null)
            throw new FakeExcelError('InvalidArgument', `The address ${cell} does not name its sheet.`);
          if (sheetPart !== null && sheetPart !== sheet.name)
            throw new FakeExcelError(bad, `The address ${cell} is on another sheet.`);
          area = parseRange(cell.slice(bang + 1).replace(/\$/g, ''));
        } else {
          const target = (cell as unknown as { resolve(): RangeTarget | null }).resolve();
          if (target && target.sheet !== sheet) throw new FakeExcelError(bad, 'The range is on another sheet.');
          area = target?.areas[0];
        }
        if (!area || area.top !== area.bottom || area.left !== area.right)
          throw new FakeExcelError(bad, 'A note or comment needs one cell.');
        const k = key(area.top, area.left);
        if (sheet[this.kind].has(k))
          throw new FakeExcelError('InvalidArgument', `${a1(area.top, area.left)} already has one.`);
        // Excel keeps one annotation per cell, a note or a threaded comment (its UI offers no note on a
        // commented cell); the exact API error is not documented, so the add-in must never try.
        if (sheet[this.kind === 'notes' ? 'comments' : 'notes'].has(k))
          throw new FakeExcelError(
            'InvalidOperation',
            `${a1(area.top, area.left)} already has a ${this.kind === 'notes' ? 'comment' : 'note'}.`,
          );
        sheet[this.kind].set(
          k,
          this.kind === 'comments' ? { content, author: 'mokuhyo', replies: [] } : { content, author: 'mokuhyo' },
        );
      },
      { payload: [typeof cell === 'string' ? cell : 'range', content] },
    );
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

/** A custom XML part (ExcelApi 1.5): kept in the file, outside the undo history (OfficeDev/office-js#6415). */
class FakeCustomXmlPart extends FakeObject<{ id: string; xml: string }> {
  constructor(
    ctx: FakeContext,
    target: () => { id: string; xml: string } | null,
    private readonly model: WorkbookModel,
  ) {
    super(ctx, target);
  }
  protected snapshot(t: { id: string; xml: string }, prop: string): unknown {
    if (prop === 'id') return t.id;
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get id(): string {
    return this.read('id');
  }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.ctx, () => {
      const t = this.resolve();
      if (!t) throw new FakeExcelError('InvalidObjectPath', 'The custom XML part is a null object.');
      return t.xml;
    });
  }
  setXml(xml: string): void {
    this.write(
      (t) => {
        t.xml = xml;
      },
      { payload: xml, undo: 'outside' },
    );
  }
  delete(): void {
    this.write(
      (t) => {
        this.model.customXmlParts = this.model.customXmlParts.filter((p) => p !== t);
      },
      { undo: 'outside' },
    );
  }
}

/** CustomXmlPartScopedCollection (ExcelApi 1.5): the parts of one namespace. */
class FakeCustomXmlParts extends FakeCollection<{ id: string; xml: string }, FakeCustomXmlPart> {
  constructor(
    ctx: FakeContext,
    private readonly parts: () => { id: string; xml: string }[],
    private readonly model: WorkbookModel,
  ) {
    super(ctx, parts);
  }
  protected item(t: { id: string; xml: string }): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => (this.model.customXmlParts.includes(t) ? t : null), this.model);
  }
  /** "If the collection contains exactly one item, this method returns it. Otherwise, this method returns null." */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.ctx,
      () => {
        const all = this.parts();
        return all.length === 1 ? all[0]! : null;
      },
      this.model,
    );
  }
}

function rootNamespace(xml: string): string | null {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.-]*(?:\s[^>]*?)?\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? null;
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
