// The console's one way to the server: every route and URL the page uses is built here, typed by the
// server's own answer shapes (worker/console-server/api-types.ts). Components call these functions only.
import type {
  AuditList,
  CheckResult,
  IssuedTokenAnswer,
  ConsolidationState,
  HistoryEntry,
  MailLogEntry,
  ReminderPreview,
  SignedIn,
  OwnStatus,
  SubmissionDetail,
  SummaryList,
  TemplateList,
  TokenList,
  WardStatus,
  YearInfo,
} from '../../worker/console-server/api-types.ts';

export type * from '../../worker/console-server/api-types.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refusal or failure, with the server's Japanese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The form field the refusal is about, when the server names one. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when the session is gone (401), so the page can return to sign-in. */
let onSignedOut: (() => void) | null = null;
export function whenSignedOut(handler: (() => void) | null): void {
  onSignedOut = handler;
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string };
  } | null;
  const fallback =
    res.status >= 500
      ? 'サーバーで問題が起きました。しばらくしてからもう一度お試しください。'
      : '処理できませんでした。';
  return new ApiError(
    res.status,
    body?.error?.code ?? 'error',
    body?.error?.message ?? fallback,
    body?.error?.field ?? null,
  );
}

async function send(
  method: string,
  path: string,
  init: { json?: unknown; file?: File; memo?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.file) {
    headers['content-type'] = XLSX_TYPE;
    headers['x-mokuhyo-filename'] = encodeURIComponent(init.file.name);
    if (init.memo) headers['x-mokuhyo-memo'] = encodeURIComponent(init.memo);
    body = init.file;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body ?? null, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', 'サーバーに接続できません。ネットワークを確かめてください。');
  }
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && path !== '/api/session') onSignedOut?.();
    throw err;
  }
  return res;
}

async function json<T>(method: string, path: string, init?: Parameters<typeof send>[2]): Promise<T> {
  return (await (await send(method, path, init)).json()) as T;
}

/** The file name a download response carries (RFC 5987 filename*), or the fallback. */
function downloadName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  return fallback;
}

export interface Download {
  blob: Blob;
  name: string;
}

const enc = encodeURIComponent;

export const api = {
  /** Who is signed in, or null. */
  me: async () => (await json<{ signedIn: boolean; me: SignedIn | null }>('GET', '/api/session')).me,
  login: (token: string) => json<SignedIn>('POST', '/api/session', { json: { token } }),
  logout: async () => {
    await send('DELETE', '/api/session').catch(() => undefined);
  },
  /** 提出状況 of the configured year, or of another year the ward collected. */
  wardStatus: (fiscalYear?: number) =>
    json<WardStatus>('GET', `/api/console/status${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`),
  years: () => json<{ fiscalYear: number; label: string; current: boolean }[]>('GET', '/api/console/years'),
  ownStatus: () => json<OwnStatus>('GET', '/api/console/own-status'),
  history: (fiscalYear?: number) =>
    json<HistoryEntry[]>('GET', `/api/console/history${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`),
  submission: (id: string) => json<SubmissionDetail>('GET', `/api/console/submissions/${enc(id)}`),
  check: (file: File) => json<CheckResult>('POST', '/api/console/check', { file }),
  checkMarkedCopy: async (file: File): Promise<Download> => {
    const res = await send('POST', '/api/console/check/annotated', { file });
    return { blob: await res.blob(), name: downloadName(res, '確認結果.xlsx') };
  },
  /** 提出, with the division's 提出メモ when given. */
  submit: (file: File, memo?: string) =>
    json<{ id: string; status: string }>('POST', '/api/submissions', { file, ...(memo ? { memo } : {}) }),
  year: () => json<YearInfo>('GET', '/api/console/year'),
  /** 提出期限 (YYYY-MM-DD), or null to go back to the config's. */
  setDeadline: async (deadline: string | null) => {
    await send('PUT', '/api/console/year/deadline', { json: { deadline } });
  },
  setReminderDays: async (daysBefore: number | null) => {
    await send('PUT', '/api/console/year/reminders', { json: { daysBefore } });
  },
  /** Builds the summary every day at this Japan time (HH:MM), or never automatically (null). */
  setSummaryTime: async (time: string | null) => {
    await send('PUT', '/api/console/year/summary-schedule', { json: { time } });
  },
  sendBack: async (id: string, reason: string) => {
    await send('POST', `/api/console/submissions/${enc(id)}/send-back`, { json: { reason } });
  },
  undoSendBack: async (id: string) => {
    await send('DELETE', `/api/console/submissions/${enc(id)}/send-back`);
  },
  reminders: () => json<ReminderPreview>('GET', '/api/console/reminders'),
  sendReminders: () =>
    json<{ sent: number; failed: number; records: MailLogEntry[] }>('POST', '/api/console/reminders', { json: {} }),
  startConsolidation: (ward: string, fiscalYear: number) =>
    json<{ id: string }>('POST', '/api/consolidations', { json: { ward, fiscalYear } }),
  consolidation: (id: string) => json<ConsolidationState>('GET', `/api/consolidations/${enc(id)}`),
  summaries: (fiscalYear?: number) =>
    json<SummaryList>('GET', `/api/console/summaries${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`),
  templates: () => json<TemplateList>('GET', '/api/console/templates'),
  /** The admin's トークン page: every token (never the token itself) and the configured wards. */
  tokens: () => json<TokenList>('GET', '/api/admin/tokens'),
  issueToken: (spec: { role: string; ward: string | null; division: string | null; name: string }) =>
    json<IssuedTokenAnswer>('POST', '/api/admin/tokens', { json: spec }),
  revokeToken: (id: string) =>
    json<{ revoked: string; name: string; sessionsEnded: number }>('DELETE', `/api/admin/tokens/${enc(id)}`),
  /** 操作履歴, newest first: the coordinator's ward, or (admin) every ward or one. */
  audit: (q: { ward?: string | null; offset?: number; limit?: number }) => {
    const params = new URLSearchParams();
    if (q.ward) params.set('ward', q.ward);
    if (q.offset) params.set('offset', String(q.offset));
    if (q.limit) params.set('limit', String(q.limit));
    const text = params.toString();
    return json<AuditList>('GET', `/api/audit${text ? `?${text}` : ''}`);
  },
  /** Links the browser downloads directly (the session cookie goes with them). */
  urls: {
    statusWorkbook: () => '/api/console/status.xlsx',
    workbook: (id: string) => `/api/console/submissions/${enc(id)}/workbook`,
    markedCopy: (id: string) => `/api/console/submissions/${enc(id)}/annotated`,
    summary: (ward: string, fiscalYear: number) => `/api/summaries/${enc(ward)}/${fiscalYear}`,
    summaryVersion: (version: string, fiscalYear?: number) =>
      `/api/console/summaries/${enc(version)}${fiscalYear ? `?fiscalYear=${fiscalYear}` : ''}`,
    /** One division's forms, or (null) every division's and the ward's, as one zip. */
    templatesZip: (division: string | null) =>
      `/api/console/templates.zip${division ? `?division=${enc(division)}` : ''}`,
    template: (family: string, variant: string, division: string | null) =>
      `/api/console/templates/${enc(family)}/${enc(variant)}${division ? `?division=${enc(division)}` : ''}`,
  },
};

/** Saves a downloaded file through the browser's usual download. */
export function saveDownload({ blob, name }: Download): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
