import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';

/** Every error the API gives: `{"error": {"code", "message"}}`, the message in Japanese. */
export function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** Node's client errors (before a request exists), answered in the API's shape; the socket is then closed. */
const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'request-timeout',
    'リクエストの受信が制限時間内に終わりませんでした。',
  ],
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers-too-large',
    'リクエストのヘッダーが大きすぎます。',
  ],
};

export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, label, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [
    400,
    'Bad Request',
    'bad-request',
    'リクエストの形式が正しくありません。',
  ];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${label}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Errors fastify meets before a route: a path that is not valid percent-encoding (`/api/submissions/%E5%ZZ`). */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL')
    return fail(reply, 400, 'bad-url', 'URL の形式が正しくありません（不正なパーセントエンコード）。');
  return fail(reply, 400, 'bad-request', 'リクエストの形式が正しくありません。');
}

/** Errors thrown while handling a request: body limits, types, bad JSON, timeouts — and the rest as 500. */
export function registerErrorHandler(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (err.statusCode === 413)
      return fail(
        reply,
        413,
        'too-large',
        req.url.startsWith('/api/submissions')
          ? `ファイルが大きすぎます（上限 ${Math.round(maxUploadBytes / 1024 / 1024)} MB）。`
          : 'リクエストの本文が大きすぎます。',
      );
    if (err.statusCode === 415)
      return fail(reply, 415, 'unsupported-media-type', 'この形式の送信は受け付けていません。');
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return fail(reply, 400, 'bad-json', '本文を JSON として読めません。');
    if (err.statusCode === 408)
      return fail(reply, 408, 'request-timeout', 'リクエストの受信が制限時間内に終わりませんでした。');
    if (err.statusCode && err.statusCode < 500)
      return fail(reply, err.statusCode, 'bad-request', 'リクエストが不正です。');
    app.log.error({ err: err.message }, 'request failed');
    return fail(reply, 500, 'internal', 'サーバーで予期しないエラーが発生しました。');
  });
}
