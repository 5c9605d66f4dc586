/**
 * Deployment configuration from the environment, parsed and checked in one place. A bad value
 * stops the server at startup with a ConfigError naming the variable, its value and what it
 * accepts. Defaults and meanings are in the README's Configuration section.
 */
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
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 8_000;

export const DEFAULT_CONFIG: ServerConfig = {
  port: 4000,
  host: '0.0.0.0',
  logLevel: 'info',
  nodeEnv: 'production',
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  queryLimits: DEFAULT_QUERY_LIMITS,
  introspection: true,
  shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS,
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

function flag(env: Env, name: string): boolean {
  const value = raw(env, name);
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes'].includes(lower)) return true;
  if (['0', 'false', 'no'].includes(lower)) return false;
  throw new ConfigError(
    name,
    value,
    '1, true or yes to turn it on; 0, false or no (or unset) to leave it off',
  );
}

function host(env: Env): string {
  const value = raw(env, 'HOST');
  if (value === undefined) return DEFAULT_CONFIG.host;
  if (/\s|\//.test(value)) throw new ConfigError('HOST', value, 'a host name or IP address to listen on');
  return value;
}

/** Reads the configuration from `env` (process.env in main.ts); throws ConfigError on a bad value. */
export function loadConfig(env: Env): ServerConfig {
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
  };
}
