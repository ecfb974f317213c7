import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenConfig } from '../config/index.ts';

/** Who a request speaks for, once its token matched. */
export type Principal = { role: 'submitter'; ward: string; division: string } | { role: 'coordinator'; ward: string };

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Looks a bearer token up in constant time: every configured token is compared, equal-length digests. */
export class TokenAuth {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  constructor(tokens: readonly TokenConfig[]) {
    this.entries = tokens.map((t) => ({
      digest: digest(t.token),
      principal: t.role === 'submitter' ? { role: 'submitter', ward: t.ward, division: t.division } : { role: 'coordinator', ward: t.ward },
    }));
  }

  /** The principal of an Authorization header (Bearer, or Basic with the token as password), or null. */
  identify(header: string | undefined): Principal | null {
    const token = tokenOf(header);
    if (!token) return null;
    const given = digest(token);
    let found: Principal | null = null;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, given) && !found) found = entry.principal;
    return found;
  }
}

function tokenOf(header: string | undefined): string | null {
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
