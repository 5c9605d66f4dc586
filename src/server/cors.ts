/**
 * Cross-origin access from an explicit allow-list (CORS_ORIGINS): an allowed Origin is named back
 * with the methods GraphQL uses, any other Origin gets no CORS headers at all, and credentials
 * are allowed only when configured. An empty list (the default) answers no CORS headers: the
 * playground and the web client are served from the API's own origin.
 */
import type { CORSOptions } from 'graphql-yoga';

export interface CorsOptions {
  /** Allowed origins, `*` for any. */
  origins: readonly string[];
  /** Send `Access-Control-Allow-Credentials: true`. */
  credentials: boolean;
}

const METHODS = ['GET', 'POST'];
const ALLOWED_HEADERS = ['content-type', 'accept'];

export function corsFor(options: CorsOptions): false | ((request: Request) => CORSOptions) {
  if (options.origins.length === 0) return false;
  const any = options.origins.includes('*');
  const allowed = new Set(options.origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(any || allowed.has(origin))) return false;
    return {
      origin: [origin],
      credentials: options.credentials,
      methods: METHODS,
      allowedHeaders: ALLOWED_HEADERS,
    };
  };
}
