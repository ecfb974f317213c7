// The web console's server side: sign-in sessions, the JSON routes the console page needs, and its
// static files. buildServer creates it before its auth hook (which asks it for a cookie's principal)
// and registers its routes; every route here checks roles as the intake's own routes do.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { daysUntil } from '../../shared/ledger/deadline.ts';
import type { Redis } from 'ioredis';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { Config, WardConfig } from '../config/index.ts';
import { isWorkbookType, XLSX_TYPE } from '../intake/workbook-types.ts';
import { tokenOf, tokenSha256, type Principal, type TokenAuth } from '../intake/auth.ts';
import { decideSubmission } from '../queue/decide-submission.ts';
import { wardLedger } from '../queue/ward-ledger.ts';
import type { Ledger } from '../../shared/ledger/types.ts';
import { SandboxPool, SandboxRefusal, type SandboxInput } from '../queue/sandbox.ts';
import { CheckSlots } from './check-slots.ts';
import {
  jstStamp,
  type SubmissionMeta,
  type SubmissionResult,
  type SubmissionStore,
  type SummaryStore,
  type YearStore,
} from '../storage/index.ts';
import type {
  CheckResult,
  FindingRow,
  HistoryEntry,
  Me,
  OwnStatus,
  SignedIn,
  SubmissionDetail,
  SubmissionSummary,
  SummaryList,
  TemplateList,
} from './api-types.ts';
import { consoleAssets, type ConsoleAssets } from './console-build.ts';
import {
  clearedSessionCookie,
  asXlsxName,
  contentDisposition,
  parseCookies,
  SESSION_COOKIE,
  sessionCookie,
  uploadedFileName,
} from './cookies.ts';
import { fromOwnOrigin, isHttps, type OriginPolicy } from './origin.ts';
import { DEFAULT_GUESS_LIMITS, DEVICE_COOKIE, GuessThrottle, type GuessLimits } from './guess-throttle.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './session.ts';
import { IssuedTokens, principalOfIssued } from '../intake/issued-tokens.ts';
import { SessionStoreUnavailable, SharedSessions } from './shared-sessions.ts';
import { registerTokenRoutes } from './token-routes.ts';
import { SharedState } from './shared-state.ts';
import { serveAsset } from './static-files.ts';
import { ledgerStanding, rowView, wardInfo, wardStatus } from './status-view.ts';
import { buildForm, formTitle, registerTemplateRoutes } from './template-routes.ts';
import { registerYearRoutes } from './year-routes.ts';
import { recordAudit, registerAuditRoutes } from './audit-routes.ts';
import type { AuditTrail } from '../storage/audit-trail.ts';

export interface WebConsoleDeps {
  config: Config;
  store: SubmissionStore;
  summaries: SummaryStore;
  auth: TokenAuth;
  /** Starts a summary build for the daily schedule (the intake's queue). */
  enqueueSummary?: (ward: string, fiscalYear: number, by: string) => Promise<unknown>;
  /** The coordinator's ward-year settings (提出期限, reminders); without it the config's deadline only. */
  years?: YearStore | null;
  /** Where sessions and the guess brakes live, shared by every `serve` on it; null keeps them in memory. */
  redis?: Redis | null;
  /** 操作履歴 (Redis): what people did, read by GET /api/audit; without it nothing is recorded. */
  trail?: AuditTrail | null;
}

export interface WebConsoleOptions {
  /** Believe X-Forwarded-Proto/-Host (behind a reverse proxy). Default: config `trustProxy`, or MOKUHYO_TRUST_PROXY=1. */
  trustProxy?: boolean;
  sessionLimits?: SessionLimits;
  guessLimits?: GuessLimits;
  assets?: ConsoleAssets;
}

/** The sign-in body: `{"token": "…"}` with a token of at most 512 characters. */
const SIGN_IN_BODY_BYTES = 1024;

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

function findingRows(sheets: SubmissionResult['sheets']): FindingRow[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return sheets
    .flatMap((s) =>
      s.findings.map((f) => ({ sheet: s.sheet, severity: f.severity, code: f.code, cell: f.cell, message: f.message })),
    )
    .sort((a, b) => order[a.severity] - order[b.severity]);
}

export { wardInfo };

/** Sessions, sign-in and the console's routes; see docs/console.md and docs/api.md. */
export class WebConsole {
  readonly sessions: SharedSessions;
  private readonly limits: SessionLimits;
  private readonly guesses: GuessThrottle;
  /** Tokens issued in the console (Redis), besides the config's. */
  readonly issued: IssuedTokens;
  private readonly policy: OriginPolicy;
  private readonly assets: ConsoleAssets;
  private sandbox: SandboxPool | null = null;
  private readonly refused = new WeakSet<FastifyReply>();
  /** 確認 and marked copies at once: a few over the server, one per division (check-slots.ts). */
  private readonly slots = new CheckSlots();

