/** Selects one cell of the active sheet (a finding's cell) so staff land on it. */
export async function selectCell(context: Excel.RequestContext, cell: string): Promise<void> {
  context.workbook.worksheets.getActiveWorksheet().getRange(cell).select();
  await context.sync();
}
