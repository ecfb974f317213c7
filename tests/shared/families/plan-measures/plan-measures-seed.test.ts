import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { parseValue, toHalfWidth } from '../../../../shared/values/index.ts';
import { loadPlanMeasuresData, type PlanMeasuresSeed } from '../../../../seed-src/build/plan-measures-data.ts';
import { findSoffice, resaveWithLibreOffice } from '../../../helpers/libreoffice.ts';
import {
  insertColumns,
  insertRowsAbove,
  numbersAsText,
  toFullWidthDigits,
  unmergeAll,
} from '../../../helpers/relayout.ts';
import { readSheets, relaidCopy, useTempDir } from '../../../helpers/seed-workbooks.ts';

const SEEDS = 'seeds/plan-measures';
let data: PlanMeasuresSeed;
const tmp = useTempDir('mokuhyo-pm-');

beforeAll(async () => {
  data = await loadPlanMeasuresData();
});

const sheetsOf = readSheets;

const half = (text: string | null | undefined): string => toHalfWidth(text ?? '').replace(/\s+/g, '');

/** What the sheet says, independent of cell positions and of how digits were typed. */
function essence(sheet: SheetRecord) {
  return {
    family: sheet.family,
    organization: half(sheet.organization),
    fiscalYear: sheet.fiscalYear,
    fields: Object.fromEntries(Object.entries(sheet.fields ?? {}).map(([k, v]) => [k, half(v.value)])),
    measures: sheet.measures.map((m) => ({
      table: m.table,
      name: half(m.name),
      kind: half(m.fields?.['kind']),
      unit: m.unit,
      values: m.values.map((v) => [v.year, v.kind, v.value, v.comparator, v.blank, v.cumulative]),
    })),
    actions: (sheet.items?.['actions'] ?? []).map((a) => [
      half(a['heading']),
      half(a['division']),
      half(a['item']),
      half(a['content']),
    ]),
    roles: (sheet.items?.['roles'] ?? []).map((r) => [half(r['actor']), half(r['role'])]),
  };
}

