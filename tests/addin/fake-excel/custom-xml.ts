import { FakeCollection } from './collection.ts';
import { FakeClientResult, FakeContext, FakeExcelError, FakeObject } from './context.ts';
import type { WorkbookModel } from './model.ts';

/** A custom XML part (ExcelApi 1.5): kept in the file, outside the undo history (OfficeDev/office-js#6415). */
export class FakeCustomXmlPart extends FakeObject<{ id: string; xml: string }> {
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
export class FakeCustomXmlParts extends FakeCollection<{ id: string; xml: string }, FakeCustomXmlPart> {
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

export function rootNamespace(xml: string): string | null {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.-]*(?:\s[^>]*?)?\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? null;
}
