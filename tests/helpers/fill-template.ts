import ExcelJS from 'exceljs';
import { a1 } from '../../shared/grid/index.ts';
import type { SheetRecord } from '../../shared/model/record.ts';
import type { TemplateMap } from '../../templates/generate-template.ts';

/** Fills a generated template with an extracted record, the way a division types into the blank form. */
export async function fillTemplate(bytes: Buffer, map: TemplateMap, record: SheetRecord): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(map.sheet)!;
  for (const [key, field] of Object.entries(record.fields ?? {})) {
    const cell = map.fields[key];
    if (cell && field.value !== '') ws.getCell(cell).value = field.value;
  }
  for (const table of Object.values(map.tables)) {
    let previousGroup: string | null = null;
    record.measures.forEach((m, i) => {
      const row = table.firstRow + i;
      const put = (col: number | undefined, value: string | number | null | undefined) => {
        if (col !== undefined && value !== null && value !== undefined && value !== '')
          ws.getCell(a1(row, col)).value = value;
      };
      const startsGroup = m.group !== previousGroup;
      previousGroup = m.group;
      for (const [key, col] of Object.entries(table.columns)) {
        const role = table.roles[key];
        if (role === 'group') put(col, startsGroup ? m.group : null);
        else if (role === 'name') put(col, m.name);
        else if (role === 'detail') put(col, m.detail);
        else put(col, startsGroup || role !== 'carry' ? m.fields?.[key] : null);
      }
      for (const v of m.values) {
        const y = table.years.find((c) => c.year === v.year && c.kind === v.kind);
        put(y?.col, /^\d+$/.test(v.raw.replace(/,/g, '')) ? Number(v.raw.replace(/,/g, '')) : v.raw);
      }
    });
  }
  for (const [key, items] of Object.entries(map.lists)) {
    (record.items?.[key] ?? []).forEach((item, i) => {
      const slot = items[i];
      if (slot && item['text']) ws.getCell(slot.textCell).value = item['text'];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