describe('plan-measures seed workbook', () => {
  it('extracts every 施策 sheet with its headings, narratives, indicators, actions and roles as transcribed', async () => {
    const sheets = await sheetsOf(join(SEEDS, data.file));
    expect(sheets.map((s) => [s.sheet, s.family])).toEqual([
      [data.goal.sheetName, null],
      ...data.measures.map((m) => [m.sheetName, 'plan-measures']),
    ]);
    for (const m of data.measures) {
      const sheet = sheets.find((s) => s.sheet === m.sheetName)!;
      expect(sheet).toMatchObject({ variant: 'measure', organization: m.title, fiscalYear: 2025 });
      const field = (key: string) => sheet.fields?.[key]?.value;
      expect([
        field('goalNo'),
        field('goal'),
        field('basicPolicyNo'),
        field('basicPolicy'),
        field('measureNo'),
        field('measure'),
      ]).toEqual([data.goal.no, data.goal.title, m.basicPolicy.no, m.basicPolicy.title, m.no, m.title]);
      expect([field('vision'), field('issues'), field('policy')]).toEqual([
        m.vision.join('\n'),
        m.issues.join('\n'),
        m.policy.join('\n'),
      ]);
      // the title row 須坂市総合計画 施策シート names the body the sheet is summarised under
      expect(sheet.fields?.['municipality']).toEqual({ value: data.source.municipality, cell: 'A1' });

      const indicators = [
        ...m.outcomeIndicators.map((i) => ({ ...i, table: 'outcome' })),
        ...m.processIndicators.map((i) => ({ ...i, kind: undefined, table: 'process' })),
      ];
      expect(sheet.measures.map((x) => [x.table, x.name, x.fields?.['kind'] ?? null])).toEqual(
        indicators.map((i) => [i.table, i.name, i.kind ?? null]),
      );
      sheet.measures.forEach((x, n) => {
        const ind = indicators[n]!;
        const baseline = parseValue(ind.baseline);
        const target = parseValue(ind.target);
        expect(x.values.map((v) => [v.kind, v.year, v.raw, v.value, v.comparator, v.blank, v.cumulative])).toEqual([
          [
            'baseline',
            baseline.year,
            ind.baseline,
            baseline.value,
            baseline.comparator,
            baseline.blank,
            baseline.cumulative,
          ],
          ['target', 2025, ind.target, target.value, target.comparator, target.blank, target.cumulative],
        ]);
        const row = Number(x.cell.slice(1));
        expect(x.values.map((v) => v.cell)).toEqual([`F${row}`, `H${row}`]);
      });

      // a 担当課 block without its own (n) heading stays under the heading above it
      let heading: string | null = null;
      const actions = m.actions.flatMap((b) => {
        heading = b.heading || heading;
        return b.items.map((i) => [heading, b.division, i.item, i.contents.map((c) => `◇ ${c}`).join('\n')]);
      });
      expect(sheet.items?.['actions']?.map((a) => [a['heading'], a['division'], a['item'], a['content']])).toEqual(
        actions,
      );
      expect(sheet.items?.['roles']?.map((r) => [r['actor'], r['role']])).toEqual(
        m.roles.map((r) => [r.actor, r.texts.join('\n')]),
      );
    }
  });

  it('reads the notations of the plan: year in the baseline, 未満, 維持, 累計, ― and mixed-width digits', async () => {
    const sheets = await sheetsOf(join(SEEDS, data.file));
    const measure = (sheet: string, name: RegExp) =>
      sheets.find((s) => s.sheet === sheet)!.measures.find((m) => name.test(m.name))!;
    expect(measure('施策35', /広報須坂/).values.map((v) => [v.year, v.value, v.cell])).toEqual([
      [2019, 86.5, 'F11'],
      [2025, 90, 'H11'],
    ]);
    expect(measure('施策35', /ツイッターを見た/).values.map((v) => v.value)).toEqual([4597752, 5000000]);
    expect(measure('施策37', /経常収支比率/).values.map((v) => [v.year, v.value, v.comparator])).toEqual([
      [null, 91.7, null],
      [2025, 90, '<'],
    ]);
    expect(measure('施策37', /財政力指数/)).toMatchObject({
      unit: null,
      values: [
        { value: 0.581, raw: '0.581' },
        { value: 0.59, raw: '0.590' },
      ],
    });
    expect(measure('施策38', /移住者数/).values.map((v) => [v.raw, v.value])).toEqual([
      ['186（2019）', 186],
      ['3３6', 336],
    ]);
    expect(measure('施策38', /成婚数/).values.map((v) => [v.blank, v.value, v.cumulative])).toEqual([
      [true, null, false],
      [false, 15, true],
    ]);
    expect(measure('施策39', /加入率/).values.map((v) => [v.value, v.comparator])).toEqual([
      [99, null],
      [99, '>='],
    ]);
    expect(measure('施策36', /オンライン化/).unit).toBe('%');
  });

  const edits: [string, (ws: ExcelJS.Worksheet) => void][] = [
    [
      'rows inserted above the form and inside it',
      (ws) => {
        insertRowsAbove(ws, 20, 2);
        insertRowsAbove(ws, 1, 3);
      },
    ],
    ['a column inserted left of the form', (ws) => insertColumns(ws, 1, 1)],
    ['a column inserted inside the tables', (ws) => insertColumns(ws, 5, 1)],
    ['merges undone (Excel unmerge)', (ws) => unmergeAll(ws, 'blank')],
    ['merges undone with the text repeated', (ws) => unmergeAll(ws, 'repeat')],
    ['full-width digits everywhere, headers included', (ws) => toFullWidthDigits(ws, { allText: true })],
    ['numbers stored as text', (ws) => numbersAsText(ws)],
  ];

  for (const [what, edit] of edits) {
    it(`extracts the same data with ${what}`, async () => {
      const out = await relaidCopy(join(SEEDS, data.file), edit, join(tmp(), `${what.replace(/\W+/g, '-')}.xlsx`), 1);
      const base = (await sheetsOf(join(SEEDS, data.file))).map(essence);
      expect((await sheetsOf(out)).map(essence)).toEqual(base);
    });
  }

  it('extracts the same data after LibreOffice re-saves the workbook', async () => {
    if (!(await findSoffice())) {
      if (process.env['CI']) throw new Error('soffice is required in CI');
      console.warn('LibreOffice not installed: skipped');
      return;
    }
    const resaved = await resaveWithLibreOffice(join(SEEDS, data.file), join(tmp(), 'lo'));
    expect(resaved).not.toBeNull();
    expect((await sheetsOf(resaved!)).map(essence)).toEqual((await sheetsOf(join(SEEDS, data.file))).map(essence));
  }, 300_000);
});
