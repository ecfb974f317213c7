import { randomBytes } from 'node:crypto';
import type { Principal } from '../intake/auth.ts';

/** One signed-in browser: who it speaks for and when it was last used. Kept in memory only. */
export interface Session {
  id: string;
  principal: Principal;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionLimits {
  /** A session ends this long after sign-in, however busy (default 8 hours: one working day). */
  maxAgeMs: number;
  /** …or after this long without a request (default 30 minutes). */
  idleMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxAgeMs: 8 * 3600_000, idleMs: 30 * 60_000 };

/**
 * Server-side sessions: the cookie carries only a random id (256 bits); expiry and idle timeout are
 * decided here, so a stolen cookie dies with the session and ログアウト really ends it. A restart of
 * `serve` signs everybody out, which is the safe direction.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  create(principal: Principal): Session {
    this.sweep();
    const at = this.now();
    const session: Session = { id: randomBytes(32).toString('base64url'), principal, createdAt: at, lastSeenAt: at };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session of an id (its idle clock restarted), or null when unknown, expired or idle too long. */
  touch(id: string): Session | null {
    const session = this.sessions.get(id);
    if (!session) return null;
    const at = this.now();
    if (at - session.createdAt >= this.limits.maxAgeMs || at - session.lastSeenAt >= this.limits.idleMs) {
      this.sessions.delete(id);
      return null;
    }
    session.lastSeenAt = at;
    return session;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Drops dead sessions, so the map cannot grow with abandoned browsers. */
  private sweep(): void {
    const at = this.now();
    for (const [id, s] of this.sessions) {
      if (at - s.createdAt >= this.limits.maxAgeMs || at - s.lastSeenAt >= this.limits.idleMs) this.sessions.delete(id);
    }
  }
}

/**
 * A small per-address brake on wrong tokens: after `max` failures within `windowMs` the address waits
 * until the oldest of them leaves the window. A success does not reset it (it would let an attacker who
 * holds one token probe for others).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 5 * 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Seconds the address must wait before trying again, or 0. */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.max) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }
}
