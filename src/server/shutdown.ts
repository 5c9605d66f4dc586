/**
 * Graceful shutdown of a node:http server: stop accepting connections, let the requests in
 * flight finish (their responses carry `Connection: close`), close keep-alive connections as they
 * go idle, and give up after a deadline by closing whatever is left.
 */
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What the request listener and the shutdown share. */
export interface ShutdownState {
  shuttingDown: boolean;
  /** Responses not yet finished. */
  readonly inFlight: Set<ServerResponse>;
  /** Open connections and how many unfinished responses each has. */
  readonly sockets: Map<Socket, number>;
}

export function createShutdownState(): ShutdownState {
  return { shuttingDown: false, inFlight: new Set(), sockets: new Map() };
}

/** Counts the server's connections, so that shutdown can close those with nothing in flight. */
export function trackConnections(server: Server, state: ShutdownState): void {
  server.on('connection', (socket: Socket) => {
    state.sockets.set(socket, 0);
    socket.once('close', () => state.sockets.delete(socket));
  });
}

/** Tracks `res` until it finishes; once shutting down, asks the client to close the connection. */
export function trackResponse(state: ShutdownState, res: ServerResponse): void {
  state.inFlight.add(res);
  const socket = res.socket;
  if (socket !== null && state.sockets.has(socket))
    state.sockets.set(socket, (state.sockets.get(socket) ?? 0) + 1);
  res.once('close', () => {
    state.inFlight.delete(res);
    if (socket !== null && state.sockets.has(socket)) {
      state.sockets.set(socket, Math.max(0, (state.sockets.get(socket) ?? 1) - 1));
    }
  });
  if (state.shuttingDown) res.setHeader('connection', 'close');
}

/**
 * Closes connections with no response in flight: keep-alive connections between requests, and
 * those whose request body was refused (413) before it was read, which node does not count as idle.
 */
function closeQuietConnections(server: Server, state: ShutdownState): void {
  server.closeIdleConnections();
  for (const [socket, active] of state.sockets) {
    if (active === 0) socket.destroy();
  }
}

const IDLE_SWEEP_MS = 50;

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
    const settle = (drained: boolean) => {
      if (settled) return;
      settled = true;
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(drained);
    };
    const sweep = setInterval(() => closeQuietConnections(server, state), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      settle(state.inFlight.size === 0);
    }, timeoutMs);
    server.close(() => settle(true));
    closeQuietConnections(server, state);
  });
}
