// Brakes on guessing tokens, shared by every `serve` on one Redis (SharedState):
//
// - Sign-in (POST /api/session): a browser that signed in before carries a device cookie and is braked on its
//   own failures only, so one person's typos behind an office proxy lock out nobody else; a browser without one
//   is braked on its address. Every failure from an address also counts towards a larger cap for the address
//   as a whole, so minting device cookies does not buy unlimited guesses.
// - Bearer tokens on every route: failures are counted per address and per presented token. While either is
//   over its limit, a wrong token is answered 429 and so is a right one that has not been used from that
//   address before, so a lockout tells a guesser nothing; a token already in use there goes on working.
import { createHash, randomBytes } from 'node:crypto';
import type { SharedState } from './shared-state.ts';

export interface GuessLimits {
  /** Failed sign-ins per browser (device cookie), or per address for a browser without one. */
  signIn: number;
  /** Failed sign-ins from one address over all its browsers. */
  signInPerAddress: number;
  /** Wrong bearer tokens per address, and per presented token. */
  bearer: number;
  windowMs: number;
}

export const DEFAULT_GUESS_LIMITS: Readonly<GuessLimits> = Object.freeze({
  signIn: 10,
  signInPerAddress: 100,
  bearer: 20,
  windowMs: 5 * 60_000,
});

/** The console's device cookie: sent to the sign-in route only. */
export const DEVICE_COOKIE = 'mokuhyo_device';
const DEVICE_DAYS = 400;
/** A token known at an address stays known this long after its last use there. */
const KNOWN_MS = 30 * 24 * 3600_000;
/** How often a token's use at an address is written back (every request would be a write). */
const KNOWN_WRITE_MS = 10 * 60_000;

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);

export type BearerVerdict = 'ok' | 'wrong' | { retryAfter: number };

export class GuessThrottle {
  private readonly knownWritten = new Map<string, number>();

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

  private async signInKeys(address: string, device: string | null): Promise<[string, number][]> {
    const known = await this.knownDevice(device);
    return [
      known ? [`fail:device:${known}`, this.limits.signIn] : [`fail:signin:${address}`, this.limits.signIn],
      [`fail:signin-all:${address}`, this.limits.signInPerAddress],
    ];
  }

  private async wait(keys: [string, number][]): Promise<number> {
    let wait = 0;
    for (const [key, max] of keys) {
      const { count, resetMs } = await this.state.peek(key);
      if (count >= max) wait = Math.max(wait, Math.max(1, Math.ceil(resetMs / 1000)));
    }
    return wait;
  }

  /** Seconds this browser must wait before signing in again, or 0. */
  async signInWait(address: string, device: string | null): Promise<number> {
    return this.wait(await this.signInKeys(address, device));
  }

  async signInFailed(address: string, device: string | null): Promise<void> {
    for (const [key] of await this.signInKeys(address, device)) await this.state.count(key, this.limits.windowMs);
  }

  /** Marks a device that has signed in: from now on it is braked on its own failures. */
  async rememberDevice(device: string): Promise<void> {
    await this.state.set(`device:${hash(device)}`, '1', DEVICE_DAYS * 24 * 3600_000);
  }

  /**
   * The verdict on a bearer token from an address, given whether it matched (`valid`): 'ok', 'wrong'
   * (answer 401, the failure is counted) or a wait in seconds (answer 429).
   */
  async bearer(address: string, token: string, valid: boolean): Promise<BearerVerdict> {
    const t = hash(token);
    const keys: [string, number][] = [
      [`fail:bearer:${address}`, this.limits.bearer],
      [`fail:token:${t}`, this.limits.bearer],
    ];
    const wait = await this.wait(keys);
    const known = `known:${address}:${t}`;
    if (valid) {
      if (wait > 0 && !(await this.state.get(known))) return { retryAfter: wait };
      const written = this.knownWritten.get(known) ?? 0;
      if (Date.now() - written > KNOWN_WRITE_MS) {
        this.knownWritten.set(known, Date.now());
        if (this.knownWritten.size > 50_000) this.knownWritten.delete(this.knownWritten.keys().next().value as string);
        await this.state.set(known, '1', KNOWN_MS);
      }
      return 'ok';
    }
    if (wait > 0) return { retryAfter: wait };
    for (const [key] of keys) await this.state.count(key, this.limits.windowMs);
    return 'wrong';
  }
}
