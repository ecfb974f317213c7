import type { Grid } from '../../../shared/grid/grid.ts';
import type { Capabilities } from './capabilities.ts';
import { gridFromRange, nameValue } from './grid-from-range.ts';

/** A sheet read queued on a context; `grid()` is valid after the next sync. */
export interface QueuedSheetRead {
  sheet: Excel.Worksheet;
  grid(): Grid;
  id(): string;
}

/**
 * Queues everything the checker needs of a worksheet — used range (values, text, formulas, number
 * formats, value types), merged areas, workbook and sheet names — so one sync reads it at any size.
 */
export function queueSheetRead(context: Excel.RequestContext, sheet: Excel.Worksheet, caps: Capabilities): QueuedSheetRead {
  sheet.load('id,name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,values,text,formulas,numberFormat,valueTypes');
  const merges = caps.merges ? sheet.getRange().getMergedAreasOrNullObject() : undefined;
  merges?.load('address');
  const workbookNames = context.workbook.names.load('items/name,items/type,items/value,items/formula');
  const sheetNames = sheet.names.load('items/name,items/type,items/value,items/formula');
  return {
    sheet,
    id: () => sheet.id,
    grid: () => {
      const names: Record<string, string> = {};
      for (const item of [...workbookNames.items, ...sheetNames.items]) names[item.name] = nameValue(item.formula ?? item.value);
      const mergeAddress = merges && !merges.isNullObject ? merges.address : null;
      return gridFromRange(sheet.name, used.isNullObject ? null : used, used.isNullObject ? null : mergeAddress, names);
    },
  };
}
