/**
 * Fair use: each client may ask for RATE_LIMIT_PER_SECOND estimates a second (a request costs
 * its estimates as estimate-budget.ts counts them, at least 1). Over it, the request is answered
 * 429 with `Retry-After` and a RATE_LIMITED GraphQL error, before anything runs. The client is its
 * IP address, or the value of RATE_LIMIT_KEY_HEADER (an API key) when that is set and sent.
 *
 * Counting is rate-limiter-flexible's fixed one-second window: in this process's memory, or in
 * Redis (REDIS_URL) shared by every process and replica. If Redis cannot be reached, each process
 * counts alone until it can (the library's insurance limiter), and the failure is logged.
 */
import type { ExecutionArgs } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { estimatesOf } from './estimate-budget.js';
import type { JsonLogger } from './logging.js';

export interface FairUseOptions {
  /** Estimates per client per second; 0 turns fair use off. */
  perSecond: number;
  /** Lower-case header naming the client (an API key); undefined: the client's IP address. */
  keyHeader?: string;
  /** Shared counting through Redis. */
  redisUrl?: string;
  logger: JsonLogger;
}

export interface FairUse {
  plugin: Plugin;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

interface NodeContext {
  request?: Request;
  req?: { socket?: { remoteAddress?: string } };
}

/** The client a request is counted against: the API key header when configured and sent, else the IP. */
export function clientKey(context: unknown, keyHeader: string | undefined): string {
  const { request, req } = (context ?? {}) as NodeContext;
  const key = keyHeader === undefined ? null : request?.headers.get(keyHeader);
  if (key) return `key:${key}`;
  return `ip:${req?.socket?.remoteAddress ?? 'unknown'}`;
}

function rateLimited(perSecond: number, retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return createGraphQLError(
    `Rate limit: this client asked for more than ${perSecond} estimates in one second (RATE_LIMIT_PER_SECOND); retry after ${seconds} s`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        field: 'client.estimatesPerSecond',
        limit: perSecond,
        retryAfterSeconds: seconds,
        http: { status: 429, headers: { 'retry-after': String(seconds) } },
      },
    },
  );
}

function redisLimiter(options: FairUseOptions & { redisUrl: string }, insurance: RateLimiterMemory) {
  const client = new Redis(options.redisUrl, {
    // Fail fast while Redis is away: the insurance limiter counts meanwhile.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  let lastComplaint = 0;
  client.on('error', (error: Error) => {
    // One line a minute at most while Redis is unreachable.
    if (Date.now() - lastComplaint < 60_000) return;
    lastComplaint = Date.now();
    options.logger.warn('fair use: Redis unreachable, counting in this process meanwhile', {
      error: error.message,
    });
  });
  const limiter = new RateLimiterRedis({
    storeClient: client,
    keyPrefix: 'llm-estimator:fair-use',
    points: options.perSecond,
    duration: 1,
    rejectIfRedisNotReady: true,
    insuranceLimiter: insurance,
  });
  return { limiter, close: async () => void client.disconnect() };
}

export function createFairUse(options: FairUseOptions): FairUse | undefined {
  const { perSecond } = options;
  if (perSecond <= 0) return undefined;
  const memory = new RateLimiterMemory({ keyPrefix: 'fair-use', points: perSecond, duration: 1 });
  let limiter: RateLimiterAbstract = memory;
  let close = async () => {};
  if (options.redisUrl !== undefined) {
    ({ limiter, close } = redisLimiter({ ...options, redisUrl: options.redisUrl }, memory));
  }
  const plugin: Plugin = {
    async onExecute({ args, setResultAndStopExecution }) {
      const asked = estimatesOf(args as ExecutionArgs);
      const points = Math.min(perSecond, Math.max(1, typeof asked === 'number' ? asked : 1));
      try {
        await limiter.consume(clientKey(args.contextValue, options.keyHeader), points);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          setResultAndStopExecution({ data: null, errors: [rateLimited(perSecond, refusal.msBeforeNext)] });
          return;
        }
        // Neither Redis nor the insurance limiter answered: serve rather than refuse everyone.
        options.logger.error('fair use: counting failed; request let through', {
          error: refusal instanceof Error ? refusal.message : String(refusal),
        });
      }
    },
  };
  return { plugin, close };
}
