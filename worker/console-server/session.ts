// How long a console session lives; the sessions themselves are kept in Redis (shared-sessions.ts).

export interface SessionLimits {
  /** A session ends this long after sign-in, however busy (default 8 hours: one working day). */
  maxAgeMs: number;
  /** …or after this long without a request (default 30 minutes). */
  idleMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxAgeMs: 8 * 3600_000, idleMs: 30 * 60_000 };
