import type { FastifyInstance } from 'fastify';

/**
 * The console (a React SPA with Fluent UI, whose Griffel injects <style> elements at run time) and bull-board
 * load their scripts from this origin only; styles may be inline. Nothing may frame the pages (the add-in's
 * task pane is served from its own origin and calls the API with CORS, it never frames this server).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'", // bull-board sets <base href> to its own path
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Standard security headers on every answer, and `Cache-Control: no-store` on everything that is not a
 * static, fingerprinted file (API answers, downloaded workbooks and summaries).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Answered before its body was read (a refusal): close the connection instead of draining the body.
    if (!req.raw.complete) reply.header('connection', 'close');
    return payload;
  });
}
