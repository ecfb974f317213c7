import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import { bodyInText, divisionInText, fiscalYearInText } from '../../../shared/extract/identity.ts';
import { FAMILIES } from '../../../shared/families/index.ts';
import { bodySourceOf, bodyOfSheet, identityNote } from '../../../shared/summary/group-inputs.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';

describe('bodyInText', () => {
  it('finds a ward with or without its city and office word', () => {
    expect(bodyInText('令和3年度　江南区区民生活課　組織目標管理シート')).toBe('江南区');
    expect(bodyInText('令和2年度　大阪市西成区　区政運営基本方針')).toBe('西成区');
    expect(bodyInText('北区役所')).toBe('北区');
    expect(bodyInText('区政運営基本方針の成果目標の達成に向けた取組状況について（福島区）')).toBe('福島区');
  });

  it('finds an office of a city', () => {
    expect(bodyInText('令和３年度　まちづくり推進部 雄物川地域局の方針書')).toBe('雄物川地域局');
  });

  it('names nothing for words that only contain 区 or for two bodies', () => {
    expect(bodyInText('地区交流センターの運営')).toBeNull();
    expect(bodyInText('区民生活課')).toBeNull();
    expect(bodyInText('北区長　山田 太郎')).toBeNull();
    expect(bodyInText('北区と南区の合同事業')).toBeNull();
  });
});

describe('divisionInText', () => {
  it('finds a division in a title, a tab or a file name, its body dropped', () => {
    expect(divisionInText('組織目標管理シート（東区 健康福祉課）')).toBe('健康福祉課');
    expect(divisionInText('令和4年度 東区地域課 組織目標')).toBe('地域課');
    expect(divisionInText('区民生活課.xlsx')).toBe('区民生活課');
    expect(divisionInText('西蒲区_子ども家庭課_R3.xlsx')).toBe('子ども家庭課');
    expect(divisionInText('北区役所 産業振興課')).toBe('産業振興課');
  });

  it('names nothing without a division word, or for two divisions', () => {
    expect(divisionInText('組織目標管理シート')).toBeNull();
    expect(divisionInText('kenko_2022.xlsx')).toBeNull();
    expect(divisionInText('地域課と総務課の合同目標')).toBeNull();
    expect(divisionInText('2022年度 組織目標（東区）')).toBeNull();
  });
});

describe('fiscalYearInText', () => {
  it('reads a year named in a title, a tab or a file name', () => {
    expect(fiscalYearInText('令和元年度　西区　区政運営基本方針　自己評価')).toBe(2019);
    expect(fiscalYearInText('konan-r3-kuminseikatsu', true)).toBe(2021);
    expect(fiscalYearInText('fukushima-h28', true)).toBe(2016);
    expect(fiscalYearInText('西蒲区_子ども家庭課_2021', true)).toBe(2021);
    expect(fiscalYearInText('R3', false)).toBe(2021);
    expect(fiscalYearInText('r3', false)).toBeNull();
    expect(fiscalYearInText('R2-R3', true)).toBeNull();
  });
});

describe('body and year read from places other than their cells', () => {
  const division = (title: string, sheet: string, workbook?: string) => {
    const grid = gridFrom(sheet, [
      [title],
      ['組織名', '区民生活課'],
      [],
      ['No.', '組織目標', '項目（単位）', 'H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果', '補足'],
      [1, '窓口サービスの向上', '窓口満足度（％）', 88, 90, 91, 90, 93],
    ]);
    if (workbook) grid.workbook = workbook;
    return extractSheet(grid, FAMILIES).record;
  };

  it('takes the body from the title and says so', () => {
    const record = division('令和3年度　江南区　組織目標管理シート', 'Sheet1');
    expect(bodyOfSheet(record)).toBe('江南区');
    expect(bodySourceOf(record)).toBe('表題');
    expect(record.fiscalYear).toBe(2021);
  });

  it('falls back to the tab, then the file name', () => {
    expect(bodySourceOf(division('組織目標管理シート R3', '南区区民生活課'))).toBe('シート名');
    const fromFile = division('組織目標管理シート', '区民生活課', '西蒲区_区民生活課_R3.xlsx');
    expect([bodyOfSheet(fromFile), bodySourceOf(fromFile), fromFile.fiscalYear]).toEqual([
      '西蒲区',
      'ファイル名',
      2021,
    ]);
    // The year came from the table's R3目標 column, which beats the file name: no source is recorded.
    expect(fromFile.fields?.['fiscalYear']).toBeUndefined();
  });

  it('prefers the labelled cell to any other place', () => {
    const grid = gridFrom('北区', [
      ['令和3年度　東区　組織目標管理シート'],
      ['組織名（部）', '南区役所', '組織名（課）', '建設課'],
      ['No.', '組織目標', '項目（単位）', 'H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
      [1, '安全な道路', '対策数（箇所）', 14, 18, 21, 20, 22],
    ]);
    const record = extractSheet(grid, FAMILIES).record;
    expect([bodyOfSheet(record), bodySourceOf(record)]).toEqual(['南区', '記入欄']);
  });

  it('says on the summary where body and year were read when not from their cells', () => {
    const fromTitle = division('令和3年度　江南区　組織目標管理シート', 'Sheet1');
    expect(identityNote([fromTitle])).toBe('団体名の出所: 表題');
    const grid = gridFrom('建設課', [
      ['年度', '令和3年度'],
      ['組織名（部）', '南区役所', '組織名（課）', '建設課'],
      ['No.', '組織目標', '項目（単位）', 'H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
      [1, '安全な道路', '対策数（箇所）', 14, 18, 21, 20, 22],
    ]);
    expect(identityNote([extractSheet(grid, FAMILIES).record])).toBeNull();
  });
});

describe('a 所属 cell naming the body before the division', () => {
  const sheet = (affiliation: string) =>
    extractSheet(
      gridFrom('Sheet1', [
        ['令和3年度　組織目標管理シート'],
        ['所属', affiliation],
        [],
        ['No.', '組織目標', '項目（単位）', 'H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
        [1, '窓口サービスの向上', '窓口満足度（％）', 88, 90, 91, 90, 93],
      ]),
      FAMILIES,
    ).record;

  it('files the division under the body, named without it, and says the body came from the 所属 cell', () => {
    for (const affiliation of ['東区地域課', '東区役所 地域課', '東区役所　地域課']) {
      const record = sheet(affiliation);
      expect([record.organization, bodyOfSheet(record), bodySourceOf(record)], affiliation).toEqual([
        '地域課',
        '東区',
        '所属欄',
      ]);
    }
  });

  it('keeps a name whose rest is no division as written', () => {
    expect(sheet('東区民センター').organization).toBe('東区民センター');
  });
});
