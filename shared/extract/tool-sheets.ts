import type { Grid } from '../grid/index.ts';

/** Sheets mokuhyo itself adds to a workbook: `_mokuhyo` (validate --annotate) and `_mokuhyo_addin` (the add-in). */
const STATE_SHEET = /^_mokuhyo/;
const RESULTS_SHEET = /^検証結果(\(\d+\))?$/;

/** The sheets staff wrote: drops mokuhyo's own state sheets and, in an annotated workbook, its 検証結果 list. */
export function contentGrids(grids: readonly Grid[]): Grid[] {
  const annotated = grids.some((g) => STATE_SHEET.test(g.sheet));
  return grids.filter((g) => !STATE_SHEET.test(g.sheet) && !(annotated && RESULTS_SHEET.test(g.sheet)));
}
