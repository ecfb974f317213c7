export type Severity = 'error' | 'warning' | 'info';

/** What a rule reports: stable code, where, and the facts the message needs. Wording lives in messages. */
export interface Finding {
  code: string;
  severity: Severity;
  /** A1 address on the sheet, or null for a sheet-level finding. */
  cell: string | null;
  params: Record<string, string | number | null>;
}

/** A finding with its Japanese message, as the CLI and HTTP API report it. */
export interface RenderedFinding {
  severity: Severity;
  code: string;
  cell: string | null;
  message: string;
  /** The check's Japanese name (「必須項目の空欄」), beside the stable code; absent in findings stored before it was added. */
  rule?: string;
  params?: Record<string, string | number | null>;
}
