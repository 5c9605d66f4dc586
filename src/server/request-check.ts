/**
 * Requests refused before the app sees them, each with a 400 and a one-line reason, logged at
 * warn level: a Host header or request target that does not form a URL (the app would fail on
 * them), and whatever node:http's parser rejects (malformed request lines and headers, headers
 * over the size limit, slow headers).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { JsonLogger } from './logging.js';

/** Why the app cannot take this request (its URL would not parse), or undefined if it can. */
export function badRequestReason(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (host === undefined || host === '') return 'missing Host header';
  // A host and an optional port only: no path, query, user information or whitespace.
  if (/[/?#@\\\s]/.test(host)) return 'invalid Host header';
  try {
    if (new URL(`http://${host}`).host === '') return 'invalid Host header';
  } catch {
    return 'invalid Host header';
  }
  try {
    new URL(`http://${host}${req.url ?? '/'}`);
  } catch {
    return 'invalid request target';
  }
  const target = req.url ?? '';
  if (!target.startsWith('/') && !(target === '*' && req.method === 'OPTIONS'))
    return 'invalid request target';
  return undefined;
}

function errorBody(message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

export function answerBadRequest(res: ServerResponse, reason: string): void {
  const body = errorBody(`Bad request: ${reason}`);
  res.writeHead(400, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}

/**
 * Media types compare case-insensitively (RFC 9110): `APPLICATION/JSON` is JSON. The app's
 * parsers compare exactly, so the type is lower-cased here; parameters are left as sent.
 */
export function normalizeContentType(req: IncomingMessage): void {
  const type = req.headers['content-type'];
  if (type === undefined) return;
  const semicolon = type.indexOf(';');
  const media = semicolon === -1 ? type : type.slice(0, semicolon);
  const lower = media.trim().toLowerCase();
  if (lower !== media) req.headers['content-type'] = lower + (semicolon === -1 ? '' : type.slice(semicolon));
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'request headers too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request not received in time'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'chunk extensions too large'],
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * node:http's 'clientError': what its parser refused, answered with a status and a one-line
 * reason instead of a bare 400, and logged.
 */
export function clientErrorHandler(
  logger: JsonLogger,
): (error: NodeJS.ErrnoException, socket: Socket) => void {
  return (error, socket) => {
    const code = error.code ?? 'UNKNOWN';
    const response = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason] = CLIENT_ERRORS[code] ?? [400, 'malformed request'];
    logger.warn('bad request', { status, reason, code });
    const body = errorBody(`Bad request: ${reason}`);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
