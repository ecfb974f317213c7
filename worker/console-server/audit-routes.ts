// 操作履歴 (GET /api/audit): a coordinator reads their own ward's trail, an admin every ward's (or one);
// a submitter none. Fail-closed: an unknown role, a ward the caller may not see, or a trail that cannot be read
// is refused, never answered with someone else's entries or an empty page that looks complete.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.ts';
import type { Principal } from '../intake/auth.ts';
import { AUDIT_KEEP_PER_WARD, SERVICE_SCOPE, type AuditTrail } from '../storage/audit-trail.ts';
import type { AuditAction, AuditEntry, AuditList } from './api-types.ts';

/** Who did it, for records: the token's person when it names one, else the role. */
export function actorOf(p: Principal): string {
  if (p.name) return p.name;
  return p.role === 'coordinator' ? '集計担当' : p.role === 'submitter' ? p.division : '管理者';
}

/**
 * A submission as 操作履歴 names it: the file name it came with, or `<課>_提出.xlsx` (the name its download
 * carries, and the console shows) for a file sent without one. Never the raw id.
 */
export function submissionTarget(meta: { fileName?: string | null | undefined; division: string }): string {
  return meta.fileName ?? `${meta.division}_提出.xlsx`;
}

/** The short 提出番号 the add-in and 操作履歴 show (the id's first 8 characters, upper case). */
export function submissionNumber(id: string): string {
  return id.split('-')[0]!.slice(0, 8).toUpperCase();
}

/** An entry for what a principal did (who and role from the principal). */
export function auditEntryOf(
  p: Principal,
  action: AuditAction,
  fields: { ward: string | null; division?: string | null; target?: string | null; detail?: string | null },
): Omit<AuditEntry, 'at'> {
  return {
    action,
    by: actorOf(p),
    role: p.role,
    ward: fields.ward,
    division: fields.division ?? (p.role === 'submitter' ? p.division : null),
    target: fields.target ?? null,
    detail: fields.detail ?? null,
  };
}

/** Records what a request's principal did, without waiting on it longer than the trail's write limit. */
export async function recordAudit(
  trail: AuditTrail | null | undefined,
  req: FastifyRequest,
  action: AuditAction,
  fields: Parameters<typeof auditEntryOf>[2],
): Promise<void> {
  const p = req.principal;
  if (!trail || !p) return;
  const ok = await trail.record(auditEntryOf(p, action, fields));
  if (!ok) req.log.warn({ action }, 'audit entry not stored (Redis unavailable)');
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export function registerAuditRoutes(app: FastifyInstance, deps: { config: Config; trail: AuditTrail }): void {
  const { config, trail } = deps;
  app.get('/api/audit', async (req, reply) => {
    const p = req.principal;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const asked = typeof query['ward'] === 'string' && query['ward'] !== '' ? query['ward'] : null;
    const number = (value: unknown, fallback: number): number | null => {
      if (value === undefined || value === '') return fallback;
      return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : null;
    };
    const limit = number(query['limit'], DEFAULT_LIMIT);
    const offset = number(query['offset'], 0);
    if (limit === null || offset === null || limit < 1 || limit > MAX_LIMIT)
      return fail(reply, 400, 'bad-request', `limit は 1〜${MAX_LIMIT}、offset は 0 以上の整数で指定してください。`);
    let scopes: string[];
    let ward: string | null;
    let wards: { id: string; name: string }[];
    if (p?.role === 'coordinator') {
      const own = config.wards.find((w) => w.id === p.ward);
      if (!own) return fail(reply, 403, 'forbidden', 'トークンの区が設定にありません。');
      if (asked !== null && asked !== own.id)
        return fail(reply, 403, 'forbidden', '見られるのは自分の区の操作履歴だけです。');
      scopes = [own.id];
      ward = own.id;
      wards = [{ id: own.id, name: own.name }];
    } else if (p?.role === 'admin') {
      wards = config.wards.map((w) => ({ id: w.id, name: w.name }));
      if (asked !== null && asked !== SERVICE_SCOPE && !config.wards.some((w) => w.id === asked))
        return fail(reply, 400, 'bad-request', 'ward は設定にある区の id にしてください。');
      scopes = asked === null ? [...config.wards.map((w) => w.id), SERVICE_SCOPE] : [asked];
      ward = asked;
    } else {
      return fail(reply, 403, 'forbidden', '操作履歴を見られるのは区の集計担当と管理者だけです。');
    }
    const page = await trail.page(scopes, offset, limit);
    if (!page)
      return fail(
        reply.header('retry-after', '30'),
        503,
        'redis-unavailable',
        '操作履歴を読み込めません（Redis に接続できません）。しばらくしてからやり直してください。',
      );
    const answer: AuditList = {
      entries: page.entries,
      ward,
      offset,
      limit,
      more: page.more,
      keepPerWard: AUDIT_KEEP_PER_WARD,
      wards,
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });
}
