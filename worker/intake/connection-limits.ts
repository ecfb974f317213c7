import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionCaps {
  /** Open connections at once, all clients together. */
  maxConnections: number;
  /** Open connections at once from one client address. */
  maxPerAddress: number;
}

interface Tracked {
  socket: Socket;
  address: string;
  /** A request on it is being answered (its headers are in): not evicted for a newcomer unless stalled. */
  busy: boolean;
  /** The server is working on the request (its body is in, no answer yet): never evicted. */
  working: boolean;
  /** Bytes read and written when last looked at, and when they last changed. */
  seenBytes: number;
  seenAt: number;
}

/**
 * A busy connection whose bytes have not moved for this long — a body trickled or stopped, an answer the
 * client does not read — may be closed for a newcomer past a cap, after every idle connection.
 */
export const STALLED_MS = 2000;

/**
 * Caps concurrent connections, in total and per client address. A connection past a cap does not simply
 * lose: the oldest connection that is not being answered (a slow or silent client, one still sending its
 * headers, an idle keep-alive) is closed to make room, so a flood of slow anonymous connections cannot keep
 * `/healthz` or a real submission out. Only when every connection in the way is being answered is the
 * newcomer itself refused (answers are quick: a refusal closes at once, a body must arrive in time).
 */
export class ConnectionLimiter {
  private readonly all = new Map<Socket, Tracked>();
  private readonly byAddress = new Map<string, Set<Tracked>>();
  evicted = 0;

  constructor(private readonly caps: ConnectionCaps) {}

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.admit(socket));
    // Progress is sampled every second, so a connection is known to have stalled before a newcomer needs room.
    const sampler = setInterval(() => {
      for (const t of this.all.values()) this.stalled(t);
    }, 1000);
    sampler.unref();
    server.once('close', () => clearInterval(sampler));
  }

  /** Marks the connection of a request as busy until its response is finished. */
  markBusy(req: IncomingMessage, res: ServerResponse): void {
    const tracked = this.all.get(req.socket);
    if (!tracked) return;
    tracked.busy = true;
    const done = () => {
      tracked.busy = false;
      tracked.working = false;
    };
    res.once('finish', done);
    res.once('close', done);
  }

  /** The request's body is in and the server works on it (until `markSending`): never evicted meanwhile. */
  markWorking(req: IncomingMessage, working = true): void {
    const tracked = this.all.get(req.socket);
    if (tracked) tracked.working = working;
  }

  /** Open connections now (all clients). */
  get open(): number {
    return this.all.size;
  }

  private admit(socket: Socket): void {
    const address = socket.remoteAddress ?? '?';
    const tracked: Tracked = { socket, address, busy: false, working: false, seenBytes: 0, seenAt: Date.now() };
    const mine = this.byAddress.get(address) ?? new Set<Tracked>();
    if (mine.size >= this.caps.maxPerAddress && !this.evictFrom(mine)) return void socket.destroy();
    if (this.all.size >= this.caps.maxConnections && !this.evictFrom(this.all.values())) return void socket.destroy();
    this.all.set(socket, tracked);
    mine.add(tracked);
    this.byAddress.set(address, mine);
    socket.once('close', () => {
      this.all.delete(socket);
      mine.delete(tracked);
      if (mine.size === 0 && this.byAddress.get(address) === mine) this.byAddress.delete(address);
    });
  }

  /**
   * Closes the oldest connection among `candidates` that is not busy; failing that, the oldest busy one that
   * has stalled (receiving or sending, not being worked on) for STALLED_MS; false when there is none.
   */
  private evictFrom(candidates: Iterable<Tracked>): boolean {
    const list = [...candidates];
    const victim =
      list.find((t) => !t.busy && !t.socket.destroyed) ?? list.find((t) => !t.socket.destroyed && this.stalled(t));
    if (!victim) return false;
    victim.socket.destroy();
    this.forget(victim);
    this.evicted++;
    return true;
  }

  private stalled(t: Tracked): boolean {
    if (t.working) return false;
    const now = Date.now();
    const bytes = t.socket.bytesRead + t.socket.bytesWritten;
    if (bytes !== t.seenBytes) {
      t.seenBytes = bytes;
      t.seenAt = now;
      return false;
    }
    return now - t.seenAt >= STALLED_MS;
  }

  private forget(t: Tracked): void {
    this.all.delete(t.socket);
    this.byAddress.get(t.address)?.delete(t);
  }
}
