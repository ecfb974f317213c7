// The admin's tokens without a restart (issue 22 "People"): list the config's and the issued tokens, issue
// one for a named person (shown once), revoke one (its sessions end at once). Admin only; see docs/api.md.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config/index.ts';
import { tokenSha256 } from '../intake/auth.ts';
import type { IssuedToken, IssuedTokens } from '../intake/issued-tokens.ts';
import type { SharedSessions } from './shared-sessions.ts';
import type { AuditTrail } from '../storage/audit-trail.ts';
import type { TokenEntry, TokenList } from './api-types.ts';
import { actorOf, recordAudit } from './audit-routes.ts';

export interface TokenRouteDeps {
  config: Config;
  issued: IssuedTokens;
  sessions: SharedSessions;
  /** 操作履歴: every issue and revocation is recorded there. */
  trail?: AuditTrail | null;
}

/** A refusal; `field` names the issue form's field it is about (the console shows the message beside it). */
function fail(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  return reply.code(status).send({ error: { code, message, ...(field ? { field } : {}) } });
}

const ROLE_WORD = { submitter: '提出担当', coordinator: '集計担当', admin: '管理者' } as const;

/** What the 操作履歴 says a token is: 山田 花子（集計担当・秋葉区）. */
function tokenText(t: Pick<TokenEntry, 'name' | 'role' | 'division'>, wardName: string | null): string {
  const place = [wardName, t.division].filter(Boolean).join(' ');
  return `${t.name ?? '（名前なし）'}（${ROLE_WORD[t.role]}${place ? `・${place}` : ''}）`;
}

const UNAVAILABLE = 'トークンの保存先（Redis）に接続できません。しばらくしてからやり直してください。';

export function registerTokenRoutes(app: FastifyInstance, deps: TokenRouteDeps): void {
  const { config, issued, sessions, trail } = deps;
  const wardName = (id: string | null) => config.wards.find((w) => w.id === id)?.name ?? null;
  const adminOnly = async (req: { principal: { role: string } | null }, reply: FastifyReply) => {
    if (req.principal?.role !== 'admin')
      return fail(reply, 403, 'forbidden', 'トークンを扱えるのは運用担当（admin）だけです。');
  };

  app.get('/api/admin/tokens', { onRequest: adminOnly }, async (_req, reply) => {
    const list = await issued.list();
    if (!list) return fail(reply, 503, 'unavailable', UNAVAILABLE);
    const fromConfig = config.tokens.map((t): TokenEntry => ({
      id: (t.tokenSha256 ?? tokenSha256(t.token ?? '')).slice(0, 16),
      role: t.role,
      ward: t.role === 'admin' ? null : t.ward,
      division: t.role === 'submitter' ? t.division : null,
      name: t.name ?? null,
      source: 'config' as const,
    }));
    const answer: TokenList = {
      config: fromConfig,
      issued: list.map((t) => ({ ...t, source: 'issued' as const })),
      wards: config.wards.map((w) => ({ id: w.id, name: w.name, divisions: [...w.divisions] })),
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });

  app.post('/api/admin/tokens', { onRequest: adminOnly, bodyLimit: 4096 }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const role = body['role'];
    const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
    if (name === '')
      return fail(reply, 400, 'bad-request', '名前（このトークンを使う人）を入力してください（name）。', 'name');
    if ([...name].length > 100)
      return fail(reply, 400, 'bad-request', '名前は 100 文字以内で入力してください（name）。', 'name');
    if (role !== 'submitter' && role !== 'coordinator' && role !== 'admin')
      return fail(
        reply,
        400,
        'bad-request',
        '役割を選んでください（role は submitter、coordinator、admin のいずれか）。',
        'role',
      );
    let ward: string | null = null;
    let division: string | null = null;
    if (role !== 'admin') {
      const w = config.wards.find((x) => x.id === body['ward']);
      if (!w) return fail(reply, 400, 'bad-request', '区を選んでください（ward は設定にある区の id）。', 'ward');
      ward = w.id;
      if (role === 'submitter') {
        if (typeof body['division'] !== 'string' || !w.divisions.includes(body['division']))
          return fail(reply, 400, 'bad-request', `課を選んでください（division は${w.name}の課の名前）。`, 'division');
        division = body['division'];
      }
    }
    const spec: Omit<IssuedToken, 'id' | 'issuedAt'> = {
      role,
      ward,
      division,
      name,
      issuedBy: actorOf(req.principal!),
    };
    const made = await issued.issue(spec);
    if (!made) return fail(reply, 503, 'unavailable', UNAVAILABLE);
    req.log.info({ issued: made.entry.id }, 'token issued');
    await recordAudit(trail, req, 'token-issue', {
      ward,
      division,
      target: `${tokenText(made.entry, wardName(ward))} ID ${made.entry.id}`,
    });
    return reply
      .code(201)
      .header('cache-control', 'no-store')
      .send({
        ...made.entry,
        token: made.token,
        note: 'このトークンは今だけ表示されます。使う人に安全な方法で渡してください。',
      });
  });

  app.delete('/api/admin/tokens/:id', { onRequest: adminOnly }, async (req, reply) => {
    const { id } = req.params as { id: string };
    // Redis away: say so, rather than "no such token" (the token would still work once Redis is back).
    if ((await issued.list()) === null) return fail(reply, 503, 'unavailable', UNAVAILABLE);
    const gone = await issued.revoke(id);
    if (!gone) {
      const configured = config.tokens.some((t) => (t.tokenSha256 ?? tokenSha256(t.token ?? '')).startsWith(id));
      return fail(
        reply,
        404,
        'not-found',
        configured && /^[0-9a-f]{16}$/.test(id)
          ? 'このトークンは設定ファイルにあるため、画面からは取り消せません。設定ファイルから消して serve を再起動してください。'
          : 'そのトークンは発行されていないか、すでに取り消されています。',
      );
    }
    const ended = await sessions.endAllOf(gone.id);
    await recordAudit(trail, req, 'token-revoke', {
      ward: gone.ward,
      division: gone.division,
      target: `${tokenText(gone, wardName(gone.ward))} ID ${gone.id}`,
      detail: ended > 0 ? `ログイン中の ${ended} 件のセッションも終了` : null,
    });
    return reply.header('cache-control', 'no-store').send({ revoked: gone.id, name: gone.name, sessionsEnded: ended });
  });
}
