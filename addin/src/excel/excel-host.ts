import { officeCapabilities, type Capabilities } from './capabilities.ts';

/** The seam use cases reach Excel through: production passes Excel.run, tests pass the fake. */
export interface ExcelHost {
  /** Runs a batch, waiting while staff are typing in a cell. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Runs a batch at once: it fails with InvalidOperationInCellEditMode while staff are typing in a cell. */
  runNow<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  capabilities: Capabilities;
}

/**
 * Every batch runs with `delayForCellEdit`: without it "if the user is in cell edit when the batch request
 * is processed by the host, the batch automatically fails" (Excel.RunOptions) — and the live re-check
 * fires while staff are typing the next cell.
 */
export function excelHostOver(excel: Pick<typeof Excel, 'run'>, capabilities: Capabilities): ExcelHost {
  return {
    run: (batch) => excel.run({ delayForCellEdit: true }, batch),
    runNow: (batch) => excel.run(batch),
    capabilities,
  };
}

export function officeExcelHost(): ExcelHost {
  return excelHostOver(Excel, officeCapabilities());
}
