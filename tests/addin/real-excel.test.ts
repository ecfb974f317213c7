// The add-in against the documented behaviours of real Excel that the first fake did not have (issue 15);
// each rule lives in tests/addin/fake-excel/ with its reference.
import { describe, expect, it } from 'vitest';
import { parseA1 } from '../../shared/grid/address.ts';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { SEVERITY_FILL } from '../../addin/src/excel/fills.ts';
import { MARK_PREFIX } from '../../addin/src/excel/marks.ts';
import { checkActiveSheet } from '../../addin/src/use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../../addin/src/use-cases/clear-annotations.ts';
import { selectFinding } from '../../addin/src/use-cases/select-finding.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, NO_FILL, type SheetModel, type WorkbookModel } from './fake-excel/model.ts';
import { markerCheck, workbookWithRows } from './fixtures.ts';

function cellAt(sheet: SheetModel, address: string) {
  const { row, col } = parseA1(address)!;
  return sheet.cells.get(key(row, col));
}

function fillsOf(sheet: SheetModel) {
  return Object.fromEntries([...sheet.cells].map(([k, c]) => [k, { ...c.fill }]));
}

/** A second form sheet after the first, with its own NG cell and a staff colour on it. */
function addSecondSheet(model: WorkbookModel): SheetModel {
  const sheet = model.addSheet('産業振興課');
  for (let r = 0; r < 10; r++)
    sheet.cells.set(key(r, 2), { value: r === 3 ? 'NG' : 'OK', numberFormat: 'General', fill: { ...NO_FILL } });
  cellAt(sheet, 'C4')!.fill = { pattern: 'Solid', color: '#92D050', patternColor: '' };
  return sheet;
}

describe('the add-in in real Excel', () => {
  it('waits for staff to finish typing a cell instead of failing the batch (delayForCellEdit)', async () => {
    const model = workbookWithRows(10);
    const excel = new FakeExcel(model);
    model.startCellEdit();
    let done = false;
    const check = checkActiveSheet({ excel: excel.host(), check: markerCheck }).then((v) => {
      done = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    model.endCellEdit();
    expect((await check).counts.error).toBe(1);
  });

  it("restores every fill after the workbook is closed and reopened, and never paints one sheet's colours on another", async () => {
    const model = workbookWithRows(10);
    const first = model.sheets[0]!;
    cellAt(first, 'C8')!.fill = { pattern: 'Solid', color: '#00B050', patternColor: '' };
    const second = addSecondSheet(model);
    const before = { first: fillsOf(first), second: fillsOf(second) };
    model.reopen();
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    model.active = 1;
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(cellAt(second, 'C4')?.fill.color).toBe(SEVERITY_FILL.error);

    // Staff move 産業振興課 to the front; after reopening it gets the id the first sheet had.
    model.sheets.reverse();
    model.reopen();
    model.active = 0;
    expect(second.id).toBe('{00000000-0001-0000-0000-000000000000}');
    await clearAnnotations({ excel: excel.host() });
    model.active = 1;
    await clearAnnotations({ excel: excel.host() });
    expect({ first: fillsOf(first), second: fillsOf(second) }).toEqual(before);
    expect(model.customXmlParts).toHaveLength(0);
  });

  it("keeps a renamed sheet's record within the session", async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    sheet.name = '健康福祉課（R2）';
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(sheet)).toEqual(before);
  });

  it("keeps staff's undo history where Excel can undo add-in writes (ExcelApi 1.20, Windows)", async () => {
    const model = workbookWithRows(10, '1.20');
    model.staffEdit();
    model.staffEdit();
    await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    expect(model.undo.cleared).toBe(0);
    expect(model.undo.entries).toBeGreaterThan(2);
  });

  it('lists findings without writing while staff type on a host whose writes clear undo (LTSC 2024, ExcelApi 1.17)', async () => {
    const model = workbookWithRows(10, '1.17');
    const before = fillsOf(model.sheets[0]!);
    model.staffEdit();
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck, trigger: 'live' });
    expect(view.counts.error).toBe(1);
    expect(view.outcome?.marked).toBe(false);
    expect(model.undo).toEqual({ entries: 1, cleared: 0 });
    expect(fillsOf(model.sheets[0]!)).toEqual(before);
  });

  it('leaves a gradient fill alone (Office.js cannot write one back) and still notes the finding', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    cellAt(sheet, 'C8')!.fill = { pattern: 'LinearGradient', color: '#FFFFFF', patternColor: '#5B9BD5' };
    cellAt(sheet, 'D6')!.fill = { pattern: 'Gray25', color: '#FFFF00', patternColor: '#FF0000' };
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(view.outcome?.gradientKept).toEqual(['C8']);
    expect(cellAt(sheet, 'C8')?.fill.pattern).toBe('LinearGradient');
    expect(sheet.notes.has(key(7, 2))).toBe(true);
    cellAt(sheet, 'C8')!.value = 'OK';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('never deletes a comment somebody replied to (the reply would go with it)', async () => {
    const model = workbookWithRows(10, '1.17');
    const sheet = model.sheets[0]!;
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const comment = sheet.comments.get(key(7, 2))!;
    comment.replies!.push({ content: '来週までに直します（課長）', author: '佐藤' });
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(sheet.comments.get(key(7, 2))).toBe(comment);

    cellAt(sheet, 'C8')!.value = 'OK';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(sheet.comments.get(key(7, 2))).toMatchObject({
      resolved: true,
      replies: [{ content: '来週までに直します（課長）' }],
    });
    const outcome = await clearAnnotations({ excel: excel.host() });
    expect(outcome.keptComments).toEqual(['C8']);
    expect(sheet.comments.get(key(7, 2))?.replies).toHaveLength(1);
    expect(
      [...sheet.comments.values()].filter((c) => c.content.startsWith(MARK_PREFIX) && c.replies?.length === 0),
    ).toEqual([]);
  });

  it('adds no note where staff left a threaded comment (a cell holds one or the other)', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    sheet.comments.set(key(7, 2), { content: 'ここは課長に確認中', author: '田中', replies: [] });
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    expect(view.outcome?.staffMarked).toEqual(['C8']);
    expect(cellAt(sheet, 'C8')?.fill.color).toBe(SEVERITY_FILL.error);
    expect(sheet.notes.has(key(7, 2))).toBe(false);
    expect(sheet.comments.get(key(7, 2))?.content).toBe('ここは課長に確認中');
  });

  it('rewords a note in place rather than deleting and adding it again', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const note = sheet.notes.get(key(7, 2))!;
    cellAt(sheet, 'C8')!.value = '要確認';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(sheet.notes.get(key(7, 2))).toBe(note);
    expect(note.content).toBe(`${MARK_PREFIX}警告: 確認してください`);
    expect(cellAt(sheet, 'C8')?.fill.color).toBe(SEVERITY_FILL.warning);
  });

  it("selects a finding's cell on the sheet the server names, not on the active one", async () => {
    const model = workbookWithRows(10);
    addSecondSheet(model);
    await selectFinding({ excel: new FakeExcel(model).host() }, 'C4', '産業振興課');
    expect(model.selection).toEqual({ sheet: '産業振興課', address: 'C4' });
    expect(model.active).toBe(1);
  });

  it("guards every member above the manifest's ExcelApi 1.14", async () => {
    const ltsc2021 = detectCapabilities((set, v) => set === 'ExcelApi' && Number(v.split('.')[1]) <= 14);
    expect(ltsc2021).toMatchObject({ supported: true, annotations: 'comments', undoableWrites: false, merges: true });
    const office2019 = detectCapabilities((set, v) => set === 'ExcelApi' && Number(v.split('.')[1]) <= 8);
    expect(office2019.supported).toBe(false);
    const model = workbookWithRows(10, '1.14');
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    expect(view.outcome).toMatchObject({ mode: 'comments', marked: true, coloured: 3 });
  });
});

