import { beforeAll, describe, expect, it } from 'vitest';
import { SLICE_SIZE } from '../../addin/src/excel/workbook-file.ts';
import { errorText } from '../../addin/src/use-cases/error-text.ts';
import { submissionLabel, submitWorkbook, type SubmissionView } from '../../addin/src/use-cases/submit-workbook.ts';
import { workbookFileName } from '../../addin/src/excel/workbook-file.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { workbookWithRows } from './fixtures.ts';
import { fakeDocument, installOfficeEnums } from './fake-excel/office-document.ts';

beforeAll(installOfficeEnums);

const settings = { intakeUrl: 'https://intake.example.lg.jp/', token: 'tok-123' };
const noSleep = () => Promise.resolve();

function bytesOf(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251);
}

function intake(statuses: { status: string; findings?: unknown[]; verdict?: unknown }[], postStatus = 202) {
  const calls: {
    url: string;
    method: string;
    auth: string | null;
    fileName: string | null;
    memo: string | null;
    body: Uint8Array | null;
  }[] = [];
  let poll = 0;
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      auth: new Headers(init.headers).get('authorization'),
      fileName: new Headers(init.headers).get('x-mokuhyo-filename'),
      memo: new Headers(init.headers).get('x-mokuhyo-memo'),
      body: init.body ? new Uint8Array(init.body as Uint8Array) : null,
    });
    if (init.method === 'POST' && postStatus !== 202)
      return Response.json({ error: { code: 'x', message: `サーバー説明${postStatus}` } }, { status: postStatus });
    if (init.method === 'POST')
      return new Response(JSON.stringify({ id: 'sub-1', status: 'queued' }), { status: postStatus });
    const next = statuses[Math.min(poll++, statuses.length - 1)]!;
    return Response.json({ id: 'sub-1', division: '健康福祉課', error: null, findings: [], ...next });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('submitWorkbook', () => {
  it('uploads every slice of the workbook with the token and follows the verdict', async () => {
    const bytes = bytesOf(SLICE_SIZE * 2 + 1234);
    const { document, log } = fakeDocument(bytes);
    const { fetcher, calls } = intake([
      { status: 'processing' },
      { status: 'rejected', findings: [{ severity: 'error', code: 'x', cell: 'H12', message: 'R2目標が空欄です' }] },
    ]);
    const seen: SubmissionView['status'][] = [];
    const view = await submitWorkbook({
      file: document,
      settings,
      fetch: fetcher,
      sleep: noSleep,
      onProgress: (v) => seen.push(v.status),
    });

    expect(log).toEqual({ sliceSize: SLICE_SIZE, slices: [0, 1, 2], closed: 1, refused: 0 });
    expect(calls[0]).toMatchObject({
      url: 'https://intake.example.lg.jp/api/submissions',
      method: 'POST',
      auth: 'Bearer tok-123',
    });
    expect(Buffer.compare(Buffer.from(calls[0]!.body!), Buffer.from(bytes))).toBe(0);
    expect(calls[1]!.url).toBe('https://intake.example.lg.jp/api/submissions/sub-1');
    expect(seen).toEqual(['uploading', 'queued', 'processing', 'rejected']);
    expect(view.findings.map((f) => [f.cell, f.message])).toEqual([['H12', 'R2目標が空欄です']]);
  });

  it("carries the ledger's word and reason, as the web console shows them", async () => {
    const { document } = fakeDocument(bytesOf(10));
    const reason = '北区・平成27年度のシートです（この取りまとめは秋葉区・令和2年度）。';
    const { fetcher } = intake([
      {
        status: 'rejected',
        findings: [],
        verdict: { status: '差戻し', reason, counted: false, latest: true, row: { division: '健康福祉課' } },
      },
    ]);
    const view = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep });
    expect(view.verdict).toEqual({ status: '差戻し', reason, counted: false, deadline: null, overdue: false });
    // The deadline and 期限超過 of the division's row, as the console shows them.
    const { fetcher: late } = intake([
      {
        status: 'rejected',
        findings: [],
        verdict: { status: '差戻し', reason, counted: false, deadline: '2021-04-30', row: { overdue: true } },
      },
    ]);
    expect((await submitWorkbook({ file: document, settings, fetch: late, sleep: noSleep })).verdict).toMatchObject({
      deadline: '2021-04-30',
      overdue: true,
    });
    // A verdict word the pane does not know is not shown.
    const { fetcher: odd } = intake([{ status: 'accepted', findings: [], verdict: { status: 'OK' } }]);
    expect((await submitWorkbook({ file: document, settings, fetch: odd, sleep: noSleep })).verdict).toBeUndefined();
  });

  it('closes the file even when a slice cannot be read', async () => {
    const { document, log } = fakeDocument(bytesOf(SLICE_SIZE + 10), { failSlice: 1 });
    const { fetcher, calls } = intake([]);
    const error = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep }).catch(
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain('ブックの内容を読み出せませんでした');
    expect(log.closed).toBe(1);
    expect(calls).toHaveLength(0);
  });

  it.each([
    [401, 'トークンが正しくありません'],
    [403, '所属課のトークン'],
    [413, '大きすぎる'],
    [415, '受け付けられませんでした'],
    [422, '読み取れなかった'],
    [503, '一時的に利用できません'],
  ])('explains HTTP %i in plain Japanese', async (status, text) => {
    const { document } = fakeDocument(bytesOf(10));
    const { fetcher } = intake([], status);
    const error = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep }).catch(
      (e: unknown) => e,
    );
    expect(errorText(error)).toContain(text);
    expect(errorText(error)).toContain(`提出先の説明: サーバー説明${status}`);
  });

  it('explains a network failure and missing settings', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(
      errorText(
        await submitWorkbook({ file: document, settings, fetch: down, sleep: noSleep }).catch((e: unknown) => e),
      ),
    ).toContain('接続できません');
    expect(
      errorText(
        await submitWorkbook({ file: document, settings: { intakeUrl: '', token: '' }, fetch: down }).catch(
          (e: unknown) => e,
        ),
      ),
    ).toContain('設定してください');
  });
});

