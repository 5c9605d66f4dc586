/**
 * Graceful shutdown of a node:http server that drops nothing a client has sent:
 *
 * - the listener stays open until nothing is in flight and QUIET_TURNS event-loop turns in a row
 *   have accepted no connection. Node takes about one queued connection per turn, so after a busy
 *   spell several may wait in the kernel's queue with their requests sent; closing the listener
 *   would reset them all;
 * - every request the server reads during the drain is answered in full, with
 *   `Connection: close` (a request sent before the signal may still be unread in its socket while
 *   the event loop was busy: it counts as sent, so it is finished, never cut off);
 * - only quiet connections are closed: no response in flight and nothing received between two
 *   sweeps, after at least one response or FRESH_CONNECTION_GRACE_MS of silence. Node's own
 *   `closeIdleConnections` (called by `server.close()`) also closes connections whose request
 *   has arrived but is not read yet, which the clients saw as resets;
 * - after the deadline, whatever is left is closed.
 */
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

interface Connection {
  /** Responses not yet finished on this connection. */
  active: number;
  /** Responses finished on this connection. */
  served: number;
  /** socket.bytesRead at the previous sweep: a change means a request is arriving. */
  bytesAtSweep: number;
  openedAt: number;
}

/** What the request listener and the shutdown share. */
export interface ShutdownState {
  shuttingDown: boolean;
  /** Responses not yet finished. */
  readonly inFlight: Set<ServerResponse>;
  /** Open connections. */
  readonly sockets: Map<Socket, Connection>;
}

/** A connection that has sent nothing is left this long to send its request once the drain begins. */
export const FRESH_CONNECTION_GRACE_MS = 1_000;
const SWEEP_MS = 50;
/** Event-loop turns in a row without a new connection before the listener closes. */
const QUIET_TURNS = 3;

export function createShutdownState(): ShutdownState {
  return { shuttingDown: false, inFlight: new Set(), sockets: new Map() };
}

/** Counts the server's connections and their responses, so that shutdown knows which are quiet. */
export function trackConnections(server: Server, state: ShutdownState): void {
  server.on('connection', (socket: Socket) => {
    state.sockets.set(socket, { active: 0, served: 0, bytesAtSweep: -1, openedAt: performance.now() });
    socket.once('close', () => state.sockets.delete(socket));
  });
}

/** Tracks `res` until it finishes; once shutting down, asks the client to close the connection. */
export function trackResponse(state: ShutdownState, res: ServerResponse): void {
  state.inFlight.add(res);
  const socket = res.socket;
  const connection = socket === null ? undefined : state.sockets.get(socket);
  if (connection !== undefined) connection.active += 1;
  res.once('close', () => {
    state.inFlight.delete(res);
    if (connection === undefined) return;
    connection.active = Math.max(0, connection.active - 1);
    connection.served += 1;
  });
  if (state.shuttingDown) res.setHeader('connection', 'close');
}

function isQuiet(socket: Socket, connection: Connection, now: number): boolean {
  const bytes = socket.bytesRead;
  const unchanged = bytes === connection.bytesAtSweep;
  connection.bytesAtSweep = bytes;
  // Bytes since the previous sweep: a request (or the rest of a refused body) is arriving.
  if (connection.active > 0 || !unchanged) return false;
  return connection.served > 0 || now - connection.openedAt >= FRESH_CONNECTION_GRACE_MS;
}

/**
 * Closes quiet connections. Run from setImmediate, right after the event loop has read whatever
 * the sockets received, so that a request waiting in a socket is seen before its connection is.
 */
function closeQuietConnections(state: ShutdownState): void {
  const now = performance.now();
  for (const [socket, connection] of state.sockets) {
    if (isQuiet(socket, connection, now)) socket.destroy();
  }
}

/**
 * Resolves true once every connection has closed after its last response, false if `timeoutMs`
 * ran out first (the remaining connections are then destroyed).
 */
export function drain(server: Server, state: ShutdownState, timeoutMs: number): Promise<boolean> {
  state.shuttingDown = true;
  for (const res of state.inFlight) {
    if (!res.headersSent) res.setHeader('connection', 'close');
  }
  return new Promise((resolve) => {
    let settled = false;
    let listening = server.listening;
    let accepted = 0;
    let probing = false;
    const countAccepted = () => {
      accepted += 1;
    };
    server.on('connection', countAccepted);
    const settle = (drained: boolean) => {
      if (settled) return;
      settled = true;
      clearInterval(sweep);
      clearTimeout(deadline);
      server.off('connection', countAccepted);
      resolve(drained);
    };
    // net.Server's close, not http.Server's: the latter also closes "idle" connections at once,
    // including those whose request is still unread. The callback runs once all have closed.
    const closeListener = () => {
      if (!listening) return;
      listening = false;
      NetServer.prototype.close.call(server, () => settle(true));
    };
    const closeListenerWhenQuiet = () => {
      if (probing || !listening || state.inFlight.size > 0) return;
      probing = true;
      const before = accepted;
      let turns = 0;
      const turn = () => {
        if (accepted !== before || state.inFlight.size > 0) probing = false;
        else if (++turns < QUIET_TURNS) setImmediate(turn);
        else {
          probing = false;
          closeListener();
        }
      };
      setImmediate(turn);
    };
    const tidy = () => {
      closeQuietConnections(state);
      closeListenerWhenQuiet();
    };
    // From setImmediate: right after the event loop has read what the sockets received.
    const sweep = setInterval(() => setImmediate(tidy), SWEEP_MS);
    const deadline = setTimeout(() => {
      closeListener();
      server.closeAllConnections();
      settle(state.inFlight.size === 0);
    }, timeoutMs);
    if (!listening) NetServer.prototype.close.call(server, () => settle(true));
    setImmediate(tidy);
  });
}
