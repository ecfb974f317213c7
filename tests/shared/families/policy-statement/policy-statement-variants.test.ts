import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';
import { insertColumns, insertRows, unmerge } from '../../../helpers/grid-relayout.ts';

/** A 方針書 typed by another office: labels on the left, text on the right, reports laid out per priority. */
const ROWS = [
  ['方針書', null, '年度', '令和3年度'],
  ['所属名', '市民課', '課長', '横手　花子'],
  ['1 組織の使命', '市民に寄り添う窓口'],
  ['2 課題', '待ち時間が長い'],
  ['3 スローガン', '早く、やさしく'],
  ['4 方針', '・窓口の待ち時間短縮\n・案内の充実'],
  ['5 重点取組項目'],
  ['(1)', '実現したい成果：窓口の待ち時間短縮'],
  [null, '取組内容', '1. 番号札の導入\n2. 予約制'],
  ['(2)', '実現したい成果', '案内の充実'],
  [null, '取組内容', null],
  ['6 上期の取組状況'],
  ['(1)', '番号札を導入した'],
  ['(2)', '案内係を置いた'],
  ['7 下期の課題と取組方針'],
  ['(1)', '予約制を始める'],
  ['8 総括'],
];
const MERGES = ['A8:A9', 'A10:A11'];

const extract = (rows = ROWS, merges = MERGES): SheetRecord =>
  extractSheet(gridFrom('方針書', rows, merges), FAMILIES).record;

function essence(record: SheetRecord) {
  return {
    family: record.family,
    organization: record.organization,
    fiscalYear: record.fiscalYear,
    priorities: record.items?.['priorities']?.map((p) => [
      p['no'],
      p['outcome'],
      p['actions'],
      p['firstHalf'] ?? null,
      p['secondHalf'] ?? null,
      p['summary'] ?? null,
    ]),
    actions: record.items?.['actions']?.map((a) => [a['item'], a['no'], a['text']]),
  };
}

describe('policy-statement sheets typed differently', () => {
  it('reads labels on the left, inline 実現したい成果, numbered 取組内容 and per-priority reports', () => {
    const record = extract();
    expect(record).toMatchObject({ family: 'policy-statement', organization: '市民課', fiscalYear: 2021 });
    expect(record.fields?.['head']?.value).toBe('横手　花子');
    expect(record.fields?.['issues']).toEqual({ value: '待ち時間が長い', cell: 'B4' });
    expect(record.fields?.['summary']?.value).toBe('');
    expect(essence(record).priorities).toEqual([
      ['1', '窓口の待ち時間短縮', '1. 番号札の導入\n2. 予約制', '番号札を導入した', '予約制を始める', null],
      ['2', '案内の充実', null, '案内係を置いた', null, null],
    ]);
    expect(essence(record).actions).toEqual([
      ['1', '1', '番号札の導入'],
      ['1', '2', '予約制'],
    ]);
  });

  it('reads the same after rows and columns are inserted and merges undone', () => {
    const base = essence(extract());
    const grid = gridFrom('方針書', ROWS, MERGES);
    for (const changed of [
      insertRows(grid, 0, 2, '横手市'),
      insertRows(grid, 7, 1),
      insertColumns(grid, 0, 1),
      unmerge(grid, 'repeat'),
      unmerge(grid, 'blank'),
    ]) {
      expect(essence(extractSheet(changed, FAMILIES).record)).toEqual(base);
    }
  });

  it('reads 【1】 and ■ numbered headings and the organisation from a title without 年度', () => {
    const rows = ROWS.map((r) => {
      if (r[0] === '方針書') return ['総務課の方針書'];
      if (r[0] === '所属名') return [null, null, '課長', '横手　花子'];
      return typeof r[0] === 'string' && /^[1-8] /.test(r[0])
        ? [r[0].replace(/^([1-8]) /, (_, n: string) => (Number(n) % 2 ? `【${n}】` : `■${n}．`)), ...r.slice(1)]
        : r;
    });
    const record = extract(rows);
    expect([record.organization, record.fiscalYear]).toEqual(['総務課', null]);
    expect(essence(record).priorities).toEqual(essence(extract()).priorities);
  });

  it('is not claimed without its 重点取組項目 section', () => {
    expect(
      extract(
        ROWS.filter((r) => r[0] !== '5 重点取組項目'),
        [],
      ).family,
    ).toBeNull();
  });
});
