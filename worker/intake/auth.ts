import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenConfig } from '../config/index.ts';

/** Who a request speaks for, once its token matched. */
/** `name`: the person the token was given to, when its config entry or issue named one (records say who). */
export type Principal =
  | { role: 'submitter'; ward: string; division: string; name?: string }
  | { role: 'coordinator'; ward: string; name?: string }
  /** Operates the service (the queue dashboard); belongs to no ward. */
  | { role: 'admin'; ward?: undefined; name?: string };

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Who a principal is, for logs and rate limits (never the token): `submitter akiha/健康福祉課`. */
export function describePrincipal(p: Principal | null): string {
  if (!p) return 'anonymous';
  if (p.role === 'submitter') return `submitter ${p.ward}/${p.division}`;
  return p.role === 'coordinator' ? `coordinator ${p.ward}` : 'admin';
}

/** The SHA-256 (hex) of a token: what a config may store instead of the token itself. */
export function tokenSha256(token: string): string {
  return digest(token).toString('hex');
}

function principalOf(t: TokenConfig): Principal {
  const named = t.name ? { name: t.name } : {};
  if (t.role === 'submitter') return { role: 'submitter', ward: t.ward, division: t.division, ...named };
  if (t.role === 'coordinator') return { role: 'coordinator', ward: t.ward, ...named };
  return { role: 'admin', ...named };
}

/**
 * Looks a bearer token up in constant time: every configured token is compared, equal-length digests.
 * A config entry holds the token or its SHA-256; either way only digests are compared.
 */
export class TokenAuth {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(tokens: readonly TokenConfig[]) {
    this.entries = tokens.map((t) => ({
      digest: t.tokenSha256 ? Buffer.from(t.tokenSha256, 'hex') : digest(t.token ?? ''),
      principal: principalOf(t),
    }));
  }

  /** The principal of an Authorization header (Bearer, or Basic with the token as password), or null. */
  identify(header: string | undefined): Principal | null {
    return this.lookup(tokenOf(header))?.principal ?? null;
  }

  /** The principal of a bare token (a session, a cookie), or null. */
  identifyToken(token: string | null | undefined): Principal | null {
    return this.lookup(token ?? null)?.principal ?? null;
  }

  private lookup(token: string | null): { principal: Principal } | null {
    if (!token) return null;
    const given = digest(token);
    let found: { principal: Principal } | null = null;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, given) && !found) found = entry;
    return found;
  }
}

/** The token an Authorization header carries (Bearer, or the password of Basic), or null. */
export function tokenOf(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) || null : null;
  }
  return null;
}
