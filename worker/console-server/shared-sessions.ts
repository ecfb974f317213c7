// Sign-in sessions kept in Redis (through SharedState), so a restart of `serve`, or a second `serve` on the
// same Redis, keeps everybody signed in. Redis holds only the SHA-256 of each session id: a copy of its data
// does not sign anyone in. Each token keeps at most MAX_SESSIONS_PER_TOKEN sessions; a new one ends the oldest.
//
// Redis is the only place a session lives: while it cannot be reached, no session is made (sign-in fails closed
// with SessionStoreUnavailable, answered 503), so no process honours a session the others do not know, and none
// is lost when Redis returns. A ログアウト that cannot reach Redis is remembered here and sent again every
// RETRY_END_MS until Redis takes it; meanwhile this process refuses that session itself.
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../intake/auth.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './session.ts';
import type { SharedState } from './shared-state.ts';

/** Browsers signed in with one token at a time; the oldest session ends when one more signs in. */
export const MAX_SESSIONS_PER_TOKEN = 10;
/** lastSeenAt is written back at most this often per session (a page polls every few seconds). */
const TOUCH_WRITE_MS = 15_000;
/** How often an ログアウト that could not reach Redis is sent again. */
const RETRY_END_MS = 1000;

/** Redis could not store a new session: sign-in answers 503 (nothing is kept in one process's memory). */
export class SessionStoreUnavailable extends Error {
  constructor() {
    super('session store unavailable');
    this.name = 'SessionStoreUnavailable';
  }
}

interface Stored {
  principal: Principal;
  /** The first 16 hex digits of the token's SHA-256: which token signed in (for the cap and the audit). */
  tokenId: string;
  /** The person the token names, when it names one. */
  name: string | null;
  createdAt: number;
  lastSeenAt: number;
}

export interface SharedSession extends Stored {
  id: string;
}

const key = (id: string) => `session:${createHash('sha256').update(id).digest('hex')}`;

export class SharedSessions {
  /** Sessions ended here while Redis was away: their keys, until when they could still be alive. */
  private readonly ended = new Map<string, number>();
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly state: SharedState,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private ttl(s: Stored, at: number): number {
    return Math.min(this.limits.idleMs - (at - s.lastSeenAt), this.limits.maxAgeMs - (at - s.createdAt));
  }

  async create(principal: Principal, tokenId: string, name: string | null = null): Promise<SharedSession> {
    const at = this.now();
    const id = randomBytes(32).toString('base64url');
    const stored: Stored = { principal, tokenId, name, createdAt: at, lastSeenAt: at };
    if (!(await this.state.setShared(key(id), JSON.stringify(stored), this.ttl(stored, at))))
      throw new SessionStoreUnavailable();
    const ended = await this.state.capSet(
      `sessions-of:${tokenId}`,
      key(id),
      at,
      MAX_SESSIONS_PER_TOKEN,
      this.limits.maxAgeMs,
    );
    await this.state.delete(...ended);
    return { id, ...stored };
  }

  /** The live session of an id (its idle clock restarted), or null when unknown, expired or idle too long. */
  async touch(id: string): Promise<SharedSession | null> {
    if (!/^[\w-]{20,100}$/.test(id) || this.ended.has(key(id))) return null;
    const text = await this.state.get(key(id));
    if (!text) return null;
    let stored: Stored;
    try {
      stored = JSON.parse(text) as Stored;
    } catch {
      return null;
    }
    const at = this.now();
    if (this.ttl(stored, at) <= 0) {
      await this.state.delete(key(id));
      return null;
    }
    if (at - stored.lastSeenAt >= TOUCH_WRITE_MS) {
      stored.lastSeenAt = at;
      await this.state.setShared(key(id), JSON.stringify(stored), this.ttl(stored, at));
    }
    return { id, ...stored };
  }

  async destroy(id: string): Promise<void> {
    if (await this.state.deleteShared(key(id))) return;
    this.ended.set(key(id), this.now() + this.limits.maxAgeMs);
    this.retry ??= setInterval(() => void this.sendEnded(), RETRY_END_MS).unref();
  }

  /** Sends the ログアウト that could not reach Redis again; stops once Redis has taken them all. */
  private async sendEnded(): Promise<void> {
    const at = this.now();
    for (const [k, until] of this.ended) {
      if (until <= at || (await this.state.deleteShared(k))) this.ended.delete(k);
      else break;
    }
    if (this.ended.size === 0 && this.retry) {
      clearInterval(this.retry);
      this.retry = null;
    }
  }

  /** Ends every session a token started (the token was revoked). */
  async endAllOf(tokenId: string): Promise<number> {
    const keys = await this.state.takeSet(`sessions-of:${tokenId}`);
    await this.state.delete(...keys);
    return keys.length;
  }
}
