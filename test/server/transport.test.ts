import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/server/limits.js';
import { type GraphQLErrorJson, testApp } from '../schema/support.js';

const app = testApp();
const URL = 'http://localhost/graphql';
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

async function send(init: RequestInit, url = URL) {
  const response = await app.fetch(url, init);
  const text = await response.text();
  let body: { errors?: GraphQLErrorJson[]; data?: unknown } | undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

function streamOf(text: string, chunkBytes = 8_192): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

describe('bad requests get 4xx answers with a message, never 5xx', () => {
  it('malformed JSON: 400', async () => {
    const { status, body } = await send({ method: 'POST', headers: JSON_HEADERS, body: '{"query": ' });
    expect(status).toBe(400);
    expect(body?.errors?.[0]).toMatchObject({
      message: 'POST body sent invalid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it.each([
    ['text/plain', '{"query":"{ models { id } }"}'],
    ['application/xml', '<query/>'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
    ],
  ])('POST as %s: 415 naming the accepted types', async (contentType, payload) => {
    const { status, body } = await send({
      method: 'POST',
      headers: { 'content-type': contentType },
      body: payload,
    });
    expect(status).toBe(415);
    expect(body?.errors?.[0].message).toBe(
      `Unsupported Content-Type ${JSON.stringify(contentType)}: POST a body of application/json, application/graphql, application/x-www-form-urlencoded (application/json: {"query": "...", "variables": {...}}), or use GET`,
    );
    expect(body?.errors?.[0].extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a declared body over the limit: 413 naming the limit, before reading it', async () => {
    const payload = JSON.stringify({ query: `{ models { id } } # ${'x'.repeat(DEFAULT_MAX_BODY_BYTES)}` });
    const { status, body } = await send({
      method: 'POST',
      headers: { ...JSON_HEADERS, 'content-length': String(payload.length) },
      body: payload,
    });
    expect(status).toBe(413);
    expect(body?.errors?.[0].message).toBe(
      `Request body of ${payload.length} bytes exceeds the limit of 102400 bytes`,
    );
    expect(body?.errors?.[0].extensions).toEqual({
      code: 'REQUEST_ENTITY_TOO_LARGE',
      field: 'request.body',
      limit: 102_400,
    });
  });

  it('a streamed body over the limit (no Content-Length): 413 naming the limit', async () => {
    const payload = JSON.stringify({ query: `{ models { id } } # ${'x'.repeat(5_000_000)}` });
    const { status, body } = await send({
      method: 'POST',
      headers: JSON_HEADERS,
      body: streamOf(payload),
      duplex: 'half',
    } as RequestInit);
    expect(status).toBe(413);
    expect(body?.errors?.[0].message).toBe('Request body exceeds the limit of 102400 bytes');
  });

  it('a streamed body under the limit is answered', async () => {
    const payload = JSON.stringify({ query: `{ models { id } } # ${'x'.repeat(90_000)}` });
    const { status, body } = await send({
      method: 'POST',
      headers: JSON_HEADERS,
      body: streamOf(payload),
      duplex: 'half',
    } as RequestInit);
    expect(status).toBe(200);
    expect(body?.errors).toBeUndefined();
  });

  it('follows MAX_BODY_BYTES', async () => {
    const small = testApp({ maxBodyBytes: 2_048 });
    const payload = JSON.stringify({ query: `{ models { id } } # ${'x'.repeat(3_000)}` });
    const response = await small.fetch(URL, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'content-length': String(payload.length) },
      body: payload,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: GraphQLErrorJson[] }).errors[0].message).toContain(
      'exceeds the limit of 2048 bytes',
    );
  });

  it('an invalid Content-Length: 400', async () => {
    const { status, body } = await send({
      method: 'POST',
      headers: { ...JSON_HEADERS, 'content-length': '12, 13' },
      body: '{"query":"{ models { id } }"}',
    });
    expect(status).toBe(400);
    expect(body?.errors?.[0].message).toBe('Content-Length header is invalid.');
  });

  it('a mutation over GET: 405', async () => {
    const { status, body } = await send(
      { method: 'GET' },
      `${URL}?query=${encodeURIComponent('mutation { x }')}`,
    );
    expect(status).toBe(405);
    expect(body?.errors?.[0].message).toBe('Can only perform a mutation operation from a POST request.');
  });

  it('other methods: 405', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const { status, body } = await send({ method, headers: JSON_HEADERS, body: '{}' });
      expect(status, method).toBe(405);
      expect(body?.errors?.[0].message).toBe('GraphQL only supports GET and POST requests.');
    }
  });

  it.each([
    ['a JSON array (batching)', '[{"query":"{ __typename }"}]', 'Batching is not supported.'],
    ['null', 'null', 'POST body is expected to be object but received null'],
    ['a number as query', '{"query": 5}', 'Expected "query" param to be a string, but given number.'],
    [
      'variables as a string',
      '{"query":"{ __typename }","variables":"x"}',
      'Expected "variables" param to be empty or an object, but given string.',
    ],
    [
      'an unknown parameter',
      '{"query":"{ __typename }","foo":1}',
      'Unexpected parameter "foo" in the request body.',
    ],
  ])('%s: 400', async (_name, payload, message) => {
    const { status, body } = await send({ method: 'POST', headers: JSON_HEADERS, body: payload });
    expect(status).toBe(400);
    expect(body?.errors?.[0].message).toBe(message);
  });

  it('an Int beyond 2^31 is a GraphQL validation error, not a server error', async () => {
    const literal = await send({
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        query:
          '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 99999999999, outputTokens: 1 }) { fits } }',
      }),
    });
    expect(literal.status).toBeLessThan(500);
    expect(literal.body?.errors?.[0]).toMatchObject({
      message: 'Int cannot represent non 32-bit signed integer value: 99999999999',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const variable = await send({
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        query:
          'query($n: Int!) { estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: $n, outputTokens: 1 }) { fits } }',
        variables: { n: 2 ** 31 },
      }),
    });
    expect(variable.status).toBeLessThan(500);
    expect(variable.body?.errors?.[0].message).toMatch(
      /^Variable "\$n" got invalid value 2147483648; .*Int cannot represent non 32-bit signed integer value: 2147483648$/,
    );
    expect(variable.body?.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('no query: a BAD_REQUEST error (400 for graphql-response+json clients)', async () => {
    const { status, body } = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: '{"variables":{}}',
    });
    expect(status).toBe(400);
    expect(body?.errors?.[0]).toMatchObject({
      message: 'Must provide query string.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('malformed JSON in GET or form parameters: 400 (yoga alone answers 500)', async () => {
    const get = await send(
      { method: 'GET', headers: { accept: 'application/json' } },
      `${URL}?query=${encodeURIComponent('{ __typename }')}&variables=%7B&extensions=zz`,
    );
    expect(get.status).toBe(400);
    expect(get.body?.errors?.[0].message).toBe(
      'The variables and extensions parameters must be JSON objects',
    );
    expect(get.body?.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const form = await send({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D&variables=nope',
    });
    expect(form.status).toBe(400);
  });

  it('an unknown path: 404', async () => {
    expect((await send({ method: 'GET' }, 'http://localhost/nope')).status).toBe(404);
  });

  it('a GraphQL syntax error: a GraphQL error', async () => {
    const { status, body } = await send({
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ models { id ' }),
    });
    expect(status).toBeLessThan(500);
    expect(body?.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('errors in production mode', () => {
  it('mask unexpected errors (no message, no stack) while user errors pass', async () => {
    const broken = testApp({
      analyzeModel: () => {
        throw new TypeError('internal: cannot read secret');
      },
    });
    const response = await broken.fetch(URL, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        query:
          '{ estimate(input: { model: "llama-2-7b", gpu: "h100", inputTokens: 10, outputTokens: 10 }) { fits } }',
      }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].message).toBe('Unexpected error.');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('stack');
  });
});