describe('the fill record in a co-authored workbook', () => {
  it('merges the records two people wrote at once and folds them into one part', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    cellAt(sheet, 'C8')!.fill = { pattern: 'Solid', color: '#00B050', patternColor: '' };
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    // A colleague's Excel added its own part in the same moment, recording D6 only.
    const mine = model.customXmlParts[0]!.xml;
    model.addCustomXmlPart(
      mine.replace(/<fill [^>]*cell="C8"[^>]*\/>/, '').replace(/<fill [^>]*cell="D11"[^>]*\/>/, ''),
    );
    model.customXmlParts[0]!.xml = mine.replace(/<fill [^>]*cell="D6"[^>]*\/>/, '');
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(sheet)).toEqual(before);
    expect(model.customXmlParts).toHaveLength(0);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(model.customXmlParts).toHaveLength(1);
  });
});

describe('a long 組織目標 sheet (more than 512 merged areas)', () => {
  it('finds in the pane exactly what the intake finds in the file', async () => {
    const { loadOrgGoalsData } = await import('../../seed-src/build/org-goals-data.ts');
    const { divisionWorkbook, workbookBytes } = await import('../../seed-src/build/org-goals.ts');
    const { readWorkbookFile } = await import('../../worker/xlsx/index.ts');
    const { checkGrid } = await import('../../shared/rules/index.ts');
    const { countBySeverity } = await import('../../ui/finding-text.ts');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const seed = await loadOrgGoalsData();
    const division = seed.divisions.find((d) => d.division === '健康福祉課')!;
    // Goals of three indicators each: the goal's cells merge down its rows, as on the real sheets.
    const indicators = division.goals.flatMap((g) => g.indicators);
    const goals = Array.from({ length: 260 }, (_, g) => ({
      ...division.goals[g % division.goals.length]!,
      no: g + 1,
      indicators: [0, 1, 2].map((k) => indicators[(g * 3 + k) % indicators.length]!),
    }));
    const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-addin-'));
    try {
      const file = join(dir, 'long.xlsx');
      writeFileSync(file, await workbookBytes(divisionWorkbook({ ...division, goals })));
      const { grids, names } = await readWorkbookFile(file);
      expect(grids[0]!.merges.length).toBeGreaterThan(512);
      const server = checkGrid(grids[0]!, { phase: 'evaluation' });
      const { WorkbookModel } = await import('./fake-excel/model.ts');
      const model = WorkbookModel.fromGrids(grids, names, '1.18');
      const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), phase: 'evaluation' });
      expect(view.counts).toEqual(countBySeverity(server.findings));
      expect(view.findings.map((f) => `${f.code}@${f.cell}`).sort()).toEqual(
        server.findings.map((f) => `${f.code}@${f.cell}`).sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
