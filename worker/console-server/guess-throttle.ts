// Brakes on guessing tokens, shared by every `serve` on one Redis (SharedState). A whole office may sit behind
// one proxy address, so no brake here ever refuses a right token because of someone else's wrong ones:
//
// - Slow mode per address. Once an address has more wrong Bearer tokens (20) or failed sign-ins (10 from
//   browsers without a device cookie, 100 from all its browsers) than allowed in the window (5 minutes), every
//   Bearer and sign-in attempt from it waits before it is answered — a right token and a wrong one alike, so
//   the answer's status comes no sooner for a wrong token than for a right one. The wait is 1 s per limit's
//   worth of failures in the window, at most 5 s: a right token from that address is answered within 5 s plus
//   its ordinary time, and a guesser gets at most one answer per open connection per wait.
// - The same wrong value presented again and again (a stale token in a script, a guesser replaying) is refused
//   429 after 20 failures in the window: that value is known to be wrong, so the refusal tells nothing.
// - A browser that signed in before carries a device cookie and is refused (429) after 10 failures of its own,
//   before its body is read; nobody else's failures count against it.
// - Sessions (the console's cookie) are never braked: they were made with a right token.
//
// No cap on the number of attempts waiting at once: a cap that refused the attempt past it would refuse a right
// token too (what the brake must never do), and one that refused only wrong tokens, or made only them queue,
// would tell which tokens are wrong sooner than the wait. Open connections per address are capped by the
// connection limiter (`http.maxConnectionsPerAddress`), which bounds how many answers a guesser can wait for.
import { createHash, randomBytes } from 'node:crypto';
import type { SharedState } from './shared-state.ts';

export interface GuessLimits {
  /** Failed sign-ins per browser (device cookie), or per address for browsers without one. */
  signIn: number;
  /** Failed sign-ins from one address over all its browsers. */
  signInPerAddress: number;
  /** Wrong bearer tokens per address (then slow mode), and per presented token (then 429). */
  bearer: number;
  windowMs: number;
  /** Slow mode: the wait per limit's worth of failures in the window. */
  slowMs: number;
  /** Slow mode: the longest wait, whatever the failures. */
  maxSlowMs: number;
}

export const DEFAULT_GUESS_LIMITS: Readonly<GuessLimits> = Object.freeze({
  signIn: 10,
  signInPerAddress: 100,
  bearer: 20,
  windowMs: 5 * 60_000,
  slowMs: 1000,
  maxSlowMs: 5000,
});

/** The console's device cookie: sent to the sign-in route only. */
export const DEVICE_COOKIE = 'mokuhyo_device';
const DEVICE_DAYS = 400;

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);

/** 'ok' (the token matched), 'wrong' (answer 401; counted), or a refusal of a repeated wrong value (429). */
export type GuessVerdict = 'ok' | 'wrong' | { retryAfter: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class GuessThrottle {
  constructor(
    private readonly state: SharedState,
    private readonly limits: GuessLimits = DEFAULT_GUESS_LIMITS,
  ) {}

  /** A new device id and its Set-Cookie value (HttpOnly, SameSite=Strict, Path=/api/session). */
  static deviceCookie(secure: boolean): { id: string; cookie: string } {
    const id = randomBytes(24).toString('base64url');
    const cookie = [
      `${DEVICE_COOKIE}=${id}`,
      'Path=/api/session',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${DEVICE_DAYS * 24 * 3600}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');
    return { id, cookie };
  }

  private async knownDevice(device: string | null): Promise<string | null> {
    if (!device || !/^[\w-]{20,64}$/.test(device)) return null;
    const h = hash(device);
    return (await this.state.get(`device:${h}`)) ? h : null;
  }

  /** Seconds until the first of `keys` over its limit leaves its window, or 0 when none is over. */
  private async refusal(keys: [string, number][]): Promise<number> {
    let wait = 0;
    for (const [key, max] of keys) {
      const { count, resetMs } = await this.state.peek(key);
      if (count >= max) wait = Math.max(wait, Math.max(1, Math.ceil(resetMs / 1000)));
    }
    return wait;
  }

  /** Slow mode: the wait (ms) for an attempt from an address whose failures in `keys` are over their limits. */
  async slowMs(keys: [string, number][]): Promise<number> {
    let ms = 0;
    for (const [key, max] of keys) {
      const { count } = await this.state.peek(key);
      if (count >= max) ms = Math.max(ms, this.limits.slowMs * Math.floor(count / max));
    }
    return Math.min(ms, this.limits.maxSlowMs);
  }

  /**
   * The verdict on one attempt, after slow mode's wait: the same for a right and a wrong token (the caller has
   * already looked the token up, so both took that time too). Wrong ones count in `failKeys` and per token.
   */
  private async judge(
    token: string,
    valid: boolean,
    slowKeys: [string, number][],
    failKeys: string[],
  ): Promise<GuessVerdict> {
    const perToken = `fail:token:${hash(token)}`;
    const [repeated, slow] = await Promise.all([this.refusal([[perToken, this.limits.bearer]]), this.slowMs(slowKeys)]);
    if (!valid && repeated > 0) return { retryAfter: repeated };
    if (slow > 0) await sleep(slow);
    if (valid) return 'ok';
    for (const key of [...failKeys, perToken]) await this.state.count(key, this.limits.windowMs);
    return 'wrong';
  }

  /**
   * Before a sign-in's body is read: seconds this browser must wait, when it has signed in before (device
   * cookie) and has failed too often itself; 0 otherwise (an address over its limits is slowed, not refused).
   */
  async signInWait(_address: string, device: string | null): Promise<number> {
    const known = await this.knownDevice(device);
    return known ? this.refusal([[`fail:device:${known}`, this.limits.signIn]]) : 0;
  }

  /** The verdict on a sign-in with `token` (`valid`: it matched), after slow mode's wait. */
  async signIn(address: string, device: string | null, token: string, valid: boolean): Promise<GuessVerdict> {
    const known = await this.knownDevice(device);
    const all: [string, number] = [`fail:signin-all:${address}`, this.limits.signInPerAddress];
    // A browser that signed in before is slowed only when the address as a whole is over its (larger) limit.
    // Wrong Bearer tokens from the address slow its sign-ins too: a guesser gets one budget, not one per route.
    const bearer: [string, number] = [`fail:bearer:${address}`, this.limits.bearer];
    const slowKeys: [string, number][] = known
      ? [all, bearer]
      : [[`fail:signin:${address}`, this.limits.signIn], all, bearer];
    const failKeys = [known ? `fail:device:${known}` : `fail:signin:${address}`, all[0]];
    return this.judge(token, valid, slowKeys, failKeys);
  }

  /** Marks a device that has signed in: from now on it is braked on its own failures. */
  async rememberDevice(device: string): Promise<void> {
    await this.state.set(`device:${hash(device)}`, '1', DEVICE_DAYS * 24 * 3600_000);
  }

  /** The verdict on a bearer token from an address (`valid`: it matched), after slow mode's wait. */
  async bearer(address: string, token: string, valid: boolean): Promise<GuessVerdict> {
    const perAddress = `fail:bearer:${address}`;
    // Failed sign-ins from the address slow its Bearer attempts too (one budget per address, every route).
    const slowKeys: [string, number][] = [
      [perAddress, this.limits.bearer],
      [`fail:signin:${address}`, this.limits.signIn],
      [`fail:signin-all:${address}`, this.limits.signInPerAddress],
    ];
    return this.judge(token, valid, slowKeys, [perAddress]);
  }
}
