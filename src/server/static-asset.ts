/**
 * A file the server sends as is (the playground page, the web client's build): an ETag for
 * revalidation (304 when unchanged), its Cache-Control, and a brotli or gzip copy for clients that
 * accept one. Each copy is made once, off the event loop, the first time a client asks for it,
 * and kept: the 9 MB playground page costs seconds of CPU to compress, once, not per request.
 * Responses made on the fly (GraphQL results) are compressed by the HTTP layer instead (http.ts).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: compression would save next to nothing. */
export const COMPRESS_MIN_BYTES = 1_024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|graphql-response\+json)|image\/svg\+xml)/;

const compressors: Record<Encoding, (body: Uint8Array) => Promise<Buffer>> = {
  // Quality 5 of 11: the 9 MB playground page in a few seconds, 20% smaller than gzip.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  gzip: (body) => promisify(gzip)(body),
};

/**
 * The encoding to send, from an Accept-Encoding header: br, else gzip, else none. A coding with
 * q=0 is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m !== null);
    weights.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

export interface StaticAsset {
  readonly body: Uint8Array<ArrayBuffer>;
  /** content-type, cache-control and anything else to send; the ETag is added. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body in `encoding`, made once. */
  encoded(encoding: Encoding): Promise<Uint8Array>;
}

export function staticAsset(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>): StaticAsset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const copies = new Map<Encoding, Promise<Uint8Array>>();
  return {
    body,
    headers: { ...headers, etag },
    encoded(encoding) {
      let copy = copies.get(encoding);
      if (copy === undefined) {
        copy = compressors[encoding](body);
        copies.set(encoding, copy);
      }
      return copy;
    },
  };
}

function compressible(asset: StaticAsset): boolean {
  return (
    asset.body.byteLength >= COMPRESS_MIN_BYTES && COMPRESSIBLE.test(asset.headers['content-type'] ?? '')
  );
}

/** The response to a GET or HEAD of `asset`: 304 when the client's copy is current, else the body, compressed if accepted. */
export async function assetResponse(
  asset: StaticAsset,
  request: Request,
  fetchAPI: { Response: typeof Response },
  status = 200,
): Promise<Response> {
  const headers: Record<string, string> = { ...asset.headers };
  const canCompress = compressible(asset);
  if (canCompress) headers.vary = 'accept-encoding';
  if (status === 200 && request.headers.get('if-none-match') === asset.headers.etag) {
    return new fetchAPI.Response(null, { status: 304, headers });
  }
  const encoding = canCompress ? chooseEncoding(request.headers.get('accept-encoding')) : undefined;
  const body = encoding === undefined ? asset.body : await asset.encoded(encoding);
  if (encoding !== undefined) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.byteLength);
  return new fetchAPI.Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status,
    headers,
  });
}
