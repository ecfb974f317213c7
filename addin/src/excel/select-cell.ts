/** Shows a finding's cell: activates its sheet (the server names it; it may not be the active one) and selects the cell. */
export async function selectCell(context: Excel.RequestContext, sheetName: string | null, cell: string): Promise<void> {
  const sheet = sheetName
    ? context.workbook.worksheets.getItem(sheetName)
    : context.workbook.worksheets.getActiveWorksheet();
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
