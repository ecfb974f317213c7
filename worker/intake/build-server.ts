import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { Queues } from '../queue/queues.ts';
import { isSubmissionId, StorageError, type SubmissionMeta, type SubmissionStore, type SummaryStore } from '../storage/index.ts';
import { TokenAuth, type Principal } from './auth.ts';
import { checkUpload } from './check-upload.ts';

export interface ServerDeps {
  config: Config;
  connection: Redis;
  queues: Queues;
  store: SubmissionStore;
  summaries: SummaryStore;
  /** Logger: false in tests; the authorization header is never logged. */
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const CONSOLIDATION_ID = /^c-[0-9a-f-]{36}$/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** The intake HTTP API of CONTRACTS.md: check, store durably, enqueue, answer. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, connection, queues, store, summaries } = deps;
  const auth = new TokenAuth(config.tokens);
  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: config.maxUploadBytes,
  });
  // The add-in's task pane calls the API from its own origin; preflights are answered before authentication.
  await app.register(cors, { origin: config.allowedOrigins, methods: ['GET', 'POST'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  app.decorateRequest('principal', null);
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.maxUploadBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (err.statusCode === 413) return fail(reply, 413, 'too-large', `ファイルが大きすぎます（上限 ${Math.round(config.maxUploadBytes / 1024 / 1024)} MB）。`);
    if (err.statusCode === 415) return fail(reply, 415, 'unsupported-media-type', 'この形式の送信は受け付けていません。');
    if (err.statusCode && err.statusCode < 500) return fail(reply, err.statusCode, err.code ?? 'bad-request', 'リクエストが不正です。');
    app.log.error({ err: err.message }, 'request failed');
    return fail(reply, 500, 'internal', 'サーバーで予期しないエラーが発生しました。');
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url === '/healthz') return;
    req.principal = auth.identify(req.headers.authorization);
    if (!req.principal) {
      if (req.url.startsWith('/admin/')) void reply.header('www-authenticate', 'Basic realm="mokuhyo"');
      return fail(reply, 401, 'unauthorized', '認証が必要です。正しいトークンを Authorization: Bearer で送ってください。');
    }
  });

  const coordinator = (req: FastifyRequest, ward?: string): Principal | null => {
    const p = req.principal;
    return p?.role === 'coordinator' && (ward === undefined || p.ward === ward) ? p : null;
  };

  app.get('/healthz', async (_req, reply) => {
    const ok = await Promise.race([connection.ping().then((r) => r === 'PONG', () => false), delay(1000).then(() => false)]);
    return ok ? { status: 'ok' } : fail(reply, 503, 'redis-unavailable', 'Redis に接続できません。');
  });

  app.post('/api/submissions', async (req, reply) => {
    const p = req.principal;
    if (p?.role !== 'submitter') return fail(reply, 403, 'forbidden', '提出できるのは課の提出用トークンだけです。');
    const claimed = (req.query as Record<string, unknown>)['division'] ?? req.headers['x-mokuhyo-division'];
    if (typeof claimed === 'string' && claimed !== '' && decodeURIComponent(claimed) !== p.division) {
      return fail(reply, 403, 'forbidden', '他の課の提出はできません。');
    }
    const ward = config.wards.find((w) => w.id === p.ward);
    if (!ward) return fail(reply, 403, 'forbidden', 'トークンの区が設定にありません。');
    const body = req.body;
    if (!Buffer.isBuffer(body)) return fail(reply, 415, 'not-zip', `Excel ブック（.xlsx）を本文として送ってください（Content-Type: ${XLSX_TYPE}）。`);
    const refusal = await checkUpload(body, config.maxUploadBytes);
    if (refusal) return fail(reply, refusal.status, refusal.code, refusal.message);
    let meta;
    try {
      meta = await store.put(body, { ward: ward.id, fiscalYear: ward.fiscalYear, division: p.division, receivedAt: new Date().toISOString() });
    } catch (err) {
      app.log.error({ err: (err as Error).message }, 'store failed');
      const message = err instanceof StorageError ? err.message : '提出ファイルを保存できませんでした。';
      return fail(reply, 503, 'storage-unavailable', `${message}しばらくしてから送り直してください。`);
    }
    // The file is durable now; if Redis is down the reconciliation sweep enqueues it later.
    await Promise.race([queues.addIngest(meta.id), delay(2000)]).catch((err: Error) => app.log.warn({ err: err.message }, 'enqueue deferred'));
    return reply.code(202).send({ id: meta.id, status: 'queued' });
  });

  app.get('/api/submissions/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const meta = isSubmissionId(id) ? await store.get(id) : null;
    const p = req.principal;
    if (!meta) return fail(reply, 404, 'not-found', '提出が見つかりません。');
    const allowed = p?.ward === meta.ward && (p.role === 'coordinator' || p.division === meta.division);
    if (!allowed) return fail(reply, 403, 'forbidden', 'この提出を見る権限がありません。');
    const result = meta.status === 'accepted' || meta.status === 'rejected' ? await store.getResult(meta.id) : null;
    const findings = (result?.sheets ?? []).flatMap((s) => s.findings.map((f) => ({ sheet: s.sheet, ...f })));
    return { id: meta.id, status: await liveStatus(meta), division: meta.division, findings, error: meta.error };
  });

  /**
   * A stored "queued" record is "processing" while a worker holds its job: asked of Redis, briefly, and
   * only while connected, so the answer never waits on an outage (the stored status stands then).
   */
  const liveStatus = async (meta: SubmissionMeta): Promise<SubmissionMeta['status']> => {
    if (meta.status !== 'queued' || connection.status !== 'ready') return meta.status;
    const state = await Promise.race([queues.ingest.getJobState(meta.id).catch(() => null), delay(500).then(() => null)]);
    return state === 'active' ? 'processing' : meta.status;
  };

  app.post('/api/consolidations', async (req, reply) => {
    const body = (req.body ?? {}) as { ward?: unknown; fiscalYear?: unknown };
    if (typeof body.ward !== 'string' || typeof body.fiscalYear !== 'number' || !Number.isInteger(body.fiscalYear)) {
      return fail(reply, 400, 'bad-request', '{"ward": "区ID", "fiscalYear": 年度} を JSON で送ってください。');
    }
    if (!coordinator(req, body.ward)) return fail(reply, 403, 'forbidden', 'この区の集計を依頼する権限がありません。');
    const id = await queues.addConsolidation(body.ward, body.fiscalYear);
    return reply.code(202).send({ id });
  });

  app.get('/api/consolidations/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!coordinator(req)) return fail(reply, 403, 'forbidden', '集計を見る権限がありません。');
    const job = CONSOLIDATION_ID.test(id) ? await queues.consolidate.getJob(id) : undefined;
    if (!job) return fail(reply, 404, 'not-found', '集計が見つかりません。');
    if (!coordinator(req, job.data.ward)) return fail(reply, 403, 'forbidden', 'この区の集計を見る権限がありません。');
    const state = await job.getState();
    const status = state === 'active' ? 'processing' : state === 'completed' ? 'done' : state === 'failed' ? 'failed' : 'queued';
    const progress = typeof job.progress === 'number' ? job.progress : 0;
    return { id, status, progress: status === 'done' ? 100 : progress, summary: `/api/summaries/${job.data.ward}/${job.data.fiscalYear}` };
  });

  app.get('/api/summaries/:ward/:fiscalYear', async (req, reply) => {
    const { ward, fiscalYear } = req.params as { ward: string; fiscalYear: string };
    if (!coordinator(req, ward)) return fail(reply, 403, 'forbidden', 'この区の集計を見る権限がありません。');
    const bytes = /^\d{4}$/.test(fiscalYear) ? await summaries.get(ward, Number(fiscalYear)) : null;
    if (!bytes) return fail(reply, 404, 'not-found', '集計はまだ作成されていません。');
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="summary-${ward}-${fiscalYear}.xlsx"`)
      .send(bytes);
  });

  const board = new FastifyAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({
    queues: [new BullMQAdapter(queues.ingest, { readOnlyMode: true }), new BullMQAdapter(queues.consolidate, { readOnlyMode: true })],
    // @bull-board/fastify 9.10.1 pins its own @bull-board/api copy; the adapter is the same at runtime.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      if (!coordinator(req)) return fail(reply, 403, 'forbidden', 'キューの管理画面は集計担当（coordinator）のみ利用できます。');
    });
    await scope.register(board.registerPlugin(), { prefix: '/admin/queues' });
  });
  return app;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