  constructor(
    private readonly deps: WebConsoleDeps,
    options: WebConsoleOptions = {},
  ) {
    const configured = (deps.config as { trustProxy?: unknown }).trustProxy;
    const publicUrl = (deps.config as { publicUrl?: unknown }).publicUrl;
    this.policy = {
      trustProxy: options.trustProxy ?? (configured === true || process.env['MOKUHYO_TRUST_PROXY'] === '1'),
      alsoOwn: typeof publicUrl === 'string' && URL.canParse(publicUrl) ? [new URL(publicUrl).origin] : [],
    };
    this.limits = options.sessionLimits ?? DEFAULT_SESSION_LIMITS;
    const state = new SharedState(deps.redis ?? null);
    this.sessions = new SharedSessions(state, this.limits);
    this.issued = new IssuedTokens(deps.redis ?? null);
    this.guesses = new GuessThrottle(state, options.guessLimits ?? DEFAULT_GUESS_LIMITS);
    this.assets = options.assets ?? consoleAssets();
  }

  /** Requests that need no principal: the console's page and files, and sign-in itself. */
  isPublic(req: FastifyRequest): boolean {
    const path = req.url.split('?')[0] ?? '';
    // GET /api/session answers "not signed in" itself, so the page's first look raises no 401.
    // DELETE (ログアウト) too: it ends the cookie's session even when Redis cannot be asked whether it is alive.
    if (path === '/api/session') return req.method === 'POST' || req.method === 'GET' || req.method === 'DELETE';
    if (req.method === 'GET' || req.method === 'HEAD')
      return path === '/' || path === '/index.html' || path.startsWith('/assets/') || path === '/favicon.ico';
    return false;
  }

