import { officeCapabilities, type Capabilities } from './capabilities.ts';

/** The seam use cases reach Excel through: production passes Excel.run, tests pass the fake. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  capabilities: Capabilities;
}

export function officeExcelHost(): ExcelHost {
  return { run: (batch) => Excel.run(batch), capabilities: officeCapabilities() };
}
