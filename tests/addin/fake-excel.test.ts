// The fake's documented rules, checked on their own: a test of the add-in is only as honest as these.
import { describe, expect, it } from 'vitest';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, NO_FILL, WorkbookModel, type Platform } from './fake-excel/model.ts';
import { fakeDocument } from './fake-excel/office-document.ts';

function workbook(apiVersion = '1.18', platform: Platform = 'windows') {
  const model = new WorkbookModel(apiVersion, platform);
  const sheet = model.addSheet('健康福祉課');
  sheet.cells.set(key(0, 0), { value: '指標', numberFormat: 'General', fill: { ...NO_FILL } });
  return { model, sheet, excel: new FakeExcel(model) };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('the fake Excel', () => {
  it('fails a batch while staff edit a cell unless the run asked to wait', async () => {
    const { model, excel } = workbook();
    model.startCellEdit();
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().load('name');
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidOperationInCellEditMode');
    const waiting = excel.run({ delayForCellEdit: true }, async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      return s.name;
    });
    model.endCellEdit();
    expect(await waiting).toBe('健康福祉課');
  });

  it('offers each member from its requirement set only', async () => {
    const { excel } = workbook('1.8');
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.onChanged.add(async () => undefined);
          await ctx.sync();
        }),
      ),
    ).toBe('ApiNotFound');
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').getMergedAreasOrNullObject();
          await ctx.sync();
        }),
      ),
    ).toBe('ApiNotFound');
  });

  it('gives worksheets new ids when the workbook is reopened', () => {
    const { model, sheet } = workbook();
    const before = sheet.id;
    model.reopen();
    expect(sheet.id).not.toBe(before);
  });

  it('refuses a response over 5 MB on the web only', async () => {
    for (const [platform, expected] of [
      ['web', 'ResponsePayloadSizeLimitExceeded'],
      ['windows', 'ok'],
    ] as const) {
      const { sheet, excel } = workbook('1.18', platform);
      for (let r = 0; r < 6000; r++)
        sheet.cells.set(key(r, 1), { value: 'あ'.repeat(400), numberFormat: 'General', fill: { ...NO_FILL } });
      expect(
        await codeOf(
          excel.run(async (ctx) => {
            ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject().load('values');
            await ctx.sync();
          }),
        ),
      ).toBe(expected);
    }
  });

  it('fails getMergedAreasOrNullObject past 512 areas', async () => {
    const { sheet, excel } = workbook();
    sheet.merges = Array.from({ length: 513 }, (_, i) => ({ top: i, left: 2, bottom: i, right: 3 }));
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange().getMergedAreasOrNullObject().load('address');
          await ctx.sync();
        }),
      ),
    ).toBe('GeneralException');
  });

  it('deletes a comment with its replies, and cannot write a gradient', async () => {
    const { sheet, excel } = workbook();
    sheet.comments.set(key(0, 0), { content: 'c', author: 'a', replies: [{ content: 'r', author: 'b' }] });
    await excel.run(async (ctx) => {
      const comments = ctx.workbook.worksheets.getActiveWorksheet().comments.load('items/content');
      await ctx.sync();
      comments.items[0]!.delete();
      await ctx.sync();
    });
    expect(sheet.comments.size).toBe(0);
    expect(
      await codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').format.fill.pattern = 'LinearGradient';
          await ctx.sync();
        }),
      ),
    ).toBe('UnsupportedFillType');
  });

  it("clears staff's undo history for writes before 1.20, and for sheet visibility on Windows and Mac", async () => {
    const cases = [
      ['1.17', 'windows', 'A1'],
      ['1.19', 'windows', 'A1'],
      ['1.20', 'windows', 'A1'],
      ['1.20', 'windows', 'hide'],
      ['1.20', 'web', 'hide'],
    ] as const;
    const cleared = [];
    for (const [version, platform, what] of cases) {
      const { model, excel } = workbook(version, platform);
      model.staffEdit();
      await excel.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getActiveWorksheet();
        if (what === 'hide') sheet.visibility = 'Hidden';
        else sheet.getRange('A1').format.fill.color = '#FFC7CE';
        await ctx.sync();
      });
      cleared.push(model.undo.cleared);
    }
    expect(cleared).toEqual([1, 1, 0, 1, 0]);
  });

  it("raises onChanged for the add-in's own value writes, naming it as the source from 1.14 only", async () => {
    for (const [version, source] of [
      ['1.12', undefined],
      ['1.14', 'ThisLocalAddin'],
    ] as const) {
      const { model, excel } = workbook(version);
      const events: (string | undefined)[] = [];
      model.changeHandlers.push((e) => {
        events.push(e.triggerSource);
      });
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('B2').values = [['x']];
        await ctx.sync();
      });
      await new Promise((r) => setTimeout(r, 5));
      expect(events).toEqual([source]);
    }
  });

  it('fills nothing a refused batch loaded: reading it later throws PropertyNotLoaded', async () => {
    const { sheet, excel } = workbook('1.18', 'web');
    for (let r = 0; r < 6000; r++)
      sheet.cells.set(key(r, 1), { value: 'あ'.repeat(400), numberFormat: 'General', fill: { ...NO_FILL } });
    const outcome = await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const name = ws.load('name');
      const used = ws.getUsedRangeOrNullObject().load('values');
      const code = await ctx.sync().then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
      const read = (f: () => unknown) => {
        try {
          f();
          return 'read';
        } catch (e) {
          return (e as { code: string }).code;
        }
      };
      return [code, read(() => name.name), read(() => used.values)];
    });
    expect(outcome).toEqual(['ResponsePayloadSizeLimitExceeded', 'PropertyNotLoaded', 'PropertyNotLoaded']);
  });

  it('refuses a comment at a bare address (the string must name the sheet), while a note takes "A1"', async () => {
    const { sheet, excel } = workbook('1.18');
    const add = (what: 'notes' | 'comments', address: string) =>
      codeOf(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.getActiveWorksheet()[what].add(address, 'x');
          await ctx.sync();
        }),
      );
    expect(await add('comments', 'B2')).toBe('InvalidArgument');
    expect(await add('comments', '健康福祉課!B2')).toBe('ok');
    expect(await add('notes', 'C3')).toBe('ok');
    expect(await add('comments', "'健康福祉課'!D4:D5")).toBe('InvalidArgument');
    expect([...sheet.comments.keys(), ...sheet.notes.keys()]).toEqual([key(1, 1), key(2, 2)]);
  });

  it('raises onChanged for fills too, Local with its source to the writer and Remote to a co-author', async () => {
    const model = new WorkbookModel('1.18');
    model.addSheet('健康福祉課');
    const seen: string[] = [];
    const mine = new FakeExcel(model, 'A');
    const theirs = new FakeExcel(model, 'B');
    for (const [excel, who] of [
      [mine, 'A'],
      [theirs, 'B'],
    ] as const)
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async (e) => {
          seen.push(`${who}:${e.source}:${e.triggerSource}:${e.address}`);
        });
        await ctx.sync();
      });
    await mine.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('C8').format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    model.typeInto('健康福祉課', 0, 0, '指標', 'B');
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([
      'A:Remote:Unknown:A1',
      'B:Local:Unknown:A1',
      'A:Local:ThisLocalAddin:C8',
      'B:Remote:Unknown:C8',
    ]);
  });

  it('refuses writes a protected sheet does not allow, with AccessDenied', async () => {
    const { sheet, excel } = workbook('1.18');
    sheet.protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
    const run = (write: (ws: Excel.Worksheet) => void) =>
      codeOf(
        excel.run(async (ctx) => {
          write(ctx.workbook.worksheets.getActiveWorksheet());
          await ctx.sync();
        }),
      );
    expect(await run((ws) => (ws.getRange('A1').format.fill.color = '#FFC7CE'))).toBe('AccessDenied');
    expect(await run((ws) => ws.notes.add('A1', 'x'))).toBe('AccessDenied');
    sheet.protection.allowFormatCells = true;
    expect(await run((ws) => (ws.getRange('A1').format.fill.color = '#FFC7CE'))).toBe('ok');
    const state = await excel.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getActiveWorksheet().protection.load('protected,options');
      await ctx.sync();
      return [p.protected, p.options.allowFormatCells, p.options.allowEditObjects];
    });
    expect(state).toEqual([true, true, false]);
  });

  it('refuses getFileAsync, a Common API, while staff edit a cell (5004)', async () => {
    const { model } = workbook();
    const { document, log } = fakeDocument(new Uint8Array(10), { model });
    const call = () =>
      new Promise<unknown>((resolve) =>
        document.getFileAsync('compressed' as unknown as Office.FileType, { sliceSize: 4 }, (r: unknown) => resolve(r)),
      );
    model.startCellEdit();
    expect(await call()).toMatchObject({ status: 'failed', error: { code: 5004 } });
    model.endCellEdit();
    expect(await call()).toMatchObject({ status: 'succeeded' });
    expect(log.refused).toBe(1);
  });

  it('undoes an add-in write step from ExcelApi 1.20 — its cells and notes, never the custom XML part', async () => {
    const { model, sheet, excel } = workbook('1.20');
    model.staffEdit();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1').format.fill.color = '#FFC7CE';
      ws.notes.add('A1', 'メモ');
      ctx.workbook.customXmlParts.add('<r xmlns="urn:x"/>');
      await ctx.sync();
    });
    expect(model.undo).toEqual({ entries: 2, cleared: 0 });
    expect(model.pressUndo()).toBe(true);
    expect(sheet.cells.get(key(0, 0))?.fill.pattern).toBe('None');
    expect(sheet.notes.size).toBe(0);
    expect(model.customXmlParts).toHaveLength(1);
  });

  it('copies a sheet with its fills and notes under a new name and id', () => {
    const { model, sheet } = workbook();
    sheet.cells.get(key(0, 0))!.fill = { pattern: 'Solid', color: '#FFC7CE', patternColor: '' };
    sheet.notes.set(key(0, 0), { content: 'n', author: 'a' });
    const copy = model.copySheet('健康福祉課', '健康福祉課 (2)');
    expect(copy.id).not.toBe(sheet.id);
    expect(copy.cells.get(key(0, 0))?.fill.color).toBe('#FFC7CE');
    expect(copy.notes.get(key(0, 0))?.content).toBe('n');
    expect(copy.cells.get(key(0, 0))).not.toBe(sheet.cells.get(key(0, 0)));
  });
});
