import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { toHalfWidth } from '../../../../shared/values/index.ts';
import {
  loadPolicyStatementData,
  type PolicyReport,
  type PolicyStatementSeed,
} from '../../../../seed-src/build/policy-statement-data.ts';
import { findSoffice, resaveWithLibreOffice } from '../../../helpers/libreoffice.ts';
import { insertColumns, insertRowsAbove, toFullWidthDigits, unmergeAll } from '../../../helpers/relayout.ts';
import { readSheet, relaidCopy, useTempDir } from '../../../helpers/seed-workbooks.ts';

const SEEDS = 'seeds/policy-statement';
let data: PolicyStatementSeed;
const tmp = useTempDir('mokuhyo-ps-');

beforeAll(async () => {
  data = await loadPolicyStatementData();
});

const sheetOf = readSheet;

const half = (text: string | null | undefined): string => toHalfWidth(text ?? '').replace(/\s+/g, '');
const body = (reports: readonly PolicyReport[]) => reports.map((r) => r.lines.join('\n'));

/** What the statement says, independent of cell positions and of how digits were typed. */
function essence(sheet: SheetRecord) {
  const fields = sheet.fields ?? {};
  return {
    family: sheet.family,
    organization: half(sheet.organization),
    fiscalYear: sheet.fiscalYear,
    sections: ['mission', 'issues', 'slogan', 'policy', 'priorities', 'firstHalf', 'secondHalf', 'summary'].map((k) =>
      half(fields[k]?.value),
    ),
    priorities: (sheet.items?.['priorities'] ?? []).map((p) =>
      ['no', 'outcome', 'actions', 'firstHalf', 'secondHalf', 'summary'].map((k) => half(p[k])),
    ),
    actions: (sheet.items?.['actions'] ?? []).map((a) => [a['item'], a['no'], half(a['text'])]),
  };
}

describe('policy-statement seed workbook', () => {
  it('extracts owner, year and sections 1–8 as transcribed', async () => {
    const sheet = await sheetOf(join(SEEDS, data.file));
    expect(sheet).toMatchObject({
      family: 'policy-statement',
      variant: 'statement',
      organization: data.organization,
      fiscalYear: 2020,
      measures: [],
    });
    const field = (key: string) => sheet.fields?.[key]?.value;
    expect([field('head'), field('mission'), field('slogan')]).toEqual([data.head, data.mission, data.slogan]);
    expect(field('issues')).toBe(data.issues.map((l) => `・${l}`).join('\n'));
    expect(field('policy')).toBe(data.policy.map((l) => `・${l}`).join('\n'));
    for (const [key, reports] of [
      ['firstHalf', data.firstHalf],
      ['secondHalf', data.secondHalf],
      ['summary', data.summary],
    ] as const) {
      expect(field(key)).toBe(reports.flatMap((r) => [r.heading, ...r.lines]).join('\n'));
    }
  });

  it('extracts every priority with its 実現したい成果, 取組内容 and what sections 6–8 report on it', async () => {
    const sheet = await sheetOf(join(SEEDS, data.file));
    const priorities = sheet.items?.['priorities'] ?? [];
    expect(priorities.map((p) => [p['no'], p['outcome'], p['actions']])).toEqual(
      data.priorities.map((p, i) => [
        String(i + 1),
        p.outcome,
        p.actions.map((a, n) => `${'①②③④⑤'[n]}${a}`).join('\n'),
      ]),
    );
    expect(priorities.map((p) => [p['firstHalf'], p['secondHalf'], p['summary']])).toEqual(
      data.priorities.map((_, i) => [body(data.firstHalf)[i], body(data.secondHalf)[i], body(data.summary)[i]]),
    );
    expect(priorities.map((p) => [p['cell'], p['outcomeCell'], p['actionsCell']])).toEqual([
      ['A14', 'D14', 'D15'],
      ['A16', 'D16', 'D17'],
      ['A18', 'D18', 'D19'],
    ]);
    expect(sheet.items?.['actions']?.map((a) => [a['item'], a['no'], a['text']])).toEqual(
      data.priorities.flatMap((p, i) => p.actions.map((a, n) => [String(i + 1), String(n + 1), a])),
    );
    expect(sheet.items?.['firstHalfReports']?.map((r) => [r['reportsOn'], r['title']])).toEqual(
      data.firstHalf.map((r, i) => [String(i + 1), r.heading.replace(/^[(（][0-9０-９][)）]/, '')]),
    );
  });

  const edits: [string, (ws: ExcelJS.Worksheet) => void][] = [
    [
      'rows inserted above the form and between sections',
      (ws) => {
        insertRowsAbove(ws, 21, 1);
        insertRowsAbove(ws, 9, 2);
        insertRowsAbove(ws, 1, 2);
      },
    ],
    ['a column inserted left of the form', (ws) => insertColumns(ws, 1, 1)],
    ['a column inserted inside the priorities', (ws) => insertColumns(ws, 4, 1)],
    ['merges undone (Excel unmerge)', (ws) => unmergeAll(ws, 'blank')],
    ['merges undone with the text repeated', (ws) => unmergeAll(ws, 'repeat')],
    ['full-width digits everywhere', (ws) => toFullWidthDigits(ws, { allText: true })],
  ];
  for (const [what, edit] of edits) {
    it(`extracts the same data with ${what}`, async () => {
      const out = await relaidCopy(join(SEEDS, data.file), edit, join(tmp(), `${what.replace(/\W+/g, '-')}.xlsx`), 0);
      expect(essence(await sheetOf(out))).toEqual(essence(await sheetOf(join(SEEDS, data.file))));
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
    expect(essence(await sheetOf(resaved!))).toEqual(essence(await sheetOf(join(SEEDS, data.file))));
  }, 300_000);
});
