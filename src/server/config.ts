/**
 * Deployment configuration from the environment, parsed and checked in one place. A bad value
 * stops the server at startup with a ConfigError naming the variable, its value and what it
 * accepts. Defaults and meanings are in the README's Configuration section.
 */
import { DEFAULT_MAX_ESTIMATES } from './estimate-budget.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_QUERY_LIMITS, type QueryLimitsConfig } from './limits.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const NODE_ENVS = ['production', 'development', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export interface ServerConfig {
  /** TCP port; 0 lets the OS pick a free one. */
  port: number;
  host: string;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  /** Largest request body accepted, bytes; larger bodies get 413. */
  maxBodyBytes: number;
  queryLimits: QueryLimitsConfig;
  /** Schema introspection (and so the GraphiQL playground, which needs it). */
  introspection: boolean;
  /** How long SIGTERM waits for in-flight requests before closing their connections, ms. */
  shutdownTimeoutMs: number;
  /** Estimates one request may ask for, across all its fields and aliases (estimate-budget.ts). */
  maxEstimates: number;
  /** Serve the GraphiQL page on GET /graphql (needs introspection too). */
  playground: boolean;
  /** Origins allowed cross-origin requests (`*`: any); empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Send `Access-Control-Allow-Credentials: true` to allowed origins. */
  corsCredentials: boolean;
  /** Slow clients: headers within headersTimeoutMs, the whole request within requestTimeoutMs. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
  /** Fair use: estimates (a request costs at least 1) per client per second; 0 turns it off. */
  rateLimitPerSecond: number;
  /** Header naming the client for fair use (an API key); unset: the client's IP address. */
  rateLimitKeyHeader: string | undefined;
  /** Redis shared by every process and replica for fair use; unset: each process counts alone. */
  redisUrl: string | undefined;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 8_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CONNECTIONS = 1_024;
/** Four full-size comparisons a second, or a thousand single estimates, per client. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 4_096;

export const DEFAULT_CONFIG: ServerConfig = {
  port: 4000,
  host: '0.0.0.0',
  logLevel: 'info',
  nodeEnv: 'production',
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  queryLimits: DEFAULT_QUERY_LIMITS,
  introspection: true,
  shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS,
  maxEstimates: DEFAULT_MAX_ESTIMATES,
  playground: true,
  corsOrigins: [],
  corsCredentials: false,
  headersTimeoutMs: DEFAULT_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  maxConnections: DEFAULT_MAX_CONNECTIONS,
  rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND,
  rateLimitKeyHeader: undefined,
  redisUrl: undefined,
};

/** A bad environment variable: the message names it, its value and what it accepts. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`${variable}=${JSON.stringify(value)} is invalid: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** An unset or empty variable means the default. */
function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(Number.isSafeInteger(parsed) && parsed >= min && parsed <= max)) {
    throw new ConfigError(name, value, `an integer from ${min} to ${max}`);
  }
  return parsed;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  const match = allowed.find((option) => option === lower);
  if (match === undefined) throw new ConfigError(name, value, `one of ${allowed.join(', ')}`);
  return match;
}

function flag(env: Env, name: string, fallback = false): boolean {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  throw new ConfigError(
    name,
    value,
    fallback
      ? '1, true, yes or on (or unset) to leave it on; 0, false, no or off to turn it off'
      : '1, true, yes or on to turn it on; 0, false, no or off (or unset) to leave it off',
  );
}

function host(env: Env): string {
  const value = raw(env, 'HOST');
  if (value === undefined) return DEFAULT_CONFIG.host;
  if (/\s|\//.test(value)) throw new ConfigError('HOST', value, 'a host name or IP address to listen on');
  return value;
}

/** CORS_ORIGINS: comma-separated origins such as https://app.example.com, or `*`. */
function origins(env: Env): string[] {
  const value = raw(env, 'CORS_ORIGINS');
  if (value === undefined) return [];
  const list = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of list) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin) {
      throw new ConfigError(
        'CORS_ORIGINS',
        value,
        'comma-separated origins such as https://app.example.com (scheme, host and port only), or *',
      );
    }
  }
  return list;
}

function headerName(env: Env, name: string): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9-]+$/.test(value))
    throw new ConfigError(name, value, 'an HTTP header name such as x-api-key');
  return value.toLowerCase();
}

function redisUrl(env: Env): string | undefined {
  const value = raw(env, 'REDIS_URL');
  if (value === undefined) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(value)) {
    throw new ConfigError(
      'REDIS_URL',
      '(not shown)',
      'a redis:// or rediss:// URL such as redis://127.0.0.1:6379',
    );
  }
  return value;
}

/** Reads the configuration from `env` (process.env in main.ts); throws ConfigError on a bad value. */
export function loadConfig(env: Env): ServerConfig {
  const config = readConfig(env);
  if (config.rateLimitPerSecond > 0 && config.rateLimitPerSecond < config.maxEstimates) {
    throw new ConfigError(
      'RATE_LIMIT_PER_SECOND',
      String(raw(env, 'RATE_LIMIT_PER_SECOND')),
      `0 (off) or at least MAX_ESTIMATES (${config.maxEstimates}), so that the largest request the server accepts can pass`,
    );
  }
  return config;
}

function readConfig(env: Env): ServerConfig {
  const limits = DEFAULT_QUERY_LIMITS;
  return {
    port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0, 65_535),
    host: host(env),
    logLevel: oneOf(env, 'LOG_LEVEL', DEFAULT_CONFIG.logLevel, LOG_LEVELS),
    nodeEnv: oneOf(env, 'NODE_ENV', DEFAULT_CONFIG.nodeEnv, NODE_ENVS),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1_024, 100_000_000),
    queryLimits: {
      maxDepth: integer(env, 'MAX_DEPTH', limits.maxDepth, 1, 1_000),
      maxAliases: integer(env, 'MAX_ALIASES', limits.maxAliases, 0, 100_000),
      maxTokens: integer(env, 'MAX_TOKENS', limits.maxTokens, 10, 10_000_000),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', limits.maxDirectives, 0, 100_000),
      maxCost: integer(env, 'MAX_COST', limits.maxCost, 1, 1_000_000_000),
    },
    introspection: !flag(env, 'DISABLE_INTROSPECTION'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS, 0, 600_000),
    maxEstimates: integer(env, 'MAX_ESTIMATES', DEFAULT_MAX_ESTIMATES, 1, 10_000_000),
    playground: flag(env, 'PLAYGROUND', true),
    corsOrigins: origins(env),
    corsCredentials: flag(env, 'CORS_CREDENTIALS'),
    ...timeouts(env),
    maxConnections: integer(env, 'MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
    rateLimitPerSecond: integer(
      env,
      'RATE_LIMIT_PER_SECOND',
      DEFAULT_RATE_LIMIT_PER_SECOND,
      0,
      1_000_000_000,
    ),
    rateLimitKeyHeader: headerName(env, 'RATE_LIMIT_KEY_HEADER'),
    redisUrl: redisUrl(env),
  };
}

/** node:http wants the header timeout no longer than the whole request's. */
function timeouts(env: Env): Pick<ServerConfig, 'headersTimeoutMs' | 'requestTimeoutMs'> {
  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 1_000, 3_600_000);
  const headersTimeoutMs = integer(
    env,
    'HEADERS_TIMEOUT_MS',
    Math.min(DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs),
    500,
    requestTimeoutMs,
  );
  return { headersTimeoutMs, requestTimeoutMs };
}
