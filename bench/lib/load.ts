/** autocannon, programmatically: request rates, sequential latency, and error counts. */
import autocannon, { type Result } from 'autocannon';
import type { GraphQLBody } from './queries.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Completed requests per second over the whole run. */
  requestsPerSecond: number;
  /** Wall time per request: seconds x connections / requests, ms (the round trip at 1 connection). */
  meanLatencyMs: number;
  p99LatencyMs: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body carried GraphQL errors (only counted when checkBodies is set). */
  graphqlErrors: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Cycle each connection through these operations instead of one. */
  bodies?: GraphQLBody[];
  /** Count responses with an "errors" member (reads every body; costs client CPU). */
  checkBodies?: boolean;
}

const headers = { 'content-type': 'application/json', accept: 'application/json' };

export function post(body: GraphQLBody): { method: string; headers: Record<string, string>; body: string } {
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

/** Sends one operation and fails unless it answers 200 with data and no errors. */
export async function checkOperation(origin: string, body: GraphQLBody): Promise<unknown> {
  const response = await fetch(`${origin}/graphql`, post(body));
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || json.errors || !json.data) {
    throw new Error(`operation failed (${response.status}): ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json.data;
}

export async function load(origin: string, body: GraphQLBody, options: LoadOptions): Promise<LoadResult> {
  const bodies = options.bodies ?? [body];
  const result: Result = await autocannon({
    url: `${origin}/graphql`,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    ...post(body),
    requests: bodies.length > 1 ? bodies.map((b) => post(b)) : undefined,
    verifyBody: options.checkBodies ? (text) => !text.includes('"errors"') : undefined,
  });
  const requests = result.requests.total;
  const seconds = result.duration;
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    meanLatencyMs: requests > 0 ? (seconds * 1000 * options.connections) / requests : Number.NaN,
    p99LatencyMs: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: options.checkBodies ? result.mismatches : 0,
  };
}
