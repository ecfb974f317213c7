// The admin's tokens without a restart (issue 22 "People"): list the config's and the issued tokens, issue
// one for a named person (shown once), revoke one (its sessions end at once). Admin only; see docs/api.md.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config/index.ts';
import { tokenSha256 } from '../intake/auth.ts';
import type { IssuedToken, IssuedTokens } from '../intake/issued-tokens.ts';
import type { SharedSessions } from './shared-sessions.ts';

export interface TokenRouteDeps {
  config: Config;
  issued: IssuedTokens;
  sessions: SharedSessions;
}

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

const UNAVAILABLE = 'トークンの保存先（Redis）に接続できません。しばらくしてからやり直してください。';

export function registerTokenRoutes(app: FastifyInstance, deps: TokenRouteDeps): void {
  const { config, issued, sessions } = deps;
  const adminOnly = async (req: { principal: { role: string } | null }, reply: FastifyReply) => {
    if (req.principal?.role !== 'admin')
      return fail(reply, 403, 'forbidden', 'トークンを扱えるのは運用担当（admin）だけです。');
  };

  app.get('/api/admin/tokens', { onRequest: adminOnly }, async (_req, reply) => {
    const list = await issued.list();
    if (!list) return fail(reply, 503, 'unavailable', UNAVAILABLE);
    const fromConfig = config.tokens.map((t) => ({
      id: (t.tokenSha256 ?? tokenSha256(t.token ?? '')).slice(0, 16),
      role: t.role,
      ward: t.role === 'admin' ? null : t.ward,
      division: t.role === 'submitter' ? t.division : null,
      name: t.name ?? null,
      source: 'config' as const,
    }));
    return reply
      .header('cache-control', 'no-store')
      .send({ config: fromConfig, issued: list.map((t) => ({ ...t, source: 'issued' as const })) });
  });

  app.post('/api/admin/tokens', { onRequest: adminOnly, bodyLimit: 4096 }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const role = body['role'];
    const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
    if (role !== 'submitter' && role !== 'coordinator' && role !== 'admin')
      return fail(reply, 400, 'bad-request', 'role は submitter、coordinator、admin のいずれかにしてください。');
    if (name === '' || name.length > 100)
      return fail(reply, 400, 'bad-request', 'name（使う人の名前）を 100 文字以内で書いてください。');
    let ward: string | null = null;
    let division: string | null = null;
    if (role !== 'admin') {
      const w = config.wards.find((x) => x.id === body['ward']);
      if (!w) return fail(reply, 400, 'bad-request', 'ward は設定にある区の id にしてください。');
      ward = w.id;
      if (role === 'submitter') {
        if (typeof body['division'] !== 'string' || !w.divisions.includes(body['division']))
          return fail(reply, 400, 'bad-request', `division は${w.name}の課の名前にしてください。`);
        division = body['division'];
      }
    }
    const spec: Omit<IssuedToken, 'id' | 'issuedAt'> = { role, ward, division, name, issuedBy: 'admin' };
    const made = await issued.issue(spec);
    if (!made) return fail(reply, 503, 'unavailable', UNAVAILABLE);
    req.log.info({ issued: made.entry.id }, 'token issued');
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
    const gone = await issued.revoke(id);
    if (!gone) return fail(reply, 404, 'not-found', 'そのトークンは発行されていないか、すでに取り消されています。');
    const ended = await sessions.endAllOf(gone.id);
    return reply.header('cache-control', 'no-store').send({ revoked: gone.id, name: gone.name, sessionsEnded: ended });
  });
}
