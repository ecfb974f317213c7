import { describe, expect, it, vi } from 'vitest';

// Records every timingSafeEqual call the auth module makes, then answers as node:crypto does.
const calls = vi.hoisted(() => [] as [number, number][]);
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    calls.push([a.byteLength, b.byteLength]);
    return crypto.timingSafeEqual(a, b);
  };
  return { ...crypto, timingSafeEqual, default: { ...crypto, timingSafeEqual } };
});

const { TokenAuth } = await import('../../worker/intake/auth.ts');

const TOKENS = [
  { token: 'submitter-kenko-0123456789', ward: 'akiha', division: '健康福祉課', role: 'submitter' as const },
  { token: 'coordinator-akiha-0123456789-longer-than-the-others', ward: 'akiha', role: 'coordinator' as const },
  { token: 'submitter-chiiki-0123456789', ward: 'akiha', division: '地域総務課', role: 'submitter' as const },
];

describe('TokenAuth comparison', () => {
  const auth = new TokenAuth(TOKENS);

  it.each([
    ['a wrong token of another length', 'Bearer short'],
    ['a wrong token of the same length', `Bearer ${'x'.repeat(TOKENS[0]!.token.length)}`],
    ['the first configured token', `Bearer ${TOKENS[0]!.token}`],
    ['the last configured token', `Bearer ${TOKENS[2]!.token}`],
  ])('compares %s with timingSafeEqual against every token, on 32-byte digests', (_what, header) => {
    calls.length = 0;
    auth.identify(header);
    expect(calls).toEqual(TOKENS.map(() => [32, 32]));
  });

  it('still finds the right principal', () => {
    expect(auth.identify(`Bearer ${TOKENS[2]!.token}`)).toEqual({
      role: 'submitter',
      ward: 'akiha',
      division: '地域総務課',
    });
    expect(auth.identify(`Basic ${Buffer.from(`any:${TOKENS[1]!.token}`).toString('base64')}`)).toEqual({
      role: 'coordinator',
      ward: 'akiha',
    });
    expect(auth.identify(`Bearer ${TOKENS[0]!.token} extra`)).toBeNull();
    expect(auth.identify(undefined)).toBeNull();
  });

  it('has no early return or string comparison of tokens in its source (code review, kept by a test)', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../worker/intake/auth.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/timingSafeEqual\(entry\.digest, given\)/);
    expect(source).not.toMatch(/\.token\s*===|===\s*token\b|\.find\(\s*\(?\w+\)?\s*=>\s*\w+\.token/);
  });
});
