import type { RenderedFinding } from '../../../shared/model/finding.ts';
import { commonErrorCode, whenNotEditing } from '../excel/cell-edit.ts';
import type { ExcelHost } from '../excel/excel-host.ts';
import type { UserSettings } from '../excel/user-settings.ts';
import { readWorkbookBytes, WorkbookFileError, workbookFileName, type FileSource } from '../excel/workbook-file.ts';
import { UserFacingError } from './error-text.ts';
import { findingViews, type FindingView } from './sheet-view.ts';

/**
 * `editing`: staff are typing in a cell and Excel cannot hand over the workbook until they press Enter.
 * `unconfirmed`: the intake has the file (it answered 202) but the pane could not learn the verdict —
 * repeated poll failures or no verdict after `maxPolls`. Nothing is lost: the file is processed anyway.
 */
export type SubmissionState =
  'editing' | 'uploading' | 'queued' | 'processing' | 'accepted' | 'rejected' | 'unconfirmed';

/** What the pane shows while a submission travels. */
export interface SubmissionView {
  id: string | null;
  status: SubmissionState;
  findings: FindingView[];
  error: string | null;
  /** When the intake took the file (the pane's clock), for the submission's label. */
  receivedAt?: Date;
  /**
   * The ward-year ledger's word for this submission (受理, 差戻し, 読込不可) and its reason, as the web console
   * and the summary show them; absent until the intake has decided, or from an intake that predates it.
   */
  verdict?: {
    status: string;
    reason: string | null;
    counted: boolean;
    /** 提出期限 of the ward-year (YYYY-MM-DD) and whether the division's row is 期限超過, as the console shows them. */
    deadline?: string | null;
    overdue?: boolean;
  };
}

export interface SubmitDeps {
  file: FileSource;
  /** Excel, to wait while staff are typing in a cell (getFileAsync is refused meanwhile). */
  excel?: ExcelHost;
  settings: UserSettings;
  fetch: typeof fetch;
  /** getFileAsync(Compressed) works here (the CompressedFile set; not Excel on iPad). */
  canReadFile?: boolean;
  onProgress?: (view: SubmissionView) => void;
  sleep?: (ms: number) => Promise<void>;
  pollMs?: number;
  /** Give up polling after this many tries (the verdict can still be seen later in the web console). */
  maxPolls?: number;
  /** Poll failures in a row tolerated before the pane stops asking. */
  maxPollFailures?: number;
  /** How long one request may take before the pane gives up on it (default: 120 s to upload, 20 s to poll). */
  timeoutMs?: number;
  now?: () => Date;
  /** 提出メモ: the division's note to the coordinator, sent with the file (the web console's words). */
  memo?: string;
}

/** Longest 提出メモ the intake keeps; the pane's field stops there too. */
export const MEMO_MAX = 500;

/**
 * The 提出先URL as an origin the token may travel to: https, or plain http only to this computer (a
 * development `mokuhyo serve`; browsers treat localhost as secure). Anything else is refused in Japanese.
 */
export function intakeBase(intakeUrl: string): string {
  const base = intakeUrl.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UserFacingError('提出先URLは https:// で始まるアドレスを入力してください。');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new UserFacingError(
      '提出先URLは https:// で始まるアドレスを入力してください（http:// ではトークンとブックが暗号化されずに送られます）。',
    );
  return base;
}

const HTTP_TEXT: Record<number, string> = {
  401: 'トークンが正しくありません。設定のトークンを確認してください。',
  403: 'このトークンでは提出できません。所属課のトークンか確認してください。',
  413: 'ブックが大きすぎるため提出できません。不要なシートや画像を削除してから提出してください。',
  415: 'Excel ブック（.xlsx）として受け付けられませんでした。',
  422: 'ブックの内容を読み取れなかったため受け付けられませんでした。ファイルが壊れていないか確認してください。',
  429: '短い時間に提出が続いたため、受け付けを一時的に止めています。1 分ほど待ってからもう一度提出してください。',
  503: '提出先が一時的に利用できません。しばらくしてからもう一度提出してください。',
};

/** The web console's check-and-submit page: `mokuhyo serve` answers it at `/` of the intake. */
export function consoleUrl(intakeUrl: string): string {
  const base = intakeUrl.trim().replace(/\/+$/, '');
  return base ? `${base}/` : '提出先の Web ページ';
}

