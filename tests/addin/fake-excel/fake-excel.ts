import { detectCapabilities } from '../../../addin/src/excel/capabilities.ts';
import type { ExcelHost } from '../../../addin/src/excel/excel-host.ts';
import { FakeContext, type SyncRecord } from './context.ts';
import type { WorkbookModel } from './model.ts';
import { FakeWorkbook } from './workbook.ts';

/** Excel.run over a WorkbookModel, recording every run's round trips. */
export class FakeExcel {
  readonly runs: SyncRecord[][] = [];

  constructor(readonly model: WorkbookModel) {}

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext();
    ctx.workbook = new FakeWorkbook(ctx, this.model);
    this.runs.push(ctx.syncs);
    return batch(ctx as unknown as Excel.RequestContext);
  }

  /** The ExcelHost the use cases take, with capabilities decided by the model's API version. */
  host(): ExcelHost {
    return { run: (batch) => this.run(batch), capabilities: detectCapabilities((set, v) => this.model.isSetSupported(set, v)) };
  }

  lastRun(): SyncRecord[] {
    return this.runs[this.runs.length - 1] ?? [];
  }
}
