import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describePrincipal } from './auth.ts';

const notes = new WeakMap<FastifyRequest, Record<string, string | number>>();

/** Adds what a request did (the submission it stored, the summary it downloaded) to its audit line. */
export function audit(req: FastifyRequest, fields: Record<string, string | number>): void {
  notes.set(req, { ...notes.get(req), ...fields });
}

/** The path of a URL without its query string: a token pasted as `?token=` never reaches a log. */
export function pathOnly(url: string): string {
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}

/**
 * One log line per answered request, the audit trail: method, path (never the query), status, time, client
 * address and the principal it spoke for (role, ward, division — never the token), plus what it did.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const principal = (req as { principal?: Parameters<typeof describePrincipal>[0] }).principal ?? null;
    app.log.info(
      {
        method: req.method,
        path: pathOnly(req.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ip: req.ip,
        principal: describePrincipal(principal),
        ...notes.get(req),
      },
      'request',
    );
  });
}
