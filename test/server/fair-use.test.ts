import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFairUse } from '../../src/server/fair-use.js';
import { createHttpServer } from '../../src/server/http.js';
import { createJsonLogger } from '../../src/server/logging.js';
import { createShutdownState } from '../../src/server/shutdown.js';
import { testApp } from '../schema/support.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  if (server?.listening) await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server allowing `perSecond` estimates per client per second, counted in memory. */
async function listen(perSecond: number, keyHeader?: string): Promise<string> {
  const fairUse = createFairUse({ perSecond, keyHeader, logger: createJsonLogger('silent') });
  if (fairUse === undefined) throw new Error('fair use is off');
  const app = testApp({ maxEstimates: perSecond, plugins: [fairUse.plugin] });
  server = createHttpServer(app, createShutdownState(), createJsonLogger('silent'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const estimate =
  'estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits }';
const compareOf = (gpus: number) =>
  `compare(input: { models: ["llama-2-7b"], gpus: ${JSON.stringify(Array(gpus).fill('h100'))}, inputTokens: 10, outputTokens: 10 }) { fits }`;

function send(url: string, query: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('fair use per client (in memory)', () => {
  it('answers 429 with Retry-After and a RATE_LIMITED error past the estimates a client may ask per second', async () => {
    const url = await listen(5);
    // Six single estimates at once against 5 a second: five pass, one is refused.
    const responses = await Promise.all(Array.from({ length: 6 }, () => send(url, `{ ${estimate} }`)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = responses.find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toBe('1');
    const body = (await refused?.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0].message).toBe(
      'Rate limit: this client asked for more than 5 estimates in one second (RATE_LIMIT_PER_SECOND); retry after 1 s',
    );
    expect(body.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      field: 'client.estimatesPerSecond',
      limit: 5,
      retryAfterSeconds: 1,
    });
  });

  it('charges a request its estimates (4 + 2 > 5), and a request without any 1', async () => {
    const url = await listen(5);
    expect((await send(url, `{ ${compareOf(4)} }`)).status).toBe(200);
    expect((await send(url, '{ models { id } }')).status).toBe(200);
    expect((await send(url, `{ ${compareOf(2)} }`)).status).toBe(429);
  });

  it('counts each API key on its own when a key header is configured', async () => {
    const url = await listen(2, 'x-api-key');
    const a = { 'x-api-key': 'team-a' };
    const b = { 'x-api-key': 'team-b' };
    expect((await send(url, `{ ${compareOf(2)} }`, a)).status).toBe(200);
    expect((await send(url, `{ ${estimate} }`, a)).status).toBe(429);
    expect((await send(url, `{ ${compareOf(2)} }`, b)).status).toBe(200);
  });
});
