import { beforeAll, describe, expect, it } from 'vitest';
import { SLICE_SIZE } from '../../addin/src/excel/workbook-file.ts';
import { errorText } from '../../addin/src/use-cases/error-text.ts';
import { submitWorkbook, type SubmissionView } from '../../addin/src/use-cases/submit-workbook.ts';
import { fakeDocument, installOfficeEnums } from './fake-excel/office-document.ts';

beforeAll(installOfficeEnums);

const settings = { intakeUrl: 'https://intake.example.lg.jp/', token: 'tok-123' };
const noSleep = () => Promise.resolve();

function bytesOf(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31) % 251);
}

function intake(statuses: { status: string; findings?: unknown[] }[], postStatus = 202) {
  const calls: { url: string; method: string; auth: string | null; body: Uint8Array | null }[] = [];
  let poll = 0;
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, method: init.method ?? 'GET', auth: new Headers(init.headers).get('authorization'), body: init.body ? new Uint8Array(init.body as Uint8Array) : null });
    if (init.method === 'POST' && postStatus !== 202) return Response.json({ error: { code: 'x', message: `サーバー説明${postStatus}` } }, { status: postStatus });
    if (init.method === 'POST') return new Response(JSON.stringify({ id: 'sub-1', status: 'queued' }), { status: postStatus });
    const next = statuses[Math.min(poll++, statuses.length - 1)]!;
    return Response.json({ id: 'sub-1', division: '健康福祉課', error: null, findings: [], ...next });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('submitWorkbook', () => {
  it('uploads every slice of the workbook with the token and follows the verdict', async () => {
    const bytes = bytesOf(SLICE_SIZE * 2 + 1234);
    const { document, log } = fakeDocument(bytes);
    const { fetcher, calls } = intake([{ status: 'processing' }, { status: 'rejected', findings: [{ severity: 'error', code: 'x', cell: 'H12', message: 'R2目標が空欄です' }] }]);
    const seen: SubmissionView['status'][] = [];
    const view = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep, onProgress: (v) => seen.push(v.status) });

    expect(log).toEqual({ sliceSize: SLICE_SIZE, slices: [0, 1, 2], closed: 1 });
    expect(calls[0]).toMatchObject({ url: 'https://intake.example.lg.jp/api/submissions', method: 'POST', auth: 'Bearer tok-123' });
    expect(Buffer.compare(Buffer.from(calls[0]!.body!), Buffer.from(bytes))).toBe(0);
    expect(calls[1]!.url).toBe('https://intake.example.lg.jp/api/submissions/sub-1');
    expect(seen).toEqual(['uploading', 'queued', 'processing', 'rejected']);
    expect(view.findings.map((f) => [f.cell, f.message])).toEqual([['H12', 'R2目標が空欄です']]);
  });

  it('closes the file even when a slice cannot be read', async () => {
    const { document, log } = fakeDocument(bytesOf(SLICE_SIZE + 10), { failSlice: 1 });
    const { fetcher, calls } = intake([]);
    const error = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep }).catch((e: unknown) => e);
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
    const error = await submitWorkbook({ file: document, settings, fetch: fetcher, sleep: noSleep }).catch((e: unknown) => e);
    expect(errorText(error)).toContain(text);
    expect(errorText(error)).toContain(`提出先の説明: サーバー説明${status}`);
  });

  it('explains a network failure and missing settings', async () => {
    const { document } = fakeDocument(bytesOf(10));
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(errorText(await submitWorkbook({ file: document, settings, fetch: down, sleep: noSleep }).catch((e: unknown) => e))).toContain('接続できません');
    expect(errorText(await submitWorkbook({ file: document, settings: { intakeUrl: '', token: '' }, fetch: down }).catch((e: unknown) => e))).toContain('設定してください');
  });
});
