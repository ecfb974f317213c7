import { a1, parseRange, type CellRange } from '../../../shared/grid/address.ts';
import { FakeContext, FakeExcelError, FakeObject, propsOf } from './context.ts';
import { key, type MarkModel, type SheetModel, type WorkbookModel } from './model.ts';
import { FakeRange, parseAddressList, requireApi, WHOLE_SHEET, type RangeTarget } from './range.ts';

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
      this.list = targets.map((t) => {
        const it = this.item(t);
        (it as unknown as { loadNow(props: string[]): void }).loadNow(props);
        return it;
      });
    });
    return this;
  }

  get items(): I[] {
    if (!this.list) throw new FakeExcelError('PropertyNotLoaded', "The property 'items' is not available. Call load('items') and context.sync() first.");
    return this.list;
  }
}

class FakeNamedItem extends FakeObject<{ name: string; formula: string }> {
  protected snapshot(t: { name: string; formula: string }, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'formula') return t.formula;
    if (prop === 'type') return /^="/.test(t.formula) ? 'String' : 'Range';
    if (prop === 'value') return t.formula.replace(/^="?|"$/g, '');
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get name(): string { return this.read('name'); }
  get formula(): string { return this.read('formula'); }
  get value(): string { return this.read('value'); }
  get type(): string { return this.read('type'); }
}

class FakeNamedItems extends FakeCollection<{ name: string; formula: string }, FakeNamedItem> {
  protected item(t: { name: string; formula: string }): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => t);
  }
}

/** A note (ExcelApi 1.18) or comment (1.10): content, location, delete. */
class FakeMark extends FakeObject<MarkModel> {
  constructor(ctx: FakeContext, target: () => MarkModel | null, private readonly owner: () => { sheet: SheetModel; map: Map<string, MarkModel> }, private readonly model: WorkbookModel) {
    super(ctx, target);
  }
  protected snapshot(t: MarkModel, prop: string): unknown {
    if (prop === 'content') return t.content;
    if (prop === 'authorName') return t.author;
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get content(): string { return this.read('content'); }
  delete(): void {
    this.write((t) => {
      const { map } = this.owner();
      for (const [cell, m] of map) if (m === t) map.delete(cell);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      const { sheet, map } = this.owner();
      for (const [cell, m] of map) if (m === t) {
        const [r, c] = cell.split(',').map(Number);
        return { sheet, areas: [{ top: r!, left: c!, bottom: r!, right: c! }] };
      }
      return null;
    }, this.model);
  }
}

class FakeMarks extends FakeCollection<MarkModel, FakeMark> {
  constructor(ctx: FakeContext, private readonly sheet: () => SheetModel, private readonly kind: 'notes' | 'comments', private readonly model: WorkbookModel) {
    super(ctx, () => [...sheet()[kind].values()]);
  }
  protected item(t: MarkModel): FakeMark {
    return new FakeMark(this.ctx, () => t, () => ({ sheet: this.sheet(), map: this.sheet()[this.kind] }), this.model);
  }
  add(cell: FakeRange | string, content: string): void {
    this.ctx.queueWrite(() => {
      const sheet = this.sheet();
      const area = typeof cell === 'string' ? parseRange(cell.replace(/^.*!/, '')) : (cell as unknown as { resolve(): RangeTarget | null }).resolve()?.areas[0];
      if (!area || area.top !== area.bottom || area.left !== area.right) throw new FakeExcelError('InvalidCellAddress', 'A note needs one cell.');
      const k = key(area.top, area.left);
      if (sheet[this.kind].has(k)) throw new FakeExcelError('InvalidArgument', `${a1(area.top, area.left)} already has one.`);
      sheet[this.kind].set(k, { content, author: 'mokuhyo' });
    });
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  constructor(ctx: FakeContext, target: () => SheetModel | null, private readonly model: WorkbookModel) {
    super(ctx, target);
  }
  protected snapshot(t: SheetModel, prop: string): unknown {
    if (prop === 'id' || prop === 'name' || prop === 'visibility') return t[prop];
    throw new FakeExcelError('InvalidArgument', prop);
  }
  get id(): string { return this.read('id'); }
  get name(): string { return this.read('name'); }
  get visibility(): string { return this.read('visibility'); }
  set visibility(v: string) { this.write((t) => { t.visibility = v as SheetModel['visibility']; }); }

  private sheet(): SheetModel {
    const s = this.resolve();
    if (!s) throw new FakeExcelError('ItemNotFound', 'The worksheet does not exist.');
    return s;
  }
  private range(areas: () => CellRange[]): FakeRange {
    return new FakeRange(this.ctx, () => { const s = this.resolve(); return s ? { sheet: s, areas: areas() } : null; }, this.model);
  }
  getRange(address?: string): FakeRange {
    return this.range(() => (address ? parseAddressList(address).slice(0, 1) : [WHOLE_SHEET]));
  }
  getRanges(address: string): FakeRange {
    requireApi(this.model, '1.9', 'Worksheet.getRanges');
    return this.range(() => parseAddressList(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.range(() => [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      let box: CellRange | undefined;
      for (const [k, cell] of s.cells) {
        const hasValue = cell.value !== null && cell.value !== '';
        if (!hasValue && (valuesOnly || cell.fill.pattern === 'None')) continue;
        const [r, c] = k.split(',').map(Number) as [number, number];
        box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
      }
      return box ? { sheet: s, areas: [box] } : null;
    }, this.model);
  }
  get names(): FakeNamedItems {
    return new FakeNamedItems(this.ctx, () => [...(this.resolve()?.names ?? new Map<string, string>())].map(([name, formula]) => ({ name, formula })));
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

export class FakeWorkbook {
  readonly worksheets;
  readonly names: FakeNamedItems;
  readonly application;

  constructor(ctx: FakeContext, model: WorkbookModel) {
    const sheetByName = (name: string) => () => model.sheets.find((s) => s.name === name) ?? null;
    this.worksheets = {
      getActiveWorksheet: () => new FakeWorksheet(ctx, () => model.sheets[model.active] ?? null, model),
      getItemOrNullObject: (name: string) => new FakeWorksheet(ctx, sheetByName(name), model),
      add: (name: string) => {
        ctx.queueWrite(() => {
          if (model.sheets.some((s) => s.name === name)) throw new FakeExcelError('ItemAlreadyExists', `${name} exists.`);
          model.addSheet(name);
        });
        return new FakeWorksheet(ctx, sheetByName(name), model);
      },
      onChanged: {
        add: (handler: WorkbookModel['changeHandlers'][number]) => {
          requireApi(model, '1.7', 'WorksheetCollection.onChanged');
          ctx.queueWrite(() => model.changeHandlers.push(handler));
          return {};
        },
      },
    };
    this.names = new FakeNamedItems(ctx, () => [...model.names].map(([name, formula]) => ({ name, formula })));
    this.application = {
      suspendScreenUpdatingUntilNextSync: () => {
        requireApi(model, '1.9', 'Application.suspendScreenUpdatingUntilNextSync');
        ctx.queueWrite(() => { model.suspendedScreen++; });
      },
    };
  }
}
