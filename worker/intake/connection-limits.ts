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
  /** A request on it is being answered (its headers are in): not evicted for a newcomer. */
  busy: boolean;
}

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
  }

  /** Marks the connection of a request as busy until its response is finished. */
  markBusy(req: IncomingMessage, res: ServerResponse): void {
    const tracked = this.all.get(req.socket);
    if (!tracked) return;
    tracked.busy = true;
    const done = () => {
      tracked.busy = false;
    };
    res.once('finish', done);
    res.once('close', done);
  }

  /** Open connections now (all clients). */
  get open(): number {
    return this.all.size;
  }

  private admit(socket: Socket): void {
    const address = socket.remoteAddress ?? '?';
    const tracked: Tracked = { socket, address, busy: false };
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

  /** Closes the oldest connection among `candidates` that is not busy; false when all are. */
  private evictFrom(candidates: Iterable<Tracked>): boolean {
    for (const t of candidates) {
      if (t.busy || t.socket.destroyed) continue;
      t.socket.destroy();
      this.forget(t);
      this.evicted++;
      return true;
    }
    return false;
  }

  private forget(t: Tracked): void {
    this.all.delete(t.socket);
    this.byAddress.get(t.address)?.delete(t);
  }
}
