import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

/** How the console decides what "this server's own origin" is. */
export interface OriginPolicy {
  /** Believe X-Forwarded-Proto / X-Forwarded-Host (only behind a reverse proxy that sets them). */
  trustProxy: boolean;
  /** Other origins that are this server too: the config's publicUrl, where a reverse proxy serves it. */
  alsoOwn?: readonly string[];
}

function firstHeader(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

/** True when the browser reached the server over https (directly, or through a trusted proxy). */
export function isHttps(req: FastifyRequest, policy: OriginPolicy): boolean {
  if (policy.trustProxy) {
    const proto = firstHeader(req, 'x-forwarded-proto');
    if (proto) return proto.toLowerCase() === 'https';
  }
  return Boolean((req.raw.socket as TLSSocket).encrypted);
}

/** The origin the browser used for this server, e.g. `http://localhost:8080`, or null without a Host. */
export function ownOrigin(req: FastifyRequest, policy: OriginPolicy): string | null {
  const host = (policy.trustProxy ? firstHeader(req, 'x-forwarded-host') : undefined) ?? firstHeader(req, 'host');
  if (!host) return null;
  return `${isHttps(req, policy) ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/**
 * The CSRF check of a cookie-authenticated request that changes something: its Origin (or, when a
 * browser sends none, its Referer) must be this server's own origin. `missing` says what to do when
 * neither header is there: refuse for cookie requests; allow for sign-in from a script.
 */
export function fromOwnOrigin(req: FastifyRequest, policy: OriginPolicy, missing: 'refuse' | 'allow'): boolean {
  const own = [ownOrigin(req, policy), ...(policy.alsoOwn ?? [])]
    .filter((o): o is string => o !== null)
    .map((o) => o.toLowerCase());
  const origin = firstHeader(req, 'origin');
  if (origin && origin !== 'null') return own.includes(origin.toLowerCase());
  if (origin === 'null') return false;
  const referer = firstHeader(req, 'referer');
  if (referer) {
    try {
      return own.includes(new URL(referer).origin.toLowerCase());
    } catch {
      return false;
    }
  }
  return missing === 'allow';
}
