// What a coordinator sets for a ward-year beyond the config, kept in Redis so every `serve` and worker
// process sees it at once: the 提出期限 they changed, the reminder schedule, and the mails sent.
import type { Redis } from 'ioredis';

/** One 督促メール as it was sent (or refused by the SMTP server). */
export interface MailRecord {
  at: string;
  /** Who asked: "集計担当" or "自動（期限の N 日前）". */
  by: string;
  division: string;
  to: string[];
  /** The CC addresses the mail carried (config `mail.cc`); absent in records written before it was kept. */
  cc?: string[];
  subject: string;
  /** The statuses the mail was about (未提出, 差戻し…). */
  status: string;
  ok: boolean;
  error: string | null;
}

/** A ward-year's settings made in the console. */
export interface YearSettings {
  /** 提出期限 set in the console (YYYY-MM-DD); null: none set there (the config's applies). */
  deadline: string | null;
  /** Send reminders automatically this many days before the deadline; null: never automatically. */
  reminderDaysBefore: number | null;
  /** The JST date the automatic reminder was last sent, so it goes once. */
  lastAutoReminder: string | null;
  /** Build the summary every day at this Japan time (HH:MM); null: only when the coordinator asks. */
  summaryTime: string | null;
}

/** Where ward-year settings live (Redis in the service, a map in unit tests of its users). */
export interface YearStore {
  settings(ward: string, fiscalYear: number): Promise<YearSettings>;
  update(ward: string, fiscalYear: number, patch: Partial<YearSettings>): Promise<YearSettings>;
  /** Takes a scheduled task (`reminder:2021-04-28`, `summary:…`) for this process: false when another process already has. */
  claim(ward: string, fiscalYear: number, task: string, ttlSeconds?: number): Promise<boolean>;
  /** Gives a claimed task back (a send that delivered nothing must not block the next try). */
  release(ward: string, fiscalYear: number, task: string): Promise<void>;
  addMail(ward: string, fiscalYear: number, record: MailRecord): Promise<void>;
  /** Sent mails, newest first. */
  mails(ward: string, fiscalYear: number, limit?: number): Promise<MailRecord[]>;
}

const MAIL_KEEP = 2000;

/** The ward-year settings in Redis: one hash and one list per ward-year. */
export class RedisYearStore implements YearStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'mokuhyo:year',
  ) {}

  private key(ward: string, fiscalYear: number, part: string): string {
    return `${this.prefix}:${ward}:${fiscalYear}:${part}`;
  }

  async settings(ward: string, fiscalYear: number): Promise<YearSettings> {
    const h = await this.redis.hgetall(this.key(ward, fiscalYear, 'settings'));
    const days = h['reminderDaysBefore'] ? Number(h['reminderDaysBefore']) : NaN;
    return {
      deadline: h['deadline'] || null,
      reminderDaysBefore: Number.isInteger(days) ? days : null,
      lastAutoReminder: h['lastAutoReminder'] || null,
      summaryTime: h['summaryTime'] || null,
    };
  }

  async update(ward: string, fiscalYear: number, patch: Partial<YearSettings>): Promise<YearSettings> {
    const key = this.key(ward, fiscalYear, 'settings');
    const set: Record<string, string> = {};
    const del: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) del.push(field);
      else if (value !== undefined) set[field] = String(value);
    }
    const multi = this.redis.multi();
    if (Object.keys(set).length > 0) multi.hset(key, set);
    if (del.length > 0) multi.hdel(key, ...del);
    await multi.exec();
    return this.settings(ward, fiscalYear);
  }

  async claim(ward: string, fiscalYear: number, task: string, ttlSeconds = 3 * 86_400): Promise<boolean> {
    const taken = await this.redis.set(this.key(ward, fiscalYear, `auto:${task}`), '1', 'EX', ttlSeconds, 'NX');
    return taken === 'OK';
  }

  async release(ward: string, fiscalYear: number, task: string): Promise<void> {
    await this.redis.del(this.key(ward, fiscalYear, `auto:${task}`));
  }

  async addMail(ward: string, fiscalYear: number, record: MailRecord): Promise<void> {
    const key = this.key(ward, fiscalYear, 'mails');
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(record))
      .ltrim(key, 0, MAIL_KEEP - 1)
      .exec();
  }

  async mails(ward: string, fiscalYear: number, limit = 200): Promise<MailRecord[]> {
    const raw = await this.redis.lrange(this.key(ward, fiscalYear, 'mails'), 0, limit - 1);
    return raw.map((r) => JSON.parse(r) as MailRecord);
  }
}

/** A read that gives up after `ms` (the service's Redis client queues commands while Redis is away). */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}