  /**
   * The principal of the request's session cookie, or null. A cookie-authenticated request that changes
   * something must come from this server's own page (Origin, else Referer): otherwise it is refused with
   * 403 here, and the caller sees `reply.sent`.
   */
  async sessionPrincipal(req: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!id) return null;
    const session = await this.sessions.touch(id);
    if (!session) return null;
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    if (!safe && !fromOwnOrigin(req, this.policy, 'refuse')) {
      this.refused.add(reply);
      void fail(reply, 403, 'cross-site', 'この操作は目標シートの画面からのみ行えます。');
      return null;
    }
    return session.principal;
  }

  /**
   * The principal of the request's bearer token, or null (no token, or a wrong one: the caller answers 401).
   * Guessing is braked per address and per token (guess-throttle.ts): an address over its failures waits (slow
   * mode, right and wrong tokens alike); the same wrong value repeated is answered 429 here with Retry-After,
   * and the caller sees `answered(reply)`.
   */
  async bearerPrincipal(req: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    const token = tokenOf(req.headers.authorization);
    if (!token) return null;
    const principal = await this.identify(token);
    const verdict = await this.guesses.bearer(req.ip, token, principal !== null);
    if (verdict === 'ok') return principal;
    if (verdict !== 'wrong') {
      this.refused.add(reply);
      void fail(
        reply.header('retry-after', String(verdict.retryAfter)),
        429,
        'too-many-attempts',
        `同じ誤ったトークンが続いたため、${Math.ceil(verdict.retryAfter / 60)} 分ほど待ってからやり直してください。`,
      );
    }
    return null;
  }

  /** The principal of a token: the config's, else one issued in the console. */
  private async identify(token: string): Promise<Principal | null> {
    const configured = this.deps.auth.identifyToken(token);
    if (configured) return configured;
    const issued = await this.issued.lookup(token);
    return issued ? principalOfIssued(issued) : null;
  }

  /** True when sessionPrincipal already answered (a CSRF refusal): the auth hook then returns the reply as is. */
  answered(reply: FastifyReply): boolean {
    return reply.sent || this.refused.has(reply);
  }

  private ward(p: Principal): WardConfig | undefined {
    return this.deps.config.wards.find((w) => w.id === p.ward);
  }

  private me(p: Principal): SignedIn | null {
    const name = p.name ?? null;
    // An admin belongs to no ward: the console shows them トークン and 操作履歴.
    if (p.role === 'admin') return { role: 'admin', ward: null, division: null, name };
    const ward = this.ward(p);
    if (!ward) return null;
    const who: Me =
      p.role === 'coordinator'
        ? { role: 'coordinator', ward: wardInfo(ward), division: null }
        : { role: 'submitter', ward: wardInfo(ward), division: p.division };
    return name ? { ...who, name } : who;
  }

  /** A submission as the console lists it: its word, reason and whether it counts, from the ward-year's ledger. */
  private async summary(meta: SubmissionMeta, ledger: Ledger): Promise<SubmissionSummary> {
    const result =
      meta.status === 'accepted' || meta.status === 'rejected' ? await this.deps.store.getResult(meta.id) : null;
    const findings = (result?.sheets ?? []).flatMap((s) => s.findings);
    return {
      id: meta.id,
      division: meta.division,
      ...ledgerStanding(ledger, meta),
      byCoordinator: meta.role === 'coordinator',
      receivedAt: meta.receivedAt,
      finishedAt: meta.finishedAt,
      fileName: meta.fileName ?? null,
      sha256: meta.sha256,
      size: meta.size,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      memo: meta.memo ?? null,
      sentBack: meta.sentBack ?? null,
    };
  }

  /** 提出状況 of the ward's configured year, as the page and the download show it. */
  private async statusOf(ward: WardConfig, fiscalYear: number = ward.fiscalYear) {
    const { ledger, metas, facts } = await wardLedger(this.deps.store, ward, fiscalYear, this.deps.years);
    const status = await wardStatus(ward, ledger, metas, (meta) => this.summary(meta, ledger), facts.today);
    // Another year's collection (looked at afterwards) is labelled as that year.
    return { ...status, ward: { ...status.ward, fiscalYear, fiscalYearLabel: eraFiscalYear(fiscalYear) } };
  }

  /** The ledger of the ward-year a submission belongs to. */
  private async ledgerOf(meta: Pick<SubmissionMeta, 'ward' | 'fiscalYear'>): Promise<Ledger | null> {
    const ward = this.deps.config.wards.find((w) => w.id === meta.ward);
    return ward ? (await wardLedger(this.deps.store, ward, meta.fiscalYear, this.deps.years)).ledger : null;
  }

  /** The submission when the principal may see it (its ward's coordinator, or its own division). */
  private async visible(req: FastifyRequest, reply: FastifyReply): Promise<SubmissionMeta | null> {
    const { id } = req.params as { id: string };
    const meta = await this.deps.store.get(id);
    const p = req.principal;
    if (!meta) {
      void fail(reply, 404, 'not-found', '提出が見つかりません。');
      return null;
    }
    const allowed =
      p?.ward === meta.ward && (p.role === 'coordinator' || (p.role === 'submitter' && p.division === meta.division));
    if (!allowed) {
      void fail(reply, 403, 'forbidden', 'この提出を見る権限がありません。');
      return null;
    }
    return meta;
  }

  private async check(
    bytes: Buffer,
    ward: WardConfig,
    sender: Pick<SubmissionMeta, 'division' | 'role'>,
  ): Promise<
    | { result: CheckResult; sheets: SubmissionResult['sheets'] }
    | { refusal: { status: number; code: string; message: string } }
  > {
    const max = this.deps.config.maxUploadBytes;
    if (bytes.length > max)
      return {
        refusal: {
          status: 413,
          code: 'too-large',
          message: `ファイルが大きすぎます（上限 ${Math.round(max / 1024 / 1024)} MB）。`,
        },
      };
    const collecting = {
      ward: ward.name,
      fiscalYear: ward.fiscalYear,
      fiscalYearLabel: eraFiscalYear(ward.fiscalYear),
      division: sender.role === 'submitter' ? sender.division : null,
    };
    // Every byte of the upload is read in the sandbox's child (zip, limits, XML), never on this event loop.
    const read = await this.pool()
      .run(bytes)
      .catch((err: Error) => ({
        status: 'unreadable' as const,
        error: {
          code: 'check-failed',
          message: err.message.startsWith('ingest sandbox') ? 'ファイルを確認できませんでした。' : err.message,
        },
        sheets: [],
      }));
    // The decision 提出 would get, made by the same function (nothing is stored, so there is no other
    // division's identical file to warn of): whose and which sheet it is against this ward-year.
    const outcome = decideSubmission(read, ward, sender);
    const status = outcome.status === '受理' ? 'accepted' : outcome.status === '読込不可' ? 'unreadable' : 'rejected';
    return {
      result: {
        status,
        reason: outcome.error?.message ?? null,
        findings: findingRows(outcome.sheets),
        recognised: outcome.recognised,
        collecting,
      },
      sheets: outcome.sheets,
    };
  }

  private pool(): SandboxPool {
    return (this.sandbox ??= new SandboxPool({
      timeoutMs: this.deps.config.ingestTimeoutMs,
      memoryMb: this.deps.config.ingestMemoryMb,
    }));
  }

  /** The marked copy, made in the sandbox; a workbook over the readers' limits is answered 422 with the reason. */
  private async marked(
    reply: FastifyReply,
    input: SandboxInput,
    sheets: SubmissionResult['sheets'],
  ): Promise<Buffer | null> {
    try {
      return await this.pool().annotate(
        input,
        sheets.map((s) => ({ sheet: s.sheet, findings: s.findings })),
      );
    } catch (err) {
      const refusal = err instanceof SandboxRefusal;
      void fail(
        reply,
        422,
        refusal ? err.code : 'unreadable',
        refusal || (err as Error).name === 'SandboxLimitError'
          ? (err as Error).message
          : '注釈付きコピーを作れませんでした。',
      );
      return null;
    }
  }

  /** One of the fair check slots for this principal, or null after answering 503 busy. */
  private slot(req: FastifyRequest, reply: FastifyReply): (() => void) | null {
    const p = req.principal;
    const release = this.slots.take(p ? `${p.ward ?? ''}/${p.role === 'submitter' ? p.division : p.role}` : '');
    if (!release)
      void reply
        .header('retry-after', '5')
        .code(503)
        .send({ error: { code: 'busy', message: '確認が混み合っています。少し待ってからもう一度お試しください。' } });
    return release;
  }

  /** Registers the console's routes and files on the intake's server. */
  async register(app: FastifyInstance): Promise<void> {
    const { config, store, summaries } = this.deps;
    app.addHook('onClose', async () => this.sandbox?.close());

    app.setNotFoundHandler((req, reply) =>
      fail(
        reply,
        404,
        'not-found',
        req.url.startsWith('/api/') ? 'その API はありません。' : 'ページが見つかりません。',
      ),
    );

    // ── sign-in ──────────────────────────────────────────────────────────────────────────────────────
    // The body is a token in JSON: a few hundred bytes at most, refused before it is read when larger. The
    // brake is asked before the body too.
    const signInWait = async (req: FastifyRequest, reply: FastifyReply) => {
      const device = parseCookies(req.headers.cookie).get(DEVICE_COOKIE) ?? null;
      const wait = await this.guesses.signInWait(req.ip, device);
      if (wait > 0)
        return reply
          .header('retry-after', String(wait))
          .code(429)
          .send({
            error: {
              code: 'too-many-attempts',
              message: `ログインの失敗が続いたため、${Math.ceil(wait / 60)} 分ほど待ってからやり直してください。`,
            },
          });
    };
    app.post('/api/session', { onRequest: signInWait, bodyLimit: SIGN_IN_BODY_BYTES }, async (req, reply) => {
      if (!fromOwnOrigin(req, this.policy, 'allow'))
        return fail(reply, 403, 'cross-site', 'この操作は目標シートの画面からのみ行えます。');
      const cookies = parseCookies(req.headers.cookie);
      const device = cookies.get(DEVICE_COOKIE) ?? null;
      const token = (req.body as { token?: unknown } | undefined)?.token;
      const principal = typeof token === 'string' && /^\S{1,512}$/.test(token) ? await this.identify(token) : null;
      const me = principal ? this.me(principal) : null;
      // Slow mode (an address over its failures) waits here for a right token and a wrong one alike.
      const verdict = await this.guesses.signIn(req.ip, device, typeof token === 'string' ? token : '', me !== null);
      if (typeof verdict === 'object')
        return fail(
          reply.header('retry-after', String(verdict.retryAfter)),
          429,
          'too-many-attempts',
          `同じ誤ったトークンが続いたため、${Math.ceil(verdict.retryAfter / 60)} 分ほど待ってからやり直してください。`,
        );
      if (!principal || !me || typeof token !== 'string') {
        return fail(
          reply,
          401,
          'login-failed',
          'ログインできませんでした。トークンを確かめてもう一度入力してください。',
        );
      }
      // A new id on every sign-in: a cookie planted before it is worthless after.
      const old = cookies.get(SESSION_COOKIE);
      if (old) await this.sessions.destroy(old);
      let session;
      try {
        session = await this.sessions.create(principal, tokenSha256(token).slice(0, 16), principal.name ?? null);
      } catch (err) {
        if (!(err instanceof SessionStoreUnavailable)) throw err;
        // Fails closed: a session kept in this process's memory would be unknown to every other serve.
        return fail(
          reply.header('retry-after', '30'),
          503,
          'session-store-unavailable',
          'ログイン情報を保存するサーバー（Redis）に接続できないため、いまはログインできません。しばらくしてからやり直してください。',
        );
      }
      // A token issued in the console and revoked while this sign-in was under way ends its sessions before
      // this one was listed: look again, so no session outlives its token.
      if (!this.deps.auth.identifyToken(token) && !(await this.issued.lookup(token))) {
        await this.sessions.destroy(session.id);
        return fail(
          reply,
          401,
          'login-failed',
          'ログインできませんでした。トークンを確かめてもう一度入力してください。',
        );
      }
      const secure = isHttps(req, this.policy);
      const setCookies = [
        sessionCookie(session.id, { secure, maxAgeSeconds: Math.floor(this.limits.maxAgeMs / 1000) }),
      ];
      // This browser has now signed in: from here on it is braked on its own failures, not its address's.
      if (device && /^[\w-]{20,64}$/.test(device)) await this.guesses.rememberDevice(device);
      else {
        const fresh = GuessThrottle.deviceCookie(secure);
        await this.guesses.rememberDevice(fresh.id);
        setCookies.push(fresh.cookie);
      }
      void reply.header('set-cookie', setCookies);
      return reply.header('cache-control', 'no-store').send(me);
    });

    app.get('/api/session', async (req, reply) => {
      const bearer = await this.bearerPrincipal(req, reply);
      if (this.answered(reply)) return reply;
      const principal = bearer ?? (await this.sessionPrincipal(req, reply));
      const me = principal ? this.me(principal) : null;
      return reply
        .header('cache-control', 'no-store')
        .send(me ? { signedIn: true, me } : { signedIn: false, me: null });
    });

    app.delete('/api/session', async (req, reply) => {
      const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
      if (id && !fromOwnOrigin(req, this.policy, 'refuse'))
        return fail(reply, 403, 'cross-site', 'この操作は目標シートの画面からのみ行えます。');
      if (id) await this.sessions.destroy(id);
      return reply
        .header('set-cookie', clearedSessionCookie(isHttps(req, this.policy)))
        .code(204)
        .send();
    });

    // ── coordinator: 提出状況 ──────────────────────────────────────────────────────────────────────
    app.get('/api/console/status', async (req, reply) => {
      const p = req.principal;
      const ward = p?.role === 'coordinator' ? this.ward(p) : undefined;
      if (!ward) return fail(reply, 403, 'forbidden', '提出状況を見られるのは区の集計担当だけです。');
      const year = fiscalYearOf(req, ward);
      if (year === null)
        return fail(reply, 400, 'bad-fiscal-year', '年度は 1989〜2200 の西暦 4 桁で指定してください。');
      return reply.header('cache-control', 'no-store').send(await this.statusOf(ward, year));
    });

    // A division's own row (the coordinator's: the ward sheet's), as 提出状況 shows it.
    app.get('/api/console/own-status', async (req, reply) => {
      const p = req.principal;
      const ward = p ? this.ward(p) : undefined;
      if (!p || !ward || (p.role !== 'coordinator' && p.role !== 'submitter'))
        return fail(reply, 403, 'forbidden', '提出状況を見る権限がありません。');
      // Only this row is read (its latest and counted submissions), not every division's, as the page polls it.
      const { ledger, metas, facts } = await wardLedger(store, ward, ward.fiscalYear, this.deps.years);
      const row = p.role === 'coordinator' ? ledger.wardSheet : ledger.divisions.find((r) => r.division === p.division);
      const byId = new Map(metas.map((m) => [m.id, m]));
      const own: OwnStatus = {
        row: row
          ? await rowView(row, byId, (meta) => this.summary(meta, ledger))
          : {
              division: p.role === 'submitter' ? p.division : ward.name,
              expected: false,
              status: 'missing',
              reason: null,
              latest: null,
              counted: null,
              overdue: false,
            },
        deadline: ledger.deadline,
        daysLeft: ledger.deadline ? daysUntil(ledger.deadline, facts.today) : null,
      };
      return reply.header('cache-control', 'no-store').send(own);
    });

    app.get('/api/console/history', async (req, reply) => {
      const p = req.principal;
      const ward = p ? this.ward(p) : undefined;
      if (!p || !ward || (p.role !== 'coordinator' && p.role !== 'submitter'))
        return fail(reply, 403, 'forbidden', '提出の履歴を見る権限がありません。');
      const year = fiscalYearOf(req, ward);
      if (year === null)
        return fail(reply, 400, 'bad-fiscal-year', '年度は 1989〜2200 の西暦 4 桁で指定してください。');
      const { ledger, metas: all } = await wardLedger(store, ward, year, this.deps.years);
      const mine = p.role === 'submitter' ? all.filter((m) => m.division === p.division) : all;
      const entries: HistoryEntry[] = [];
      for (const [i, meta] of mine.entries()) {
        const next = mine.slice(i + 1).find((m) => m.division === meta.division);
        entries.push({ ...(await this.summary(meta, ledger)), supersededBy: next?.id ?? null });
      }
      return reply.header('cache-control', 'no-store').send(entries.reverse());
    });

    app.get('/api/console/submissions/:id', async (req, reply) => {
      const meta = await this.visible(req, reply);
      if (!meta) return reply;
      const result = await store.getResult(meta.id);
      const ledger = await this.ledgerOf(meta);
      if (!ledger) return fail(reply, 404, 'not-found', '提出が見つかりません。');
      const detail: SubmissionDetail = {
        ...(await this.summary(meta, ledger)),
        findings: findingRows(result?.sheets ?? []),
      };
      return reply.header('cache-control', 'no-store').send(detail);
    });

    app.get('/api/console/submissions/:id/workbook', async (req, reply) => {
      const meta = await this.visible(req, reply);
      if (!meta) return reply;
      const name = meta.fileName ?? `${meta.division}_提出.xlsx`;
      await recordAudit(this.deps.trail, req, 'workbook-download', {
        ward: meta.ward,
        division: meta.division,
        target: name,
        detail: '提出されたブック',
      });
      // Streamed from disk when the store keeps files: a client that does not read it holds no copy in memory.
      const body = store.file ? createReadStream(store.file(meta)) : await store.bytes(meta);
      return sendWorkbook(reply, body, name, `submission-${meta.id.slice(0, 8)}.xlsx`);
    });

    app.get('/api/console/submissions/:id/annotated', async (req, reply) => {
      const meta = await this.visible(req, reply);
      if (!meta) return reply;
      const result = await store.getResult(meta.id);
      if (!result || result.sheets.length === 0)
        return fail(reply, 409, 'not-checked', 'この提出にはチェック結果がないため、注釈付きコピーは作れません。');
      const release = this.slot(req, reply);
      if (!release) return reply;
      const source = store.file ? { file: store.file(meta) } : await store.bytes(meta);
      const bytes = await this.marked(reply, source, result.sheets).finally(release);
      if (!bytes) return reply;
      await recordAudit(this.deps.trail, req, 'workbook-download', {
        ward: meta.ward,
        division: meta.division,
        target: meta.fileName ?? `${meta.division}_提出.xlsx`,
        detail: '注釈付きコピー',
      });
      return sendWorkbook(
        reply,
        bytes,
        markedName(meta.fileName ?? `${meta.division}_提出.xlsx`),
        `submission-${meta.id.slice(0, 8)}-marked.xlsx`,
      );
    });

    // ── submitter: 確認と提出 (the check stores nothing) ───────────────────────────────────────────
    // Everything that can refuse a check is decided before its body is read: the role, the Content-Type (415)
    // and a fair slot (503 busy); the slot is held until the answer is sent or the client goes away.
    const slotOf = new WeakMap<FastifyRequest, () => void>();
    const beforeCheck = async (req: FastifyRequest, reply: FastifyReply) => {
      const p = req.principal;
      if (p?.role !== 'submitter' && p?.role !== 'coordinator')
        return fail(reply, 403, 'forbidden', 'ファイルを確認する権限がありません。');
      if (!isWorkbookType(req.headers['content-type']))
        return fail(
          reply,
          415,
          'unsupported-media-type',
          `Excel ブック（.xlsx）を本文として、Content-Type: ${XLSX_TYPE} で送ってください。`,
        );
      const release = this.slot(req, reply);
      if (!release) return reply;
      slotOf.set(req, release);
      // Held until the answer is sent or the connection goes: not the request's own 'close', which Node emits
      // as soon as the body has been read — that freed the slot while the check was still running.
      reply.raw.once('close', release);
    };
    const checkRoute = (annotate: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
      const p = req.principal;
      if (p?.role !== 'submitter' && p?.role !== 'coordinator')
        return fail(reply, 403, 'forbidden', 'ファイルを確認する権限がありません。');
      const body = req.body;
      if (!Buffer.isBuffer(body)) return fail(reply, 415, 'not-zip', 'Excel ブック（.xlsx）を選んでください。');
      const release = slotOf.get(req) ?? (() => undefined);
      try {
        const ward = config.wards.find((w) => w.id === p.ward);
        if (!ward) return fail(reply, 403, 'forbidden', 'トークンの区が設定にありません。');
        const outcome = await this.check(body, ward, {
          division: p.role === 'submitter' ? p.division : ward.name,
          role: p.role,
        });
        if ('refusal' in outcome)
          return fail(reply, outcome.refusal.status, outcome.refusal.code, outcome.refusal.message);
        if (!annotate) return reply.header('cache-control', 'no-store').send(outcome.result);
        if (outcome.sheets.length === 0)
          return fail(
            reply,
            422,
            outcome.result.status === 'unreadable' ? 'unreadable' : 'no-form',
            outcome.result.reason ?? 'このファイルには注釈を付けられません。',
          );
        const name = markedName(uploadedFileName(req.headers['x-mokuhyo-filename']) ?? '確認結果.xlsx');
        const bytes = await this.marked(reply, body, outcome.sheets);
        return bytes ? sendWorkbook(reply, bytes, name, 'checked-marked.xlsx') : reply;
      } finally {
        release();
      }
    };
    const upload = { onRequest: beforeCheck, bodyLimit: config.maxUploadBytes };
    app.post('/api/console/check', upload, checkRoute(false));
    app.post('/api/console/check/annotated', upload, checkRoute(true));

    // ── coordinator: 集計 ──────────────────────────────────────────────────────────────────────────
    app.get('/api/console/summaries', async (req, reply) => {
      const p = req.principal;
      const ward = p?.role === 'coordinator' ? this.ward(p) : undefined;
      if (!ward) return fail(reply, 403, 'forbidden', '集計を見られるのは区の集計担当だけです。');
      // `?fiscalYear=2019`: a previous year's builds, to look back at.
      const year = fiscalYearOf(req, ward);
      if (year === null) return fail(reply, 400, 'bad-fiscal-year', '年度は西暦 4 桁で指定してください（例: 2020）。');
      const latest = await summaries.asOf(ward.id, year);
      const versions = (await summaries.history?.(ward.id, year)) ?? [];
      const list: SummaryList = { latest: versions[0]?.builtAt ?? latest?.toISOString() ?? null, versions };
      return reply.header('cache-control', 'no-store').send(list);
    });

    app.get('/api/console/summaries/:version', async (req, reply) => {
      const p = req.principal;
      const ward = p?.role === 'coordinator' ? this.ward(p) : undefined;
      if (!ward) return fail(reply, 403, 'forbidden', '集計を見られるのは区の集計担当だけです。');
      const { version } = req.params as { version: string };
      const year = fiscalYearOf(req, ward);
      if (year === null) return fail(reply, 400, 'bad-fiscal-year', '年度は西暦 4 桁で指定してください（例: 2020）。');
      const bytes = (await summaries.getVersion?.(ward.id, year, version)) ?? null;
      if (!bytes) return fail(reply, 404, 'not-found', 'その集計は見つかりません。');
      // The stamp in Japan time, as the page lists it (the version id itself is UTC).
      const stamp = jstStamp(new Date(versionTime(version)));
      const names = summaryFileNames(config, ward.id, year);
      await recordAudit(this.deps.trail, req, 'summary-download', {
        ward: ward.id,
        target: names.name.replace(/\.xlsx$/, `_${stamp}.xlsx`),
      });
      return sendWorkbook(
        reply,
        bytes,
        names.name.replace(/\.xlsx$/, `_${stamp}.xlsx`),
        names.fallback.replace(/\.xlsx$/, `-${stamp}.xlsx`),
      );
    });

    // ── coordinator: 様式 ──────────────────────────────────────────────────────────────────────────
    app.get('/api/console/templates', async (req, reply) => {
      const p = req.principal;
      const ward = p?.role === 'coordinator' ? this.ward(p) : undefined;
      if (!ward) return fail(reply, 403, 'forbidden', '様式を配布できるのは区の集計担当だけです。');
      const { templateEntries } = await import('../../templates/registry.ts');
      const forms = templateEntries().map((e) => ({
        family: e.family.id,
        variant: e.variant.id,
        title: formTitle(e.family.title, e.variant.title),
      }));
      const list: TemplateList = { fiscalYearLabel: eraFiscalYear(ward.fiscalYear), forms, divisions: ward.divisions };
      return list;
    });

    app.get('/api/console/templates/:family/:variant', async (req, reply) => {
      const p = req.principal;
      const ward = p?.role === 'coordinator' ? this.ward(p) : undefined;
      if (!ward) return fail(reply, 403, 'forbidden', '様式を配布できるのは区の集計担当だけです。');
      const { family, variant } = req.params as { family: string; variant: string };
      const division = (req.query as { division?: unknown }).division;
      if (division !== undefined && (typeof division !== 'string' || !ward.divisions.includes(division)))
        return fail(reply, 404, 'not-found', 'その課はこの区の設定にありません。');
      const { templateEntries } = await import('../../templates/registry.ts');
      const entry = templateEntries().find((e) => e.family.id === family && e.variant.id === variant);
      if (!entry) return fail(reply, 404, 'not-found', 'その様式はありません。');
      const bytes = await buildForm(entry, ward, typeof division === 'string' ? division : null);
      const title = formTitle(entry.family.title, entry.variant.title);
      const owner = typeof division === 'string' ? division : ward.name;
      return sendWorkbook(
        reply,
        bytes,
        `${owner}_${title}_${eraFiscalYear(ward.fiscalYear)}.xlsx`,
        `${family}-${variant}-${ward.fiscalYear}.xlsx`,
      );
    });

    registerTemplateRoutes(app, (p) => (p ? this.ward(p) : undefined));
    registerYearRoutes(app, {
      enqueueSummary: this.deps.enqueueSummary,
      config,
      store,
      years: this.deps.years ?? null,
      statusOf: (w) => this.statusOf(w),
      trail: this.deps.trail ?? null,
    });
    registerTokenRoutes(app, {
      config,
      issued: this.issued,
      sessions: this.sessions,
      trail: this.deps.trail ?? null,
    });
    if (this.deps.trail) registerAuditRoutes(app, { config, trail: this.deps.trail });

    // ── the page itself ────────────────────────────────────────────────────────────────────────────
    const page = async (req: FastifyRequest, reply: FastifyReply) => {
      // A first visit during the build waits briefly, then gets a page that reloads itself every 2 s
      // (well within the server's idle-connection timeout).
      // The build starts with the first visit, not with serve: the many serve processes that never show
      // the page (workers' hosts, tests) never spend a core on Vite.
      const dir = await this.assets.folder(12_000);
      if (this.assets.error) app.log.error({ err: this.assets.error.message }, 'console build failed');
      return serveAsset(reply, dir, (req.params as { file?: string }).file ?? 'index.html', this.assets.error);
    };
    app.get('/', page);
    app.get('/index.html', page);
    app.get('/assets/:file', page);
    app.get('/favicon.ico', (_req, reply) => reply.code(204).send());
  }
}

