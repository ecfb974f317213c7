// Tokens issued in the console (admin page トークン / POST /api/admin/tokens): kept in Redis as the SHA-256 of
// a 32-byte random token, with the person's name, role, ward and division, so they work at once on every
// `serve` on that Redis and a revocation takes effect without a restart. Config tokens stay as they are;
// these come in addition. Redis away: issued tokens are not recognised until it returns (config ones are).
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { tokenSha256, type Principal } from './auth.ts';

const HASH = 'mokuhyo:tokens';
const COMMAND_MS = 500;

/** One issued token as listed (never the token itself). */
export interface IssuedToken {
  /** The first 16 hex digits of the token's SHA-256: how the token is named in lists, sessions and the audit. */
  id: string;
  role: 'submitter' | 'coordinator' | 'admin';
  ward: string | null;
  division: string | null;
  name: string;
  issuedAt: string;
  issuedBy: string;
}

export function principalOfIssued(t: IssuedToken): Principal | null {
  const named = t.name ? { name: t.name } : {};
  if (t.role === 'admin') return { role: 'admin', ...named };
  if (!t.ward) return null;
  if (t.role === 'coordinator') return { role: 'coordinator', ward: t.ward, ...named };
  return t.division ? { role: 'submitter', ward: t.ward, division: t.division, ...named } : null;
}

export class IssuedTokens {
  constructor(private readonly redis: Redis | null) {}

  private async run<T>(f: (r: Redis) => Promise<T>): Promise<T | null> {
    if (!this.redis || this.redis.status !== 'ready') return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        f(this.redis),
        new Promise<null>((done) => {
          timer = setTimeout(() => done(null), COMMAND_MS);
        }),
      ]);
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The issued token a presented token is, or null. Looked up by its SHA-256: the token is never stored. */
  async lookup(token: string): Promise<IssuedToken | null> {
    const text = await this.run((r) => r.hget(HASH, tokenSha256(token)));
    return text ? (JSON.parse(text) as IssuedToken) : null;
  }

  /** Issues a token: 32 random bytes (43 characters), shown once; only its SHA-256 is kept. */
  async issue(spec: Omit<IssuedToken, 'id' | 'issuedAt'>): Promise<{ token: string; entry: IssuedToken } | null> {
    const token = randomBytes(32).toString('base64url');
    const sha = tokenSha256(token);
    const entry: IssuedToken = { ...spec, id: sha.slice(0, 16), issuedAt: new Date().toISOString() };
    const ok = await this.run((r) => r.hset(HASH, sha, JSON.stringify(entry)));
    return ok === null ? null : { token, entry };
  }

  async list(): Promise<IssuedToken[] | null> {
    const all = await this.run((r) => r.hgetall(HASH));
    if (!all) return null;
    return Object.values(all)
      .map((v) => JSON.parse(v) as IssuedToken)
      .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  }

  /** Revokes the token with this id; the entry it was, or null when there is none (or Redis is away). */
  async revoke(id: string): Promise<IssuedToken | null> {
    if (!/^[0-9a-f]{16}$/.test(id)) return null;
    return this.run(async (r) => {
      const all = await r.hgetall(HASH);
      for (const [sha, text] of Object.entries(all)) {
        if (!sha.startsWith(id)) continue;
        await r.hdel(HASH, sha);
        return JSON.parse(text) as IssuedToken;
      }
      return null;
    });
  }
}
