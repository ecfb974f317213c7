// Small keyed state that several `serve` processes share through Redis — sign-in sessions, failed-guess
// counters, known devices — with this process's memory as the fallback while Redis is away. A request never
// waits on an outage: the connection's offline queue would hold a command until Redis came back, so a
// command is sent only when the connection is ready, and given up after a short wait.
import type { Redis } from 'ioredis';

/** How long one command may take before the answer is taken from memory instead. */
const COMMAND_MS = 500;
/** Keys of the memory fallback, at most; the oldest goes first. */
const MEMORY_KEYS = 100_000;
export const KEY_PREFIX = 'mokuhyo:console:';

interface Held {
  value: string;
  expiresAt: number;
}

/** String values with a time to live, and windowed counters; Redis when it answers, else memory. */
export class SharedState {
  private readonly memory = new Map<string, Held>();

  constructor(
    private readonly redis: Redis | null,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** True while Redis is connected (values written now are seen by every process). */
  get shared(): boolean {
    return this.redis !== null && this.redis.status === 'ready';
  }

  private async command<T>(run: (redis: Redis) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    if (!this.redis || this.redis.status !== 'ready') return { ok: false };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ ok: false }>((done) => {
      timer = setTimeout(() => done({ ok: false }), COMMAND_MS);
    });
    try {
      return await Promise.race([run(this.redis).then((value) => ({ ok: true as const, value })), timeout]);
    } catch {
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  private held(key: string): Held | undefined {
    const held = this.memory.get(key);
    if (held && held.expiresAt <= this.now()) {
      this.memory.delete(key);
      return undefined;
    }
    return held;
  }

  private hold(key: string, value: string, ttlMs: number): void {
    this.memory.delete(key);
    this.memory.set(key, { value, expiresAt: this.now() + ttlMs });
    if (this.memory.size > MEMORY_KEYS) this.memory.delete(this.memory.keys().next().value as string);
  }

  async get(key: string): Promise<string | null> {
    const answer = await this.command((r) => r.get(KEY_PREFIX + key));
    if (answer.ok) return answer.value;
    return this.held(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const answer = await this.command((r) => r.set(KEY_PREFIX + key, value, 'PX', ttl));
    if (!answer.ok) this.hold(key, value, ttl);
  }

  /** Writes to Redis only (no memory fallback): true when Redis has stored it. */
  async setShared(key: string, value: string, ttlMs: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    this.memory.delete(key);
    return (await this.command((r) => r.set(KEY_PREFIX + key, value, 'PX', ttl))).ok;
  }

  /** Deletes from Redis (and memory): true when Redis answered. */
  async deleteShared(...keys: string[]): Promise<boolean> {
    for (const key of keys) this.memory.delete(key);
    return keys.length === 0 || (await this.command((r) => r.del(...keys.map((k) => KEY_PREFIX + k)))).ok;
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.memory.delete(key);
    if (keys.length > 0) await this.command((r) => r.del(...keys.map((k) => KEY_PREFIX + k)));
  }

  /**
   * Adds one to the counter of `key` in a fixed window of `windowMs` (the window starts with the first
   * count); answers the count and the milliseconds left in the window.
   */
  async count(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
    const full = KEY_PREFIX + key;
    const answer = await this.command(async (r) => {
      const [[, count], [, ttl]] = (await r.multi().incr(full).pttl(full).exec()) as [
        [unknown, number],
        [unknown, number],
      ];
      if (ttl < 0) await r.pexpire(full, windowMs);
      return { count, resetMs: ttl < 0 ? windowMs : ttl };
    });
    if (answer.ok) return answer.value;
    const held = this.held(key);
    const count = (held ? Number(held.value) : 0) + 1;
    const expiresAt = held?.expiresAt ?? this.now() + windowMs;
    this.memory.set(key, { value: String(count), expiresAt });
    return { count, resetMs: expiresAt - this.now() };
  }

  /** The counter of `key` and the milliseconds left in its window, without counting. */
  async peek(key: string): Promise<{ count: number; resetMs: number }> {
    const full = KEY_PREFIX + key;
    const answer = await this.command(async (r) => {
      const [[, value], [, ttl]] = (await r.multi().get(full).pttl(full).exec()) as [
        [unknown, string | null],
        [unknown, number],
      ];
      return { count: Number(value ?? 0), resetMs: Math.max(0, ttl) };
    });
    if (answer.ok) return answer.value;
    const held = this.held(key);
    return { count: held ? Number(held.value) : 0, resetMs: held ? held.expiresAt - this.now() : 0 };
  }

  /** Every member of a sorted set, removing the set (Redis only; the memory fallback's list likewise). */
  async takeSet(key: string): Promise<string[]> {
    const full = KEY_PREFIX + key;
    const answer = await this.command(async (r) => {
      const members = await r.zrange(full, '0', '-1');
      await r.del(full);
      return members;
    });
    const held = this.held(key);
    this.memory.delete(key);
    const local = held ? (JSON.parse(held.value) as [string, number][]).map(([m]) => m) : [];
    return [...new Set([...(answer.ok ? answer.value : []), ...local])];
  }

  /** Members of a sorted set (ids by creation time) for a cap: adds `member`, answers those past `keep`. */
  async capSet(key: string, member: string, score: number, keep: number, ttlMs: number): Promise<string[]> {
    const full = KEY_PREFIX + key;
    const answer = await this.command(async (r) => {
      await r.multi().zadd(full, score, member).pexpire(full, ttlMs).exec();
      const size = await r.zcard(full);
      if (size <= keep) return [];
      const popped = await r.zpopmin(full, size - keep);
      return popped.filter((_, i) => i % 2 === 0);
    });
    if (answer.ok) return answer.value;
    const held = this.held(key);
    const list = (held ? (JSON.parse(held.value) as [string, number][]) : []).filter(([m]) => m !== member);
    list.push([member, score]);
    list.sort((a, b) => a[1] - b[1]);
    const dropped = list.splice(0, Math.max(0, list.length - keep)).map(([m]) => m);
    this.hold(key, JSON.stringify(list), ttlMs);
    return dropped;
  }
}
