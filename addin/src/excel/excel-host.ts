import { officeCapabilities, type Capabilities } from './capabilities.ts';

/** The seam use cases reach Excel through: production passes Excel.run, tests pass the fake. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  capabilities: Capabilities;
}

/**
 * Every batch runs with `delayForCellEdit`: without it "if the user is in cell edit when the batch request
 * is processed by the host, the batch automatically fails" (Excel.RunOptions) — and the live re-check
 * fires while staff are typing the next cell.
 */
export function excelHostOver(excel: Pick<typeof Excel, 'run'>, capabilities: Capabilities): ExcelHost {
  return { run: (batch) => excel.run({ delayForCellEdit: true }, batch), capabilities };
}

export function officeExcelHost(): ExcelHost {
  return excelHostOver(Excel, officeCapabilities());
}
