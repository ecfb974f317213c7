import { a1, parseRange, type CellRange } from '../../../shared/grid/address.ts';
import { FakeCollection } from './collection.ts';
import { FakeClientResult, FakeContext, FakeExcelError, FakeObject } from './context.ts';
import { key, type MarkModel, type SheetModel, type WorkbookModel } from './model.ts';
import { FakeRange, requireApi, requireUnprotected, type RangeTarget } from './range.ts';

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

export class FakeMarks extends FakeCollection<MarkModel, FakeMark> {
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
