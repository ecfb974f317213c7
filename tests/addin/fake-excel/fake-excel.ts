import { detectCapabilities } from '../../../addin/src/excel/capabilities.ts';
import { excelHostOver, type ExcelHost } from '../../../addin/src/excel/excel-host.ts';
import { FakeContext, type SyncRecord } from './context.ts';
import type { WorkbookModel } from './model.ts';
import { FakeWorkbook } from './workbook.ts';

/** Excel.run over a WorkbookModel, recording every run's round trips. */
export class FakeExcel {
  readonly runs: SyncRecord[][] = [];

  /** `client` names this Excel: two FakeExcels of one model with different clients are co-authors. */
  constructor(
    readonly model: WorkbookModel,
    readonly client = 'A',
  ) {}

  /** Excel.run(batch) or Excel.run(options, batch), as Office.js overloads it. */
  async run<T>(
    optionsOrBatch: { delayForCellEdit?: boolean } | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const [options, batch] =
      typeof optionsOrBatch === 'function' ? [{}, optionsOrBatch] : [optionsOrBatch, maybeBatch!];
    const ctx = new FakeContext(this.model, options, this.client);
    ctx.workbook = new FakeWorkbook(ctx, this.model);
    this.runs.push(ctx.syncs);
    return batch(ctx as unknown as Excel.RequestContext);
  }

  /** The global `Excel` namespace the production host calls. */
  namespace(): Pick<typeof Excel, 'run'> {
    return { run: ((a: never, b?: never) => this.run(a, b)) as unknown as typeof Excel.run };
  }

  /** The ExcelHost the use cases take, built exactly as production builds it, over this fake. */
  host(): ExcelHost {
    return excelHostOver(
      this.namespace(),
      detectCapabilities((set, v) => this.model.isSetSupported(set, v)),
    );
  }

  lastRun(): SyncRecord[] {
    return this.runs[this.runs.length - 1] ?? [];
  }
}
