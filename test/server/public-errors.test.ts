import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, shortened } from '../../src/server/public-errors.js';
import { type GraphQLErrorJson, testApp } from '../schema/support.js';

const app = testApp();
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

async function post(body: string, target = app, headers: Record<string, string> = JSON_HEADERS) {
  const response = await target.fetch('http://localhost/graphql', { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    text,
    errors: (JSON.parse(text) as { errors?: GraphQLErrorJson[] }).errors,
  };
}

describe('errors outside development', () => {
  it('malformed JSON: 400 with a stable message, no parser text and no echo of the body', async () => {
    const body = '{"query": "{ secret-body-text';
    const { status, text, errors } = await post(body);
    expect(status).toBe(400);
    expect(errors).toEqual([
      { message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(text).not.toContain('secret-body-text');
    expect(text).not.toContain('originalError');
  });

  it('development keeps the original error', async () => {
    const { status, errors } = await post('{"query": ', testApp({ development: true }));
    expect(status).toBe(400);
    expect(errors?.[0].extensions?.originalError).toMatchObject({ name: 'SyntaxError' });
  });

  it('malformed JSON in GET parameters: 400 without the parser text', async () => {
    const response = await app.fetch('http://localhost/graphql?query=%7B__typename%7D&variables=%7Bsecret', {
      headers: { accept: 'application/json' },
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).errors[0]).toEqual({
      message: 'The variables and extensions parameters must be JSON objects',
      extensions: { code: 'BAD_REQUEST', field: 'request.params' },
    });
    expect(text).not.toContain('secret');
  });

  it(`echoes a long unknown id once, cut to ${ECHO_LIMIT} characters with its length`, async () => {
    const id = 'x'.repeat(100_000);
    const { text, errors } = await post(
      JSON.stringify({
        query:
          'query($m: ID!) { estimate(input: { model: $m, gpu: "h100", inputTokens: 1, outputTokens: 1 }) { fits } }',
        variables: { m: id },
      }),
    );
    const cut = `${'x'.repeat(ECHO_LIMIT)}… (100000 characters)`;
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: cut });
    expect(errors?.[0].message).toContain(`unknown model "${'x'.repeat(ECHO_LIMIT)}…" (100000 characters)`);
    expect(text.length).toBeLessThan(2_000);
  });

  it('cuts long values in graphql-js messages too', async () => {
    const { errors, text } = await post(
      JSON.stringify({
        query: 'query($f: NumberFormat!) { model(id: "llama-2-7b") { weightsBytes(format: $f) } }',
        variables: { f: 'Y'.repeat(5_000) },
      }),
    );
    expect(errors?.[0].message).toMatch(/^Variable "\$f" got invalid value "Y{40}…" \(5000 characters\)/);
    expect(text.length).toBeLessThan(1_000);
  });

  it('gives every error a code: a mutation, and graphql-js stopping at 100 validation errors', async () => {
    const mutation = await post(JSON.stringify({ query: 'mutation { x }' }));
    expect(mutation.errors?.[0]).toMatchObject({
      message: 'Schema is not configured to execute mutation operation.',
      extensions: { code: 'BAD_REQUEST' },
    });
    const fields = Array.from({ length: 120 }, (_, i) => `nope${i}`).join(' ');
    const many = await post(JSON.stringify({ query: `{ ${fields} }` }));
    expect(many.errors).toHaveLength(101);
    expect(many.errors?.[100]).toEqual({
      message:
        'Too many validation errors: the first 100 are listed and the rest were not checked; fix these and send the document again',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', field: 'query.validationErrors', limit: 100 },
    });
    for (const error of many.errors ?? []) expect(typeof error.extensions?.code).toBe('string');
  });

  it('shortened() keeps short text and marks what it cut', () => {
    expect(shortened('h100')).toBe('h100');
    expect(shortened('abcdef', 3)).toBe('abc… (6 characters)');
  });
});

describe('CORS', () => {
  const ask = (target: typeof app, origin: string, method = 'POST') =>
    target.fetch('http://localhost/graphql', {
      method,
      headers:
        method === 'OPTIONS'
          ? {
              origin,
              'access-control-request-method': 'POST',
              'access-control-request-headers': 'content-type',
            }
          : { ...JSON_HEADERS, origin },
      body: method === 'OPTIONS' ? undefined : '{"query":"{ __typename }"}',
    });

  it('by default sends no CORS headers to any origin', async () => {
    const response = await ask(app, 'https://evil.example');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('names an allowed origin back, without credentials unless configured, and nothing to others', async () => {
    const allowing = testApp({ cors: { origins: ['https://app.example'], credentials: false } });
    const allowed = await ask(allowing, 'https://app.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await ask(allowing, 'https://app.example', 'OPTIONS');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    const other = await ask(allowing, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const withCredentials = testApp({ cors: { origins: ['https://app.example'], credentials: true } });
    expect(
      (await ask(withCredentials, 'https://app.example')).headers.get('access-control-allow-credentials'),
    ).toBe('true');
  });
});
