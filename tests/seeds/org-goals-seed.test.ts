import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgGoals } from '../../seed-src/build/org-goals.ts';
import { loadOrgGoalsData, type DivisionSheet, type OrgGoalsSeed } from '../../seed-src/build/org-goals-data.ts';

const seedDir = fileURLToPath(new URL('../../seeds/org-goals/', import.meta.url));
const YEAR_COLUMNS = ['E', 'F', 'G', 'H', 'I'] as const;

/** What the cell should hold: a number where staff typed a plain number, the text otherwise, null when empty. */
function expectedValue(text: string): string | number | null {
  if (text === '') return null;
  return /^[0-9]{1,3}(,[0-9]{3})*$|^[0-9]+$/.test(text) ? Number(text.replaceAll(',', '')) : text;
}

async function openSheet(dir: string, file: string, sheetName: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  expect(wb.worksheets.map((ws) => ws.name)).toEqual([sheetName]);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName} in ${file}`);
  return ws;
}

function value(ws: ExcelJS.Worksheet, address: string): ExcelJS.CellValue {
  return ws.getCell(address).value;
}

/** Every cell value and merge of a sheet, for comparing two builds. */
function contents(ws: ExcelJS.Worksheet): { cells: Record<string, unknown>; merges: string[] } {
  const cells: Record<string, unknown> = {};
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge) cells[cell.address] = cell.value;
    });
  });
  return { cells, merges: [...ws.model.merges].sort() };
}

let data: OrgGoalsSeed;
beforeAll(async () => {
  data = await loadOrgGoalsData();
});

describe('org-goals seed data', () => {
  it('transcribes the ward sheet and the three division sheets of seed 000', () => {
    expect(data.ward.sheetName).toBe('秋葉区組織目標');
    expect(data.divisions.map((d) => d.sheetName)).toEqual(['地域総務課', '健康福祉課', '産業振興課']);
    expect(data.divisions.map((d) => d.goals.flatMap((g) => g.indicators).length)).toEqual([7, 6, 8]);
  });
});

describe('org-goals division workbooks', () => {
  const cases = ['地域総務課', '健康福祉課', '産業振興課'];

  it.each(cases)('%s has its header block where the layout puts it', async (name) => {
    const sheet = division(name);
    const ws = await openSheet(seedDir, sheet.file, sheet.sheetName);
    expect(value(ws, 'A1')).toBe('組織目標管理シート');
    expect([value(ws, 'I1'), value(ws, 'J1')]).toEqual(['年度', expectedValue(sheet.fiscalYear)]);
    expect([value(ws, 'A2'), value(ws, 'B2'), value(ws, 'D2'), value(ws, 'E2')]).toEqual([
      '組織名（部）', '秋葉区役所', '組織名（準部・課・機関名）', sheet.division,
    ]);
    expect([value(ws, 'I2'), value(ws, 'J2')]).toEqual(['作成日', '令和2年4月1日']);
    expect([value(ws, 'I3'), value(ws, 'J3')]).toEqual(['修正日', expectedValue(sheet.revisedOn)]);
    expect([value(ws, 'I4'), value(ws, 'J4')]).toEqual(['評価日', null]);
    expect([value(ws, 'A5'), value(ws, 'B5')]).toEqual(['問合せ先（電話番号）', sheet.phone]);
    expect([value(ws, 'A6'), value(ws, 'B6')]).toEqual(['組織の目的', sheet.purpose]);
    const { actuals, target, result } = sheet.yearHeaders;
    const header = ['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((col) => value(ws, `${col}10`));
    expect(header).toEqual(['項目（単位）', ...actuals, target, result, '補足・参考指標', '評価']);
    expect(['A9', 'B9', 'C9', 'D9', 'K9'].map((a) => value(ws, a))).toEqual(['No.', '組織目標', '主な取組（事業）', '指標', '目標達成状況']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'J1:K1', 'B2:C2', 'E2:G2', 'B5:D5', 'A6:A8', 'B6:K8', 'A9:A10', 'B9:B10', 'C9:C10', 'D9:J9']));
  });

  it.each(cases)('%s has every goal, indicator and year cell in its row', async (name) => {
    const sheet = division(name);
    const ws = await openSheet(seedDir, sheet.file, sheet.sheetName);
    const merges = ws.model.merges;
    let row = 11;
    for (const goal of sheet.goals) {
      const last = row + goal.indicators.length - 1;
      expect([value(ws, `A${row}`), value(ws, `B${row}`), value(ws, `C${row}`)]).toEqual([goal.no, goal.text, expectedValue(goal.actions)]);
      if (last > row) expect(merges).toEqual(expect.arrayContaining([`A${row}:A${last}`, `B${row}:B${last}`, `C${row}:C${last}`]));
      for (const ind of goal.indicators) {
        expect(value(ws, `D${row}`)).toBe(ind.label);
        const years = [...ind.actuals, ind.target, ind.result];
        YEAR_COLUMNS.forEach((col, i) => {
          const expected = expectedValue(years[i] ?? '');
          expect(value(ws, `${col}${row}`), `${col}${row}`).toEqual(expected);
          if (typeof expected === 'number') expect(ws.getCell(`${col}${row}`).numFmt).toBe('#,##0');
        });
        expect([value(ws, `J${row}`), value(ws, `K${row}`)]).toEqual([expectedValue(ind.note), expectedValue(ind.evaluation)]);
        row++;
      }
    }
    expect(value(ws, `A${row}`)).toBeNull();
    expect(value(ws, `A${row + 1}`)).toBe('取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）');
    expect(value(ws, `F${row + 1}`)).toBe('取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）');
    expect([value(ws, `A${row + 2}`), value(ws, `F${row + 2}`)]).toEqual([sheet.approach, null]);
    expect(merges).toEqual(expect.arrayContaining([`A${row + 1}:E${row + 1}`, `F${row + 1}:K${row + 1}`, `A${row + 2}:E${row + 2}`, `F${row + 2}:K${row + 2}`]));
  });

  it('puts 健康福祉課 つながる支援ファイル利用者数 on D12 with R1実績 87 in G12 and R2目標 100 in H12', async () => {
    const ws = await openSheet(seedDir, 'akiha-2020-kenko-fukushi.xlsx', '健康福祉課');
    expect(['D12', 'G12', 'H12', 'G10', 'H10'].map((a) => value(ws, a))).toEqual(['つながる支援ファイル利用者数（人）', 87, 100, 'R1実績', 'R2目標']);
    expect(value(ws, 'G14')).toBe(1660);
    expect(ws.getCell('G14').numFmt).toBe('#,##0');
  });

  it('keeps the quirks staff typed: odd brackets, dashes, a full-width space, qualitative targets', async () => {
    const somu = await openSheet(seedDir, 'akiha-2020-chiiki-somu.xlsx', '地域総務課');
    expect(value(somu, 'D15')).toBe('地区懇談会開催回数〔回)');
    expect(value(somu, 'E12')).toBe('　');
    expect(value(somu, 'H16')).toBe('青パト月4回\n区だよりによる実施団体の募集　年2回');
    expect(value(somu, 'E17')).toBe(320354);
    const sangyo = await openSheet(seedDir, 'akiha-2020-sangyo-shinko.xlsx', '産業振興課');
    expect(['E10', 'H10', 'I10'].map((a) => value(sangyo, a))).toEqual(['2017実績', '2020目標', '2020結果']);
    expect(['E12', 'H11', 'H13'].map((a) => value(sangyo, a))).toEqual(['―', 'プレーパークの実施', 'リニューアルの実施']);
    expect(value(sangyo, 'J3')).toBe('令和2年4月21日');
  });
});

describe('org-goals ward workbook', () => {
  it('has the ward goal, the four 重点目標 and the evaluation box', async () => {
    const ward = data.ward;
    const ws = await openSheet(seedDir, ward.file, '秋葉区組織目標');
    expect(value(ws, 'A1')).toBe('令和２年度 秋葉区組織目標');
    expect(['A2', 'B2', 'D2', 'E2'].map((a) => value(ws, a))).toEqual(['組織名', '秋葉区', '部長', '秋葉区長 夏目 久義']);
    expect([value(ws, 'A3'), value(ws, 'B3')]).toEqual(['組織の目的・方向性', ward.purpose]);
    expect([value(ws, 'A4'), value(ws, 'B4')]).toEqual(['秋葉区組織目標', ward.organizationGoal]);
    expect(value(ws, 'A5')).toBe('重点目標');
    ward.priorityGoals.forEach((goal, i) => {
      expect([value(ws, `B${5 + i}`), value(ws, `C${5 + i}`)]).toEqual([goal.no, goal.text]);
    });
    expect(['B5', 'B6', 'B7', 'B8'].map((a) => value(ws, a))).toEqual(['１', '２', '３', '４']);
    expect(value(ws, 'B9')).toBe(ward.note);
    expect(['A10', 'B10', 'C10'].map((a) => value(ws, a))).toEqual(['評価', '取組結果', null]);
    expect(['B11', 'D11', 'E11', 'F11', 'G11'].map((a) => value(ws, a))).toEqual(['重点目標の達成状況', '目標数', '４', '達成数', null]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:H1', 'B3:H3', 'B4:H4', 'A5:A8', 'C5:H5', 'C8:H8', 'B9:H9', 'A10:A11', 'C10:H10']));
  });
});

describe('org-goals builder', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'mokuhyo-seeds-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('regenerates the committed workbooks with identical cell content', async () => {
    const written = await buildOrgGoals(outDir, data);
    expect(written).toHaveLength(4);
    for (const sheet of [data.ward, ...data.divisions]) {
      const fresh = await openSheet(outDir, sheet.file, sheet.sheetName);
      const committed = await openSheet(seedDir, sheet.file, sheet.sheetName);
      expect(contents(fresh), sheet.file).toEqual(contents(committed));
    }
  });
});

function division(name: string): DivisionSheet {
  const sheet = data.divisions.find((d) => d.sheetName === name);
  if (!sheet) throw new Error(`no division ${name} in the seed data`);
  return sheet;
}
