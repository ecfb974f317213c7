// The console's sign-in pieces on their own: sessions, the login brake, cookies, CSRF origin checks,
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
import { LoginThrottle, SessionStore } from '../../worker/console-server/session.ts';

const submitter = { role: 'submitter', ward: 'akiha', division: '健康福祉課' } as const;

function request(headers: Record<string, string>, encrypted = false): FastifyRequest {
  return { headers, raw: { socket: { encrypted } } } as unknown as FastifyRequest;
}

describe('sessions', () => {
  it('hands out long random ids and ends a session after its idle time or its maximum age', () => {
    let now = 0;
    const store = new SessionStore({ maxAgeMs: 1000, idleMs: 300 }, () => now);
    const a = store.create(submitter);
    const b = store.create(submitter);
    expect(a.id).not.toBe(b.id);
    expect(Buffer.from(a.id, 'base64url').length).toBe(32);
    now = 250;
    expect(store.touch(a.id)?.principal).toEqual(submitter);
    now = 500; // a was used at 250: 250 ms idle; b was never used again: 500 ms idle
    expect(store.touch(a.id)).not.toBeNull();
    expect(store.touch(b.id)).toBeNull();
    now = 760;
    expect(store.touch(a.id)).not.toBeNull();
    now = 1000; // however busy, the maximum age ends it
    expect(store.touch(a.id)).toBeNull();
  });

  it('forgets a destroyed session and unknown ids', () => {
    const store = new SessionStore();
    const s = store.create(submitter);
    store.destroy(s.id);
    expect(store.touch(s.id)).toBeNull();
    expect(store.touch('made-up')).toBeNull();
  });

  it('sweeps dead sessions when new ones start', () => {
    let now = 0;
    const store = new SessionStore({ maxAgeMs: 100, idleMs: 100 }, () => now);
    for (let i = 0; i < 5; i++) store.create(submitter);
    now = 200;
    store.create(submitter);
    expect(store.size).toBe(1);
  });
});

describe('login throttle', () => {
  it('holds an address back after repeated failures, per address, until the window passes', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('10.0.0.1')).toBe(0);
      throttle.fail('10.0.0.1');
    }
    expect(throttle.retryAfter('10.0.0.1')).toBe(60);
    expect(throttle.retryAfter('10.0.0.2')).toBe(0);
    now = 30_000;
    expect(throttle.retryAfter('10.0.0.1')).toBe(30);
    now = 60_001;
    expect(throttle.retryAfter('10.0.0.1')).toBe(0);
  });
});

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
