import type { Socket } from 'node:net';
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
  // A request whose body reached the route's parser: its connection may be kept alive.
  app.addHook('preValidation', async (req) => {
    (req.raw as BodyRead)[BODY_READ] = true;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Answered before its body was read (a refusal): close the connection instead of draining the body —
    // also when the body has already arrived while the refusal was decided (the brakes ask Redis first).
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!req.raw.complete || (hasBody && !(req.raw as BodyRead)[BODY_READ])) {
      reply.header('connection', 'close');
      lingerOnClose(req.raw.socket);
    }
    return payload;
  });
}

/** How long a refused request's connection keeps reading (and discarding) what the client still sends. */
export const LINGER_MS = 2000;

/**
 * A lingering close (as web servers do): once the refusal is written, Node would destroy the socket at once,
 * and the rest of the body the client is still sending then meets a TCP reset — a client that streams its
 * body (fetch with FormData, a piped file) sees "EPIPE"/"fetch failed" instead of the 415 or 401 it was sent.
 * So our side is shut (FIN after the answer) and what still arrives is read and discarded for at most
 * LINGER_MS (Node's parser discards the body of a dumped request), then the socket is destroyed: a slow
 * client still cannot hold the connection.
 */
function lingerOnClose(socket: Socket | null | undefined): void {
  if (!socket || socket.destroyed || (socket as LingeringSocket)[LINGERING]) return;
  (socket as LingeringSocket)[LINGERING] = true;
  socket.destroySoon = function lingeringDestroySoon(this: Socket) {
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', () => this.destroy());
    this.once('error', () => this.destroy());
    this.setTimeout(0);
    if (this.writable) this.end();
    this.resume();
  };
}

const LINGERING = Symbol('mokuhyo.lingering');
const BODY_READ = Symbol('mokuhyo.bodyRead');
type BodyRead = { [BODY_READ]?: boolean };
type LingeringSocket = Socket & { [LINGERING]?: boolean };
