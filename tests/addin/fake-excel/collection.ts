import { FakeExcelError, FakeObject, propsOf } from './context.ts';

type LoadArg = Parameters<FakeObject<unknown>['load']>[0];

/** Items of a collection: `load('items/content')` snapshots each item's properties at sync. */
export abstract class FakeCollection<T, I extends FakeObject<T>> extends FakeObject<T[]> {
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