/** `?fiscalYear=2019` (another year's collection, to look back at), else the configured year; null when malformed. */
function fiscalYearOf(req: FastifyRequest, ward: WardConfig): number | null {
  const asked = (req.query as { fiscalYear?: unknown } | undefined)?.fiscalYear;
  if (asked === undefined) return ward.fiscalYear;
  if (typeof asked !== 'string' || !/^\d{4}$/.test(asked)) return null;
  const year = Number(asked);
  return year >= 1989 && year <= 2200 ? year : null;
}

/** The instant a summary version id (20201207T040512345Z) names. */
function versionTime(id: string): string {
  return `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}Z`;
}

function markedName(name: string): string {
  return `${asXlsxName(name).replace(/\.xlsx$/, '')}_確認結果.xlsx`;
}

/** The summary's download names: `秋葉区_令和2年度_集計.xlsx`, and an ASCII fallback. */
export function summaryFileNames(config: Config, ward: string, fiscalYear: number): { name: string; fallback: string } {
  const wardName = config.wards.find((w) => w.id === ward)?.name ?? ward;
  return { name: `${wardName}_${eraFiscalYear(fiscalYear)}_集計.xlsx`, fallback: `summary-${ward}-${fiscalYear}.xlsx` };
}

/** Headers of a summary download: the Japanese file name, and never cached (a newer build replaces it). */
export function summaryDownloadHeaders(config: Config, ward: string, fiscalYear: number): Record<string, string> {
  const { name, fallback } = summaryFileNames(config, ward, fiscalYear);
  return {
    'content-type': XLSX_TYPE,
    'content-disposition': contentDisposition(name, fallback),
    'cache-control': 'no-store',
  };
}

/** A workbook download: always `.xlsx` with the workbook Content-Type, whatever name the uploader gave it. */
function sendWorkbook(reply: FastifyReply, bytes: Buffer | Readable, name: string, fallback: string) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition(asXlsxName(name), asXlsxName(fallback)))
    .header('cache-control', 'no-store')
    .send(bytes);
}