/** A short label for a submission: the first block of its id and when it was received. */
export function submissionLabel(view: Pick<SubmissionView, 'id' | 'receivedAt'>): string {
  const short = (view.id ?? '').split('-')[0]!.slice(0, 8).toUpperCase();
  if (!view.receivedAt) return short;
  const d = view.receivedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${short}（${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())} 受付）`;
}

/** 提出: the workbook's bytes to the intake, then the server's verdict as it arrives. */
export async function submitWorkbook(deps: SubmitDeps): Promise<SubmissionView> {
  if (!deps.settings.intakeUrl.trim() || !deps.settings.token.trim())
    throw new UserFacingError('提出先URLとトークンを設定してください（設定 ボタン）。');
  const base = intakeBase(deps.settings.intakeUrl);
  if (deps.canReadFile === false) {
    throw new UserFacingError(
      `この Excel（iPad 版など）ではブックを読み出して提出できません。Web の提出ページ ${consoleUrl(base)} でファイルを選んで提出してください。`,
    );
  }
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? (() => new Date());
  const headers = { Authorization: `Bearer ${deps.settings.token.trim()}` };
  const progress = (status: SubmissionState) => deps.onProgress?.({ id: null, status, findings: [], error: null });

  const bytes = await workbookBytes(deps, () => progress('editing'), base);
  const fileName = workbookFileName(deps.file.url);
  const memo = [...(deps.memo ?? '').trim()].slice(0, MEMO_MAX).join('');
  const created = await request(
    deps.fetch,
    `${base}/api/submissions`,
    {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...(fileName ? { 'X-Mokuhyo-Filename': encodeURIComponent(fileName) } : {}),
        ...(memo ? { 'X-Mokuhyo-Memo': encodeURIComponent(memo) } : {}),
      },
      body: bytes,
    },
    deps.timeoutMs ?? 120_000,
    base,
  );
  const id = (created as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '')
    throw new UserFacingError(
      `提出先の応答を読み取れませんでした。提出が届いたかどうかは Web の提出ページ ${consoleUrl(base)} で確認できます。`,
    );
  const receivedAt = now();
  let view: SubmissionView = { id, status: 'queued', findings: [], error: null, receivedAt };
  deps.onProgress?.(view);

  const pollMs = deps.pollMs ?? 1000;
  let failures = 0;
  for (let i = 0; i < (deps.maxPolls ?? 120); i++) {
    await sleep(failures > 0 ? pollMs * Math.min(2 ** failures, 8) : pollMs);
    let body: {
      status: SubmissionState;
      findings?: (RenderedFinding & { sheet?: string })[];
      error?: { message?: string } | string | null;
      verdict?: {
        status?: unknown;
        reason?: unknown;
        counted?: unknown;
        deadline?: unknown;
        row?: { overdue?: unknown } | null;
      } | null;
    };
    try {
      body = (await request(
        deps.fetch,
        `${base}/api/submissions/${encodeURIComponent(id)}`,
        { headers },
        deps.timeoutMs ?? 20_000,
        base,
      )) as typeof body;
      failures = 0;
    } catch (err) {
      if (++failures < (deps.maxPollFailures ?? 5)) continue;
      view = {
        ...view,
        status: 'unconfirmed',
        error: `提出先から結果を受け取れませんでした（${err instanceof UserFacingError ? err.message : '通信エラー'}）。提出は受け付けられています。結果は Web の提出ページ ${consoleUrl(base)} で確認してください。`,
      };
      deps.onProgress?.(view);
      return view;
    }
    const findings = (body.findings ?? []).map((f) => ({ ...f, params: { ...f.params, message: f.message } }));
    view = {
      id,
      status: body.status,
      findings: findingViews(findings).map((v, k) => ({ ...v, sheet: findings[k]?.sheet ?? null })),
      error: japaneseOnly(errorOf(body.error)),
      receivedAt,
      ...verdictOf(body.verdict),
    };
    deps.onProgress?.(view);
    if (view.status === 'accepted' || view.status === 'rejected') return view;
  }
  view = {
    ...view,
    status: 'unconfirmed',
    error: `提出は受け付けられましたが、確認に時間がかかっています。結果は Web の提出ページ ${consoleUrl(base)} で確認してください。`,
  };
  deps.onProgress?.(view);
  return view;
}

/**
 * The workbook's bytes. getFileAsync is a Common API without delayForCellEdit: while staff are typing in a
 * cell Excel refuses it (5004), so the pane first waits for the edit to end — telling staff to press Enter —
 * and tries once more if staff started typing again in between.
 */
async function workbookBytes(deps: SubmitDeps, onWaiting: () => void, base: string): Promise<Uint8Array<ArrayBuffer>> {
  let waited = false;
  const wait = async () => {
    if (!deps.excel) return;
    await whenNotEditing(deps.excel, () => {
      waited = true;
      onWaiting();
    });
  };
  await wait();
  deps.onProgress?.({ id: null, status: 'uploading', findings: [], error: null });
  for (let attempt = 0; ; attempt++) {
    try {
      return await readWorkbookBytes(deps.file);
    } catch (err) {
      if (!(err instanceof WorkbookFileError)) throw err;
      if (commonErrorCode(err) === 5004 && deps.excel && attempt < 2) {
        await wait();
        if (waited) deps.onProgress?.({ id: null, status: 'uploading', findings: [], error: null });
        continue;
      }
      const editing = commonErrorCode(err) === 5004;
      throw new UserFacingError(
        editing
          ? 'セルの入力中のため、Excel がブックを渡せませんでした。Enter キーで入力を確定してから、もう一度［提出］を押してください。'
          : `Excel からブックの内容を読み出せませんでした。ブックを保存して閉じ、Web の提出ページ ${consoleUrl(base)} からファイルを提出してください。`,
        { cause: err },
      );
    }
  }
}

/**
 * A request whose answer — headers and body — must arrive within `timeoutMs` (AbortController: the pane's
 * webview may predate AbortSignal.timeout). The body is read under the same timer: a server that sends its
 * headers and then stalls cannot hold the pane at 提出中… forever. Answers the parsed JSON body of a 2xx.
 */
async function request(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  base: string,
): Promise<unknown> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetcher(url, { ...init, signal: abort.signal });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (abort.signal.aborted)
      throw new UserFacingError(
        `提出先から ${Math.round(timeoutMs / 1000)} 秒たっても応答がありません。ネットワークを確認してください。提出が届いたかどうかは Web の提出ページ ${consoleUrl(base)} で確認できます。`,
        { cause: err },
      );
    throw new UserFacingError('提出先に接続できません。提出先URLとネットワークを確認してください。', { cause: err });
  } finally {
    clearTimeout(timer);
  }
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    if (body === undefined)
      throw new UserFacingError(
        `提出先の応答を読み取れませんでした。提出先URLが正しいか確認してください。提出が届いたかどうかは Web の提出ページ ${consoleUrl(base)} で確認できます。`,
      );
    return body;
  }
  const said =
    HTTP_TEXT[status] ?? `提出先でエラーが起きました（HTTP ${status}）。時間をおいてもう一度提出してください。`;
  const detail = japaneseOnly(serverMessage(body));
  throw new UserFacingError(detail ? `${said}（提出先の説明: ${detail}）` : said);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The intake's own Japanese reason (`{"error": {"message"}}`), when it sent one. */
function serverMessage(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown } } | null | undefined)?.error;
  return typeof error?.message === 'string' ? error.message : null;
}

/** The ledger's verdict from the intake's answer, when it sent a well-formed one. */
function verdictOf(
  v:
    | { status?: unknown; reason?: unknown; counted?: unknown; deadline?: unknown; row?: { overdue?: unknown } | null }
    | null
    | undefined,
): Pick<SubmissionView, 'verdict'> {
  if (!v || typeof v.status !== 'string' || !['受理', '差戻し', '読込不可'].includes(v.status)) return {};
  return {
    verdict: {
      status: v.status,
      reason: typeof v.reason === 'string' ? japaneseOnly(v.reason) : null,
      counted: v.counted === true,
      deadline: typeof v.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.deadline) ? v.deadline : null,
      overdue: v.row?.overdue === true,
    },
  };
}

/** Server text reaches staff only when it is Japanese: an English stack message (「Internal Server Error」) does not. */
function japaneseOnly(text: string | null): string | null {
  return text && /[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? text : null;
}

function errorOf(error: { message?: string } | string | null | undefined): string | null {
  if (!error) return null;
  return typeof error === 'string' ? error : (error.message ?? null);
}