describe('submitWorkbook after the intake took the file', () => {
  it('rides out a failed status poll and still shows the verdict', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const { fetcher } = intake([{ status: 'processing' }, { status: 'accepted' }]);
    let polls = 0;
    const flaky = (async (url: string, init?: RequestInit) => {
      if (init?.method !== 'POST' && polls++ === 0) throw new TypeError('Failed to fetch');
      return fetcher(url, init);
    }) as typeof fetch;
    const view = await submitWorkbook({ file: document, settings, fetch: flaky, sleep: noSleep });
    expect(view.status).toBe('accepted');
    expect(view.error).toBeNull();
  });

  it('says the file was received, and where to see the verdict, when polling keeps failing or never ends', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const { fetcher } = intake([{ status: 'processing' }]);
    const down = (async (url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? fetcher(url, init)
        : Response.json(
            { statusCode: 500, error: 'Internal Server Error', message: 'boom' },
            { status: 500 },
          )) as typeof fetch;
    const failed = await submitWorkbook({ file: document, settings, fetch: down, sleep: noSleep });
    expect(failed.status).toBe('unconfirmed');
    expect(failed.error).toContain('提出は受け付けられています');
    expect(failed.error).toContain('https://intake.example.lg.jp/');
    expect(failed.error).not.toContain('Internal Server Error');

    const slow = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep, maxPolls: 3 });
    expect(slow).toMatchObject({ status: 'unconfirmed' });
    expect(slow.error).toContain('確認に時間がかかっています');
  });

  it('keeps English server text away from staff', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const fetcher = (async () =>
      Response.json(
        { statusCode: 500, error: 'Internal Server Error', message: 'Cannot read properties of undefined' },
        { status: 500 },
      )) as typeof fetch;
    const text = errorText(
      await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep }).catch((e: unknown) => e),
    );
    expect(text).toBe('提出先でエラーが起きました（HTTP 500）。時間をおいてもう一度提出してください。');
  });

  it('sends staff to the web console where Excel cannot hand over the file (no CompressedFile, Excel on iPad)', async () => {
    const { document, log } = fakeDocument(bytesOf(10));
    const { fetcher, calls } = intake([]);
    const text = errorText(
      await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep, canReadFile: false }).catch(
        (e: unknown) => e,
      ),
    );
    expect(text).toContain('Web の提出ページ https://intake.example.lg.jp/');
    expect(log.slices).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('labels a submission by the first block of its id and its time', () => {
    expect(
      submissionLabel({ id: '3f2a9c1e-77aa-4b1c-9d2e-0123456789ab', receivedAt: new Date(2026, 11, 2, 9, 5) }),
    ).toBe('3F2A9C1E（12月2日 09:05 受付）');
  });
});

