import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { availableParallelism } from 'node:os';
import type { Config } from '../config/index.ts';
import { MemoError, submissionMemo, uploadedFileName } from '../console-server/cookies.ts';
import {
  summaryDownloadHeaders,
  summaryFileNames,
  WebConsole,
  type WebConsoleOptions,
} from '../console-server/web-console.ts';
import { actorOf, recordAudit, submissionNumber, submissionTarget } from '../console-server/audit-routes.ts';
import { AuditTrail } from '../storage/audit-trail.ts';
import type { Queues } from '../queue/queues.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import { ledgerDocument, submissionVerdict } from '../queue/ledger-views.ts';
import { wardLedger } from '../queue/ward-ledger.ts';
import {
  isSubmissionId,
  RedisYearStore,
  StorageError,
  type SubmissionMeta,
  type SubmissionStore,
  type SummaryStore,
} from '../storage/index.ts';
import { describePrincipal, TokenAuth, type Principal } from './auth.ts';
import { ConnectionLimiter } from './connection-limits.ts';
import { clientErrorHandler, fail, frameworkErrors, registerErrorHandler } from './error-replies.ts';
import { RateLimiter } from './rate-limit.ts';
import { audit, registerRequestLog } from './request-log.ts';
import { ScanBusyError, ScanPool } from './scan-pool.ts';
import { isWorkbookType } from './workbook-types.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export interface ServerDeps {
  config: Config;
  connection: Redis;
  queues: Queues;
  store: SubmissionStore;
  summaries: SummaryStore;
  /** Logger: false in tests; the authorization header is never logged. */
  logger?: boolean;
  /** The web console's sessions and sign-in throttle (tests shorten them). */
  console?: WebConsoleOptions;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const CONSOLIDATION_ID = /^c-[0-9a-f-]{36}$/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Fiscal years a consolidation may be asked for (平成元年 to the config schema's limit). */
const FISCAL_YEARS = { min: 1989, max: 2200 };

/** The intake HTTP API (docs/api.md): check, store durably, enqueue, answer. */
/** The body of any route that does not take a workbook (JSON requests): 64 KiB at most. */
export const JSON_BODY_BYTES = 64 * 1024;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, connection, queues, store, summaries } = deps;
  const http = config.http;
  const auth = new TokenAuth(config.tokens);
  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    // Our own audit line per request (request-log.ts) instead of fastify's, which logs full URLs.
    logController: new LogController({ disableRequestLogging: true }),
    // Routes that take a workbook raise this to maxUploadBytes; every other body (JSON) is small.
    bodyLimit: JSON_BODY_BYTES,
    connectionTimeout: http.idleTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    // Node checks header and request deadlines every 30 s by default; every second keeps them close to exact.
    http: {
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    forceCloseConnections: true,
    clientErrorHandler,
    frameworkErrors,
  });
  const connections = new ConnectionLimiter({
    maxConnections: http.maxConnections,
    maxPerAddress: http.maxConnectionsPerAddress,
  });
  connections.attach(app.server);
  const scans = new ScanPool({
    threads: http.scanThreads ?? Math.min(2, Math.max(1, availableParallelism() - 1)),
    queue: http.scanQueue,
    maxBytes: config.maxUploadBytes,
    onFault: (message) => app.log.error(message),
  });
  await scans.warm();
  app.addHook('onClose', async () => scans.close());
  const submissionRate = new RateLimiter(config.rateLimits.submissionsPerMinute, config.rateLimits.submissionsBurst);
  const requestRate = new RateLimiter(config.rateLimits.requestsPerMinute, undefined);

  // The console is created before the auth hook, which asks it for a session cookie's principal.
  // The coordinator's settings for a ward-year (提出期限, reminders, mails sent) live in Redis beside the queues,
  // and so do the console's sessions and guess brakes.
  const years = new RedisYearStore(connection);
  // 操作履歴: who submitted, sent back, built or downloaded what (capped per ward in Redis).
  const trail = new AuditTrail(connection);
  const webConsole = new WebConsole(
    {
      config,
      store,
      summaries,
      auth,
      years,
      redis: connection,
      trail,
      enqueueSummary: (ward, fiscalYear, by) => queues.addConsolidation(ward, fiscalYear, by),
    },
    deps.console ?? {},
  );
  registerSecurityHeaders(app);
  registerRequestLog(app);
  // The add-in's task pane calls the API from its own origin; preflights are answered before authentication.
  await app.register(cors, {
    origin: config.allowedOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Mokuhyo-Filename', 'X-Mokuhyo-Memo'],
    maxAge: 600,
  });
  app.decorateRequest('principal', null);
  app.removeContentTypeParser(['text/plain']);
  // No limit of its own: the route's bodyLimit applies (refused from the Content-Length, before reading).
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  registerErrorHandler(app, config.maxUploadBytes);

  app.addHook('onRequest', async (req, reply) => {
    // A connection whose request is being answered is not the one to close for a newcomer past a cap.
    connections.markBusy(req.raw, reply.raw);
    // fastify reads a query with broken percent-encoding (`?division=%E5%ZZ`) as if it were text; no route
    // may act on such a value: it is a malformed request, on every route.
    const query = req.url.indexOf('?');
    if (query >= 0 && decodedOrNull(req.url.slice(query + 1)) === null) {
      return fail(reply, 400, 'bad-request', 'URL のクエリ（? 以降）のパーセントエンコードが正しくありません。');
    }
    // Every route that takes a body other than a workbook takes JSON: anything else is 415, before the body.
    if (sendsNonJson(req))
      return fail(
        reply,
        415,
        'unsupported-media-type',
        '本文は JSON（Content-Type: application/json）で送ってください。',
      );
    if (req.url === '/healthz' || req.method === 'OPTIONS' || webConsole.isPublic(req)) return;
    const bearer = await webConsole.bearerPrincipal(req, reply);
    if (webConsole.answered(reply)) return reply;
    req.principal = bearer ?? (await webConsole.sessionPrincipal(req, reply));
    if (webConsole.answered(reply)) return reply;
    if (!req.principal) {
      if (req.url.toLowerCase().includes('/admin/')) void reply.header('www-authenticate', 'Basic realm="mokuhyo"');
      return fail(
        reply,
        401,
        'unauthorized',
        '認証が必要です。正しいトークンを Authorization: Bearer で送ってください。',
      );
    }
    const wait = requestRate.take(describePrincipal(req.principal));
    if (wait > 0)
      return fail(
        reply.header('retry-after', String(wait)),
        429,
        'rate-limited',
        `リクエストが多すぎます。${wait} 秒ほど待ってから送り直してください。`,
      );
  });

  // The idle timeout is for clients that go quiet while sending; once the body is in, the request waits on
  // the server (a scan, a disk write) and must not be cut off without an answer.
  app.addHook('preHandler', async (req) => {
    req.raw.socket?.setTimeout?.(0); // fastify.inject's socket has no timeouts
    connections.markWorking(req.raw);
  });
  // Once the answer goes out, it must keep moving: a client that stops reading it (a 15 MB download never
  // read) is cut off after writeTimeoutMs without progress, and past a connection cap it may be evicted.
  app.addHook('onSend', async (req, _reply, payload) => {
    connections.markWorking(req.raw, false);
    req.raw.socket?.setTimeout?.(http.writeTimeoutMs);
    return payload;
  });

  const coordinator = (req: FastifyRequest, ward?: string): Principal | null => {
    const p = req.principal;
    return p?.role === 'coordinator' && (ward === undefined || p.ward === ward) ? p : null;
  };

  app.get('/healthz', async (_req, reply) => {
    // While the connection is down, say so at once instead of waiting on a ping.
    const ok =
      connection.status === 'ready' &&
      (await Promise.race([
        connection.ping().then(
          (r) => r === 'PONG',
          () => false,
        ),
        delay(1000).then(() => false),
      ]));
    return ok ? { status: 'ok' } : fail(reply, 503, 'redis-unavailable', 'Redis に接続できません。');
  });

  /**
   * Everything about a submission that can be refused before its body is read: the role, the claimed
   * division, the Content-Type, the rate. The answer then closes the connection (security-headers.ts).
   */
  const beforeUpload = async (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.principal;
    if (p?.role !== 'submitter' && p?.role !== 'coordinator')
      return fail(reply, 403, 'forbidden', '提出できるのは課の提出用トークンと区の集計担当だけです。');
    const claimed = (req.query as Record<string, unknown>)['division'] ?? req.headers['x-mokuhyo-division'];
    if (typeof claimed === 'string' && claimed !== '') {
      const name = decodedOrNull(claimed);
      if (name === null)
        return fail(reply, 400, 'bad-request', '課名の指定（division）が正しくエンコードされていません。');
      if (p.role !== 'submitter' || name !== p.division)
        return fail(reply, 403, 'forbidden', '他の課の提出はできません。');
    }
    if (!isWorkbookType(req.headers['content-type'])) {
      return fail(
        reply,
        415,
        'unsupported-media-type',
        `Excel ブック（.xlsx）を本文として、Content-Type: ${XLSX_TYPE} で送ってください。`,
      );
    }
    // Told "busy" before a 20 MB body is read, not after.
    if (scans.full)
      return fail(
        reply.header('retry-after', '5'),
        503,
        'busy',
        '受付が混み合っています。しばらくしてから送り直してください。',
      );
    const wait = submissionRate.take(describePrincipal(p));
    if (wait > 0) {
      return fail(
        reply.header('retry-after', String(wait)),
        429,
        'rate-limited',
        `提出が多すぎます（1 分あたり ${config.rateLimits.submissionsPerMinute} 件まで）。${wait} 秒ほど待ってから送り直してください。`,
      );
    }
  };

  app.post('/api/submissions', { onRequest: beforeUpload, bodyLimit: config.maxUploadBytes }, async (req, reply) => {
    const p = req.principal;
    if (p?.role !== 'submitter' && p?.role !== 'coordinator')
      return fail(reply, 403, 'forbidden', '提出できるのは課の提出用トークンと区の集計担当だけです。');
    const ward = config.wards.find((w) => w.id === p.ward);
    if (!ward) return fail(reply, 403, 'forbidden', 'トークンの区が設定にありません。');
    // The 提出メモ is refused (never cut or dropped) before the file is scanned or stored.
    let memo: string | null;
    try {
      memo = submissionMemo(req.headers['x-mokuhyo-memo']);
    } catch (err) {
      if (!(err instanceof MemoError)) throw err;
      return fail(reply, 400, 'bad-memo', err.message);
    }
    if (!Buffer.isBuffer(req.body))
      return fail(
        reply,
        415,
        'not-zip',
        `Excel ブック（.xlsx）を本文として送ってください（Content-Type: ${XLSX_TYPE}）。`,
      );
    let scanned;
    try {
      scanned = await scans.scan(req.body);
    } catch (err) {
      if (!(err instanceof ScanBusyError)) throw err;
      return fail(
        reply.header('retry-after', '5'),
        503,
        'busy',
        '受付が混み合っています。しばらくしてから送り直してください。',
      );
    }
    const { refusal, bytes: body } = scanned;
    if (refusal) return fail(reply, refusal.status, refusal.code, refusal.message);
    // A coordinator submits the ward's own sheet (区の組織目標): recorded under the ward's name.
    const division = p.role === 'submitter' ? p.division : ward.name;
    let meta;
    try {
      const fileName = uploadedFileName(req.headers['x-mokuhyo-filename']);
      meta = await store.put(body, {
        ward: ward.id,
        fiscalYear: ward.fiscalYear,
        division,
        role: p.role,
        receivedAt: new Date().toISOString(),
        ...(fileName ? { fileName } : {}),
        ...(memo ? { memo } : {}),
      });
    } catch (err) {
      app.log.error({ err: err instanceof Error ? err.message : String(err) }, 'store failed');
      const message = err instanceof StorageError ? err.message : '提出ファイルを保存できませんでした。';
      return fail(reply, 503, 'storage-unavailable', `${message}しばらくしてから送り直してください。`);
    }
    audit(req, { submission: meta.id, sha256: meta.sha256, size: meta.size });
    await recordAudit(trail, req, 'submit', {
      ward: ward.id,
      division,
      target: submissionTarget(meta),
      detail: `提出番号 ${submissionNumber(meta.id)}`,
    });
    // The file is durable now. While Redis is away the reconciliation sweep enqueues it later: answer at once.
    if (connection.status === 'ready') {
      await Promise.race([queues.addIngest(meta.id, `${meta.ward}/${meta.division}`), delay(1000)]).catch(
        (err: Error) => app.log.warn({ err: err.message }, 'enqueue deferred'),
      );
    }
    return reply.code(202).send({ id: meta.id, status: 'queued' });
  });

  app.get('/api/submissions/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const meta = isSubmissionId(id) ? await store.get(id) : null;
    const p = req.principal;
    if (!meta) return fail(reply, 404, 'not-found', '提出が見つかりません。');
    const allowed =
      p?.role !== 'admin' && p?.ward === meta.ward && (p.role === 'coordinator' || p.division === meta.division);
    if (!allowed) return fail(reply, 403, 'forbidden', 'この提出を見る権限がありません。');
    audit(req, { submission: meta.id });
    const result = meta.status === 'accepted' || meta.status === 'rejected' ? await store.getResult(meta.id) : null;
    const findings = (result?.sheets ?? []).flatMap((s) => s.findings.map((f) => ({ sheet: s.sheet, ...f })));
    const ward = config.wards.find((w) => w.id === meta.ward);
    // The ledger's word for this submission and for its row, as the console and the summary show them.
    const verdict = ward ? await submissionVerdict(store, ward, meta, years) : null;
    return {
      id: meta.id,
      status: finalStatus(await liveStatus(meta), verdict?.status),
      division: meta.division,
      findings,
      error: meta.error,
      verdict,
    };
  });

  // The ward-year's ledger: every division's and the ward sheet's word, counted version and reason.
  app.get('/api/wards/:ward/:fiscalYear/status', async (req, reply) => {
    const { ward: wardId, fiscalYear } = req.params as { ward: string; fiscalYear: string };
    const p = req.principal;
    const named = config.wards.find((w) => w.name === wardId && w.id !== wardId);
    if (named && (p?.role === 'admin' || coordinator(req, named.id)))
      return fail(
        reply,
        404,
        'not-found',
        `区は名前ではなく区 ID で指定してください（${named.name} は「${named.id}」）。`,
      );
    if (!(p?.role === 'admin' || coordinator(req, wardId)))
      return fail(reply, 403, 'forbidden', 'この区の提出状況を見る権限がありません。');
    if (!/^\d{4}$/.test(fiscalYear) || Number(fiscalYear) < FISCAL_YEARS.min || Number(fiscalYear) > FISCAL_YEARS.max)
      return fail(
        reply,
        400,
        'bad-fiscal-year',
        `年度は ${FISCAL_YEARS.min}〜${FISCAL_YEARS.max} の西暦 4 桁で指定してください（例: 2020）。`,
      );
    const ward = config.wards.find((w) => w.id === wardId);
    if (!ward) return fail(reply, 404, 'not-found', 'その区は設定にありません。');
    const { ledger } = await wardLedger(store, ward, Number(fiscalYear), years);
    return reply.header('cache-control', 'no-store').send(ledgerDocument(ward, ledger));
  });

  /**
   * A stored "queued" record is "processing" while a worker holds its job: asked of Redis, briefly, and
   * only while connected, so the answer never waits on an outage (the stored status stands then).
   */
  const liveStatus = async (meta: SubmissionMeta): Promise<SubmissionMeta['status']> => {
    if (meta.status !== 'queued' || connection.status !== 'ready') return meta.status;
    const state = await Promise.race([
      queues.ingest.getJobState(meta.id).catch(() => null),
      delay(500).then(() => null),
    ]);
    return state === 'active' ? 'processing' : meta.status;
  };

  // Only a coordinator may ask, and the request is a few bytes of JSON: refused before a larger body is read.
  const coordinatorOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!coordinator(req)) return fail(reply, 403, 'forbidden', '集計を依頼できるのは区の集計担当だけです。');
  };
  app.post('/api/consolidations', { onRequest: coordinatorOnly, bodyLimit: 4096 }, async (req, reply) => {
    const body = (req.body ?? {}) as { ward?: unknown; fiscalYear?: unknown };
    if (
      typeof body !== 'object' ||
      typeof body.ward !== 'string' ||
      typeof body.fiscalYear !== 'number' ||
      !Number.isInteger(body.fiscalYear)
    ) {
      return fail(reply, 400, 'bad-request', '{"ward": "区ID", "fiscalYear": 年度} を JSON で送ってください。');
    }
    if (body.fiscalYear < FISCAL_YEARS.min || body.fiscalYear > FISCAL_YEARS.max) {
      return fail(
        reply,
        400,
        'bad-fiscal-year',
        `年度は ${FISCAL_YEARS.min}〜${FISCAL_YEARS.max} の西暦で指定してください（例: 2020）。`,
      );
    }
    if (!coordinator(req, body.ward)) return fail(reply, 403, 'forbidden', 'この区の集計を依頼する権限がありません。');
    if (connection.status !== 'ready')
      return fail(
        reply.header('retry-after', '30'),
        503,
        'redis-unavailable',
        '集計の依頼を受け付けられません（Redis に接続できません）。しばらくしてから依頼し直してください。',
      );
    // A build already queued or running for this ward-year answers for a second press (same id, no second build).
    const { id, created } = await queues.addConsolidation(body.ward, body.fiscalYear, actorOf(req.principal!), {
      withCreated: true,
    });
    audit(req, {
      consolidation: id,
      ward: body.ward,
      fiscalYear: body.fiscalYear,
      ...(created ? {} : { joined: 'existing' }),
    });
    if (created)
      await recordAudit(trail, req, 'summary-build', { ward: body.ward, target: eraFiscalYear(body.fiscalYear) });
    return reply.code(202).send({ id, ...(created ? {} : { existing: true }) });
  });

  app.get('/api/consolidations/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!coordinator(req)) return fail(reply, 403, 'forbidden', '集計を見る権限がありません。');
    // A consolidation's state lives in Redis: during an outage say so at once instead of waiting for it.
    if (connection.status !== 'ready')
      return fail(
        reply.header('retry-after', '30'),
        503,
        'redis-unavailable',
        '集計の状況を確認できません（Redis に接続できません）。しばらくしてから確認してください。',
      );
    const job = CONSOLIDATION_ID.test(id) ? await queues.consolidate.getJob(id) : undefined;
    if (!job) return fail(reply, 404, 'not-found', '集計が見つかりません。');
    if (!coordinator(req, job.data.ward)) return fail(reply, 403, 'forbidden', 'この区の集計を見る権限がありません。');
    const state = await job.getState();
    const status =
      state === 'active' ? 'processing' : state === 'completed' ? 'done' : state === 'failed' ? 'failed' : 'queued';
    const progress = typeof job.progress === 'number' ? job.progress : 0;
    return {
      id,
      status,
      progress: status === 'done' ? 100 : progress,
      summary: `/api/summaries/${job.data.ward}/${job.data.fiscalYear}`,
    };
  });

  app.get('/api/summaries/:ward/:fiscalYear', async (req, reply) => {
    const { ward, fiscalYear } = req.params as { ward: string; fiscalYear: string };
    if (!coordinator(req, ward)) return fail(reply, 403, 'forbidden', 'この区の集計を見る権限がありません。');
    if (!/^\d{4}$/.test(fiscalYear))
      return fail(reply, 400, 'bad-fiscal-year', '年度は西暦 4 桁で指定してください（例: 2020）。');
    const bytes = await summaries.get(ward, Number(fiscalYear));
    if (!bytes) return fail(reply, 404, 'not-found', '集計はまだ作成されていません。');
    audit(req, { download: `summary ${ward}/${fiscalYear}`, size: bytes.length });
    await recordAudit(trail, req, 'summary-download', {
      ward,
      target: summaryFileNames(config, ward, Number(fiscalYear)).name,
    });
    return reply.headers(summaryDownloadHeaders(config, ward, Number(fiscalYear))).send(bytes);
  });

  const board = new FastifyAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({
    queues: [
      new BullMQAdapter(queues.ingest, { readOnlyMode: true }),
      new BullMQAdapter(queues.consolidate, { readOnlyMode: true }),
    ],
    // @bull-board/fastify 9.10.1 pins its own @bull-board/api copy; the adapter is the same at runtime.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
  });
  await app.register(async (scope) => {
    // bull-board shows every ward's jobs, Redis and host details, failed jobs' stack traces: admins only.
    scope.addHook('onRequest', async (req, reply) => {
      if (req.principal?.role !== 'admin')
        return fail(
          reply,
          403,
          'forbidden',
          'キューの管理画面は運用担当（admin）のみ利用できます。集計担当の方は画面（/）をご利用ください。',
        );
    });
    await scope.register(board.registerPlugin(), { prefix: '/admin/queues' });
  });
  // The web console's routes (sign-in, the page, its JSON) and the Japanese 404 for unknown routes.
  await webConsole.register(app);
  return app;
}

/** A percent-decoded value, or null when it is not valid percent-encoding (`%E5%ZZ`). */
function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The routes whose body is a workbook (checked by isWorkbookType there); every other body is JSON. */
const WORKBOOK_ROUTES = new Set(['/api/submissions', '/api/console/check', '/api/console/check/annotated']);

/** A request with a body, to a JSON route, whose Content-Type is not JSON. */
function sendsNonJson(req: FastifyRequest): boolean {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return false;
  const route = req.routeOptions.url;
  if (route === undefined || WORKBOOK_ROUTES.has(route)) return false;
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return false;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type !== 'application/json';
}

/**
 * One truth: a checked submission's `status` follows the ledger's word — `rejected` once it says 差戻し or
 * 読込不可 (a coordinator's 差戻す included), `accepted` when it says 受理 (a 差戻し taken back).
 */
function finalStatus(status: SubmissionMeta['status'], ledger: string | undefined): SubmissionMeta['status'] {
  if (status !== 'accepted' && status !== 'rejected') return status;
  if (ledger === '差戻し' || ledger === '読込不可') return 'rejected';
  if (ledger === '受理') return 'accepted';
  return status;
}
