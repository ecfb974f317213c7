// The console's sign-in pieces on their own (sessions and brakes live in Redis: sessions-and-guessing): cookies, CSRF origin checks,
// download names and uploaded file names.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  parseCookies,
  sessionCookie,
  uploadedFileName,
} from '../../worker/console-server/cookies.ts';
import { fromOwnOrigin, isHttps, ownOrigin } from '../../worker/console-server/origin.ts';

function request(headers: Record<string, string>, encrypted = false): FastifyRequest {
  return { headers, raw: { socket: { encrypted } } } as unknown as FastifyRequest;
}

describe('cookies', () => {
  it('parses a Cookie header by hand: first value wins, quotes and spaces dropped, junk skipped', () => {
    const c = parseCookies('a=1; mokuhyo_session="abc"; junk; =x; a=2;b=');
    expect(c.get('a')).toBe('1');
    expect(c.get('mokuhyo_session')).toBe('abc');
    expect(c.get('b')).toBe('');
    expect(c.size).toBe(3);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict on Path=/, Secure only over https', () => {
    const plain = sessionCookie('id1', { secure: false, maxAgeSeconds: 60 });
    expect(plain.split('; ')).toEqual(['mokuhyo_session=id1', 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=60']);
    expect(sessionCookie('id1', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
  });

  it('names downloads in Japanese (RFC 5987) with an ASCII fallback', () => {
    const header = contentDisposition('秋葉区_令和2年度_集計.xlsx', 'summary-akiha-2020.xlsx');
    expect(header).toBe(
      `attachment; filename="summary-akiha-2020.xlsx"; filename*=UTF-8''${encodeURIComponent('秋葉区_令和2年度_集計.xlsx')}`,
    );
    expect(contentDisposition("a'b (1).xlsx", 'x"y\\z.xlsx')).toBe(
      `attachment; filename="x_y_z.xlsx"; filename*=UTF-8''a%27b%20%281%29.xlsx`,
    );
  });

  it('keeps an uploaded file name for display only: no folders, no control or bidi characters', () => {
    expect(uploadedFileName(encodeURIComponent('健康福祉課_R2.xlsx'))).toBe('健康福祉課_R2.xlsx');
    // Sent as raw UTF-8 (HTTP hands the header over as Latin-1): read as UTF-8, never shown as mojibake.
    expect(uploadedFileName(Buffer.from('産業振興課.xlsx', 'utf8').toString('latin1'))).toBe('産業振興課.xlsx');
    expect(uploadedFileName('caf\u00e9.xlsx')).toBe('caf\u00e9.xlsx');
    expect(uploadedFileName(encodeURIComponent('..\\..\\etc/passwd'))).toBe('passwd');
    expect(uploadedFileName(encodeURIComponent('C:\\Users\\tanaka\\目標.xlsx'))).toBe('目標.xlsx');
    expect(uploadedFileName(encodeURIComponent('evil\u202Excod.xlsx\u0007'))).toBe('evilxcod.xlsx');
    expect(uploadedFileName(encodeURIComponent('../'))).toBeNull();
    expect(uploadedFileName('%E0%A4%A')).toBeNull();
    expect(uploadedFileName(undefined)).toBeNull();
    expect([...uploadedFileName(encodeURIComponent('あ'.repeat(500)))!].length).toBe(120);
  });
});

describe('same-origin checks (CSRF)', () => {
  const direct = { trustProxy: false };
  it('accepts a request whose Origin is the server itself, refuses any other, and Origin: null', () => {
    const own = { host: 'mokuhyo.example:8080' };
    expect(ownOrigin(request(own), direct)).toBe('http://mokuhyo.example:8080');
    expect(fromOwnOrigin(request({ ...own, origin: 'http://mokuhyo.example:8080' }), direct, 'refuse')).toBe(true);
    expect(fromOwnOrigin(request({ ...own, origin: 'http://evil.example' }), direct, 'refuse')).toBe(false);
    expect(fromOwnOrigin(request({ ...own, origin: 'https://mokuhyo.example:8080' }), direct, 'refuse')).toBe(false);
    expect(fromOwnOrigin(request({ ...own, origin: 'null' }), direct, 'allow')).toBe(false);
  });

  it('falls back to the Referer, and without either refuses cookie requests but allows a script sign-in', () => {
    const own = { host: 'mokuhyo.example' };
    expect(fromOwnOrigin(request({ ...own, referer: 'http://mokuhyo.example/#/status' }), direct, 'refuse')).toBe(true);
    expect(fromOwnOrigin(request({ ...own, referer: 'http://evil.example/mokuhyo.example' }), direct, 'refuse')).toBe(
      false,
    );
    expect(fromOwnOrigin(request({ ...own, referer: 'not a url' }), direct, 'refuse')).toBe(false);
    expect(fromOwnOrigin(request(own), direct, 'refuse')).toBe(false);
    expect(fromOwnOrigin(request(own), direct, 'allow')).toBe(true);
  });

  it('also counts the configured public URL as its own origin (a reverse proxy that rewrites Host)', () => {
    const behind = { host: '127.0.0.1:8080', origin: 'https://mokuhyo.city.example' };
    expect(fromOwnOrigin(request(behind), direct, 'refuse')).toBe(false);
    expect(
      fromOwnOrigin(request(behind), { trustProxy: false, alsoOwn: ['https://mokuhyo.city.example'] }, 'refuse'),
    ).toBe(true);
    expect(
      fromOwnOrigin(
        request({ ...behind, origin: 'https://evil.example' }),
        { trustProxy: false, alsoOwn: ['https://mokuhyo.city.example'] },
        'refuse',
      ),
    ).toBe(false);
  });

  it('believes X-Forwarded-Proto and -Host only when configured to trust the proxy', () => {
    const proxied = {
      host: '127.0.0.1:8080',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'mokuhyo.city.example',
      origin: 'https://mokuhyo.city.example',
    };
    expect(isHttps(request(proxied), direct)).toBe(false);
    expect(fromOwnOrigin(request(proxied), direct, 'refuse')).toBe(false);
    expect(isHttps(request(proxied), { trustProxy: true })).toBe(true);
    expect(fromOwnOrigin(request(proxied), { trustProxy: true }, 'refuse')).toBe(true);
    expect(isHttps(request({ host: 'x' }, true), direct)).toBe(true);
  });
});