describe('submitWorkbook, stricter', () => {
  it('waits for staff to finish typing in a cell before reading the workbook (getFileAsync has no delayForCellEdit)', async () => {
    const model = workbookWithRows(5);
    const { document, log } = fakeDocument(bytesOf(10), { model });
    const { fetcher, calls } = intake([{ status: 'accepted' }]);
    const seen: string[] = [];
    model.startCellEdit();
    const done = submitWorkbook({
      file: document,
      excel: new FakeExcel(model).host(),
      settings,
      fetch: fetcher,
      sleep: noSleep,
      onProgress: (v) => seen.push(v.status),
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['editing']);
    expect(calls).toHaveLength(0);
    model.endCellEdit();
    expect((await done).status).toBe('accepted');
    expect(seen).toEqual(['editing', 'uploading', 'queued', 'accepted']);
    expect(log.refused).toBe(0);
  });

  it('sends the workbook under its own file name, as the web console does', async () => {
    const { document } = fakeDocument(bytesOf(10), { url: 'C:\\Users\\sato\\Documents\\R2 健康福祉課.xlsx' });
    const { fetcher, calls } = intake([{ status: 'accepted' }]);
    await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep });
    expect(decodeURIComponent(calls[0]!.fileName!)).toBe('R2 健康福祉課.xlsx');
    expect(
      [
        'https://contoso.sharepoint.com/sites/kikaku/Shared%20Documents/%E7%9B%AE%E6%A8%99.xlsx?web=1',
        '/Users/sato/Library/目標シート.xlsx',
        'Book1',
        '',
        null,
      ].map(workbookFileName),
    ).toEqual(['目標.xlsx', '目標シート.xlsx', 'Book1.xlsx', null, null]);
  });

  it('refuses a plain http:// 提出先URL (the token would travel unencrypted), except on this computer', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const { fetcher, calls } = intake([{ status: 'accepted' }]);
    const text = errorText(
      await submitWorkbook({
        file: document,
        settings: { intakeUrl: 'http://intake.example.lg.jp', token: 't' },
        fetch: fetcher,
        sleep: noSleep,
      }).catch((e: unknown) => e),
    );
    expect(text).toContain('https://');
    expect(calls).toHaveLength(0);
    const local = await submitWorkbook({
      file: document,
      settings: { intakeUrl: 'http://localhost:8080', token: 't' },
      fetch: fetcher,
      sleep: noSleep,
    });
    expect(local.status).toBe('accepted');
  });

  it('gives up on an upload or a status poll that never answers', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const hang = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as typeof fetch;
    const text = errorText(
      await submitWorkbook({ file: document, settings, fetch: hang, sleep: noSleep, timeoutMs: 20 }).catch(
        (e: unknown) => e,
      ),
    );
    expect(text).toContain('応答がありません');

    const { fetcher } = intake([{ status: 'processing' }]);
    const slowPolls = ((url: string, init?: RequestInit) =>
      init?.method === 'POST' ? fetcher(url, init) : hang(url, init)) as typeof fetch;
    const view = await submitWorkbook({ file: document, settings, fetch: slowPolls, sleep: noSleep, timeoutMs: 20 });
    expect(view.status).toBe('unconfirmed');
    expect(view.error).toContain('提出は受け付けられています');
  });

  it('sends the 提出メモ with the file, trimmed and at most 500 characters, and none when it is blank', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const { fetcher, calls } = intake([{ status: 'accepted' }]);
    await submitWorkbook({
      file: document,
      settings,
      fetch: fetcher,
      sleep: noSleep,
      memo: '  修正版です。指標3を直しました。\n',
    });
    expect(decodeURIComponent(calls[0]!.memo!)).toBe('修正版です。指標3を直しました。');
    calls.length = 0;
    await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep, memo: '目'.repeat(600) });
    expect(decodeURIComponent(calls[0]!.memo!)).toBe('目'.repeat(500));
    calls.length = 0;
    await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep, memo: ' \n ' });
    expect(calls[0]!.memo).toBeNull();
  });

  it("gives up on an answer whose body never finishes, and explains an answer that is not the intake's", async () => {
    const { document } = fakeDocument(bytesOf(10));
    // Headers arrive at once; the body stalls until the request is aborted.
    const stalls = ((_url: string, init?: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
              init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
            },
          }),
          { status: 202 },
        ),
      )) as typeof fetch;
    const text = errorText(
      await submitWorkbook({ file: document, settings, fetch: stalls, sleep: noSleep, timeoutMs: 20 }).catch(
        (e: unknown) => e,
      ),
    );
    expect(text).toContain('応答がありません');

    const html = (() => Promise.resolve(new Response('<html>proxy login</html>', { status: 200 }))) as typeof fetch;
    const wrong = errorText(
      await submitWorkbook({ file: document, settings, fetch: html, sleep: noSleep }).catch((e: unknown) => e),
    );
    expect(wrong).toContain('応答を読み取れませんでした');
  });
});
