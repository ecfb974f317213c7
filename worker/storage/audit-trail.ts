// 操作履歴: who did what in the service (submitted, sent back, built or downloaded a summary, downloaded a
// stored workbook or the status list, issued or revoked a token, sent reminders, changed a deadline), kept in
// Redis so every `serve` writes to and reads the same trail. One capped list per ward (the newest
// AUDIT_KEEP_PER_WARD entries), and one for what belongs to no ward (an admin token issued or revoked).
// Writing never holds up or fails the action it records: a slow or absent Redis loses the entry, not the action.
import type { Redis } from 'ioredis';
import type { AuditAction, AuditEntry } from '../console-server/api-types.ts';
import { within } from './year-store.ts';

export type { AuditAction, AuditEntry };

/** Entries kept per ward (and for the service-wide list); older ones are dropped as new ones come. */
export const AUDIT_KEEP_PER_WARD = 5000;
/** The list of entries that belong to no ward. */
export const SERVICE_SCOPE = '_service';
const WRITE_MS = 500;
const READ_MS = 1500;

export interface AuditPage {
  entries: AuditEntry[];
  /** More entries are there beyond this page. */
  more: boolean;
}

export class AuditTrail {
  constructor(
    private readonly redis: Redis | null,
    private readonly prefix = 'mokuhyo:audit',
  ) {}

  private key(scope: string): string {
    return `${this.prefix}:${scope}`;
  }

  /** Adds an entry (at: now unless given) to its ward's list; false when Redis did not take it in time. */
  async record(entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<boolean> {
    const redis = this.redis;
    if (!redis || redis.status !== 'ready') return false;
    const full: AuditEntry = { ...entry, at: entry.at ?? new Date().toISOString() };
    const key = this.key(full.ward ?? SERVICE_SCOPE);
    const write = redis
      .multi()
      .lpush(key, JSON.stringify(full))
      .ltrim(key, 0, AUDIT_KEEP_PER_WARD - 1)
      .exec()
      .then(() => true);
    return within(write, WRITE_MS, false);
  }

  /**
   * Newest first. `scopes`: the ward ids to read (a coordinator: their own; an admin: every ward and the
   * service's list, or one ward). Null when Redis cannot be read (the caller says so instead of an empty page).
   */
  async page(scopes: readonly string[], offset: number, limit: number): Promise<AuditPage | null> {
    const redis = this.redis;
    if (!redis || redis.status !== 'ready') return null;
    const read = async (): Promise<AuditPage> => {
      const lists = await Promise.all(scopes.map((s) => redis.lrange(this.key(s), 0, offset + limit)));
      const all = lists
        .flat()
        .map((text) => parse(text))
        .filter((e): e is AuditEntry => e !== null)
        .sort((a, b) => b.at.localeCompare(a.at));
      return { entries: all.slice(offset, offset + limit), more: all.length > offset + limit };
    };
    return within<AuditPage | null>(read(), READ_MS, null);
  }
}

function parse(text: string): AuditEntry | null {
  try {
    const e = JSON.parse(text) as AuditEntry;
    return typeof e.at === 'string' && typeof e.action === 'string' ? e : null;
  } catch {
    return null;
  }
}
