/**
 * Shows a finding's place: activates its sheet (the server names it; it may not be the active one) and
 * selects its cell, or only activates the sheet for a finding about the whole sheet.
 */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string | null,
  cell: string | null,
): Promise<void> {
  const sheet = sheetName
    ? context.workbook.worksheets.getItem(sheetName)
    : context.workbook.worksheets.getActiveWorksheet();
  sheet.activate();
  if (cell) sheet.getRange(cell).select();
  await context.sync();
}
