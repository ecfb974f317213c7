// The fake's documented rules, checked on their own: a test of the add-in is only as honest as these.
import { describe, expect, it } from 'vitest';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, NO_FILL, WorkbookModel, type Platform } from './fake-excel/model.ts';

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

  it("clears staff's undo history for writes before 1.19, and for sheet visibility on Windows and Mac", async () => {
    const cases = [
      ['1.17', 'windows', 'A1'],
      ['1.19', 'windows', 'A1'],
      ['1.19', 'windows', 'hide'],
      ['1.19', 'web', 'hide'],
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
    expect(cleared).toEqual([1, 0, 1, 0]);
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
});
