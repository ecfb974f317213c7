import type { RenderedFinding } from '../../../shared/model/finding.ts';
import type { UserSettings } from '../excel/user-settings.ts';
import { readWorkbookBytes, type FileSource } from '../excel/workbook-file.ts';
import { UserFacingError } from './error-text.ts';
import { findingViews, type FindingView } from './sheet-view.ts';

export type SubmissionState = 'uploading' | 'queued' | 'processing' | 'accepted' | 'rejected';

/** What the pane shows while a submission travels. */
export interface SubmissionView {
  id: string | null;
  status: SubmissionState;
  findings: FindingView[];
  error: string | null;
}

export interface SubmitDeps {
  file: FileSource;
  settings: UserSettings;
  fetch: typeof fetch;
  onProgress?: (view: SubmissionView) => void;
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
  /** Give up polling after this many tries (the verdict can still be seen later by the coordinator). */
  maxPolls?: number;
}

const HTTP_TEXT: Record<number, string> = {
  401: 'トークンが正しくありません。設定のトークンを確認してください。',
  403: 'このトークンでは提出できません。所属課のトークンか確認してください。',
  413: 'ブックが大きすぎるため提出できません。不要なシートや画像を削除してから提出してください。',
  415: 'Excel ブック（.xlsx）として受け付けられませんでした。',
  422: 'ブックの内容を読み取れなかったため受け付けられませんでした。ファイルが壊れていないか確認してください。',
  503: '提出先が一時的に利用できません。しばらくしてからもう一度提出してください。',
};

/** 提出: the workbook's bytes to the intake, then the server's verdict as it arrives. */
export async function submitWorkbook(deps: SubmitDeps): Promise<SubmissionView> {
  const base = deps.settings.intakeUrl.trim().replace(/\/+$/, '');
  if (!base || !deps.settings.token.trim()) throw new UserFacingError('提出先URLとトークンを設定してください（設定 ボタン）。');
  if (!/^https?:\/\//i.test(base)) throw new UserFacingError('提出先URLは https:// で始まるアドレスを入力してください。');
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers = { Authorization: `Bearer ${deps.settings.token.trim()}` };
  deps.onProgress?.({ id: null, status: 'uploading', findings: [], error: null });

  const bytes = await readWorkbookBytes(deps.file);
  const created = await request(deps.fetch, `${base}/api/submissions`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: bytes,
  });
  const { id } = (await created.json()) as { id: string };
  let view: SubmissionView = { id, status: 'queued', findings: [], error: null };
  deps.onProgress?.(view);

  for (let i = 0; i < (deps.maxPolls ?? 120); i++) {
    await sleep(deps.pollMs ?? 1000);
    const res = await request(deps.fetch, `${base}/api/submissions/${encodeURIComponent(id)}`, { headers });
    const body = (await res.json()) as { status: SubmissionState; findings?: RenderedFinding[]; error?: { message?: string } | string | null };
    view = { id, status: body.status, findings: findingViews((body.findings ?? []).map((f) => ({ ...f, params: { ...f.params, message: f.message } }))), error: errorOf(body.error) };
    deps.onProgress?.(view);
    if (view.status === 'accepted' || view.status === 'rejected') return view;
  }
  return view;
}

async function request(fetcher: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetcher(url, init);
  } catch (err) {
    throw new UserFacingError('提出先に接続できません。提出先URLとネットワークを確認してください。', { cause: err });
  }
  if (res.ok) return res;
  const text = HTTP_TEXT[res.status] ?? `提出に失敗しました（HTTP ${res.status}）。時間をおいてもう一度お試しください。`;
  const detail = await serverMessage(res);
  throw new UserFacingError(detail ? `${text}（提出先の説明: ${detail}）` : text);
}

/** The intake's own Japanese reason (`{"error": {"message"}}`), when it sent one. */
async function serverMessage(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : null;
  } catch {
    return null;
  }
}

function errorOf(error: { message?: string } | string | null | undefined): string | null {
  if (!error) return null;
  return typeof error === 'string' ? error : (error.message ?? null);
}
