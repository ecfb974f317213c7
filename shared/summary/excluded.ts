/**
 * An input left out of a summary, and why (対象外 on the 提出状況 sheet): a file, or one sheet of it, that
 * belongs to another body or fiscal year than the summary's.
 */
export interface ExcludedInput {
  /** The file as given or found. */
  file: string;
  /** The sheet left out, or null when the whole file is. */
  sheet: string | null;
  /** The body the input names (ward, or the organisation a form names), null when it names none. */
  body: string | null;
  /** The fiscal year the input names, null when it names none. */
  fiscalYear: number | null;
  /** Why it is not in this summary, in Japanese. */
  reason: string;
}
