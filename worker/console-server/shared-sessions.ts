// Sign-in sessions kept in Redis (through SharedState), so a restart of `serve`, or a second `serve` on the
// same Redis, keeps everybody signed in. Redis holds only the SHA-256 of each session id: a copy of its data
// does not sign anyone in. Each token keeps at most MAX_SESSIONS_PER_TOKEN sessions; a new one ends the oldest.
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../intake/auth.ts';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './session.ts';
import type { SharedState } from './shared-state.ts';

/** Browsers signed in with one token at a time; the oldest session ends when one more signs in. */
export const MAX_SESSIONS_PER_TOKEN = 10;
/** lastSeenAt is written back at most this often per session (a page polls every few seconds). */
const TOUCH_WRITE_MS = 15_000;

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
    await this.state.set(key(id), JSON.stringify(stored), this.ttl(stored, at));
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
    if (!/^[\w-]{20,100}$/.test(id)) return null;
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
      await this.state.set(key(id), JSON.stringify(stored), this.ttl(stored, at));
    }
    return { id, ...stored };
  }

  async destroy(id: string): Promise<void> {
    await this.state.delete(key(id));
  }

  /** Ends every session a token started (the token was revoked). */
  async endAllOf(tokenId: string): Promise<number> {
    const keys = await this.state.takeSet(`sessions-of:${tokenId}`);
    await this.state.delete(...keys);
    return keys.length;
  }
}
