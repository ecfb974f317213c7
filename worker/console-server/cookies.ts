/** The console's session cookie. */
export const SESSION_COOKIE = 'mokuhyo_session';

/** Cookies of a Cookie header, parsed by hand (RFC 6265 §5.4: `name=value` pairs split by `;`). First one wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The Set-Cookie value of a session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over https. */
export function sessionCookie(id: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${id}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Clears the session cookie in the browser. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}

/**
 * A download name that ends in `.xlsx` whatever the uploader called the file (`報告.hta`, `x.html`, `a.xlsm`,
 * `b.xlsx.exe`): every extension-looking tail is dropped, then `.xlsx` added, so the browser never saves or
 * opens a workbook as something else.
 */
export function asXlsxName(name: string): string {
  let base = name.trim();
  for (let m = /\.[A-Za-z0-9]{1,8}$/.exec(base); m; m = /\.[A-Za-z0-9]{1,8}$/.exec(base)) base = base.slice(0, m.index);
  base = base.replace(/[.\s]+$/, '');
  return `${base || 'workbook'}.xlsx`;
}

/**
 * A Content-Disposition for a download with a Japanese file name: RFC 6266 with the RFC 5987
 * `filename*=UTF-8''…` form, plus a plain-ASCII `filename` for old clients.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The file name a client sent with an upload (`X-Mokuhyo-Filename`, percent-encoded UTF-8), cleaned for
 * display only: no folders, no control characters, at most 120 characters. Null when absent or unusable.
 */
export function uploadedFileName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header === '') return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  // A client that sent the name as raw UTF-8 instead of percent-encoding it: HTTP hands it over as Latin-1.
  if (/[\u0080-\u00ff]/.test(name) && [...name].every((c) => (c.codePointAt(0) ?? 0) <= 0xff)) {
    const utf8 = Buffer.from(name, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) name = utf8;
  }
  name = name.split(/[\\/]/).pop() ?? '';
  // Control characters and bidi overrides (which could disguise an extension) are dropped.
  name = [...name]
    .filter((c) => !isHidden(c.codePointAt(0) ?? 0))
    .join('')
    .trim();
  if (name === '' || name === '.' || name === '..') return null;
  return [...name].slice(0, 120).join('');
}

function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Longest 提出メモ kept with a submission. */
export const MEMO_MAX = 500;

/** Why an X-Mokuhyo-Memo header cannot be taken, in the words the submitter sees. */
export class MemoError extends Error {}

/**
 * The 提出メモ sent with a submission (percent-encoded UTF-8 in X-Mokuhyo-Memo): trimmed, control characters
 * dropped. A memo longer than MEMO_MAX characters, a header that is not percent-encoded UTF-8, or the header
 * given twice throws a MemoError (answered 400 before anything is stored), never cut or dropped silently.
 */
export function submissionMemo(header: string | string[] | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (typeof header !== 'string')
    throw new MemoError('提出メモ（X-Mokuhyo-Memo）が 2 つ以上送られました。1 つにして送り直してください。');
  let memo: string;
  try {
    memo = decodeURIComponent(header);
  } catch {
    throw new MemoError(
      '提出メモ（X-Mokuhyo-Memo）を読み取れません。UTF-8 をパーセントエンコードして（encodeURIComponent）送ってください。',
    );
  }
  // eslint-disable-next-line no-control-regex
  memo = memo.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const length = [...memo].length;
  if (length > MEMO_MAX)
    throw new MemoError(
      `提出メモは ${MEMO_MAX} 文字以内にしてください（${length} 文字あります）。短くして送り直してください。`,
    );
  return memo === '' ? null : memo;
}
