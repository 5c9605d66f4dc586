import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../src/server/config.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_QUERY_LIMITS } from '../../src/server/limits.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('configuration from the environment', () => {
  it('has documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      logLevel: 'info',
      nodeEnv: 'production',
      maxBodyBytes: 102_400,
      introspection: true,
      maxEstimates: 1024,
      playground: true,
      corsOrigins: [],
      corsCredentials: false,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 1024,
      rateLimitPerSecond: 4096,
      rateLimitKeyHeader: undefined,
      redisUrl: undefined,
    });
    expect(DEFAULT_CONFIG.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(DEFAULT_QUERY_LIMITS).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 5_000,
      maxDirectives: 50,
      maxCost: 50_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'WARN',
      NODE_ENV: 'development',
      MAX_BODY_BYTES: '2048',
      MAX_DEPTH: '8',
      MAX_ALIASES: '5',
      MAX_TOKENS: '300',
      MAX_DIRECTIVES: '3',
      MAX_COST: '999',
      DISABLE_INTROSPECTION: '1',
      SHUTDOWN_TIMEOUT_MS: '2500',
      MAX_ESTIMATES: '2048',
      PLAYGROUND: 'off',
      CORS_ORIGINS: 'https://app.example, http://localhost:5173',
      CORS_CREDENTIALS: 'yes',
      HEADERS_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '5000',
      MAX_CONNECTIONS: '50',
      RATE_LIMIT_PER_SECOND: '10000',
      RATE_LIMIT_KEY_HEADER: 'X-API-Key',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
    });
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      nodeEnv: 'development',
      maxBodyBytes: 2048,
      queryLimits: { maxDepth: 8, maxAliases: 5, maxTokens: 300, maxDirectives: 3, maxCost: 999 },
      introspection: false,
      shutdownTimeoutMs: 2500,
      maxEstimates: 2048,
      playground: false,
      corsOrigins: ['https://app.example', 'http://localhost:5173'],
      corsCredentials: true,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
      maxConnections: 50,
      rateLimitPerSecond: 10_000,
      rateLimitKeyHeader: 'x-api-key',
      redisUrl: 'redis://127.0.0.1:6379/0',
    });
  });

  it('keeps the header timeout within the request timeout', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '4000' })).toMatchObject({
      headersTimeoutMs: 4000,
      requestTimeoutMs: 4000,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: ' ', DISABLE_INTROSPECTION: '' })).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    [{ PORT: 'http' }, 'PORT="http" is invalid: expected an integer from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT="70000" is invalid: expected an integer from 0 to 65535'],
    [{ PORT: '-1' }, 'PORT="-1" is invalid: expected an integer from 0 to 65535'],
    [{ PORT: '80.5' }, 'PORT="80.5" is invalid: expected an integer from 0 to 65535'],
    [{ HOST: 'http://x' }, 'HOST="http://x" is invalid: expected a host name or IP address to listen on'],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL="verbose" is invalid: expected one of debug, info, warn, error, silent',
    ],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV="staging" is invalid: expected one of production, development, test'],
    [
      { MAX_BODY_BYTES: '1e6' },
      'MAX_BODY_BYTES="1e6" is invalid: expected an integer from 1024 to 100000000',
    ],
    [{ MAX_DEPTH: '0' }, 'MAX_DEPTH="0" is invalid: expected an integer from 1 to 1000'],
    [{ MAX_ALIASES: 'many' }, 'MAX_ALIASES="many" is invalid: expected an integer from 0 to 100000'],
    [{ MAX_TOKENS: '12abc' }, 'MAX_TOKENS="12abc" is invalid: expected an integer from 10 to 10000000'],
    [{ MAX_DIRECTIVES: '-3' }, 'MAX_DIRECTIVES="-3" is invalid: expected an integer from 0 to 100000'],
    [{ MAX_COST: '0' }, 'MAX_COST="0" is invalid: expected an integer from 1 to 1000000000'],
    [
      { DISABLE_INTROSPECTION: 'maybe' },
      'DISABLE_INTROSPECTION="maybe" is invalid: expected 1, true, yes or on to turn it on; 0, false, no or off (or unset) to leave it off',
    ],
    [
      { SHUTDOWN_TIMEOUT_MS: '1h' },
      'SHUTDOWN_TIMEOUT_MS="1h" is invalid: expected an integer from 0 to 600000',
    ],
    [
      { PLAYGROUND: 'maybe' },
      'PLAYGROUND="maybe" is invalid: expected 1, true, yes or on (or unset) to leave it on; 0, false, no or off to turn it off',
    ],
    [{ MAX_ESTIMATES: '0' }, 'MAX_ESTIMATES="0" is invalid: expected an integer from 1 to 10000000'],
    [
      { CORS_ORIGINS: 'https://app.example/path' },
      'CORS_ORIGINS="https://app.example/path" is invalid: expected comma-separated origins such as https://app.example.com (scheme, host and port only), or *',
    ],
    [
      { HEADERS_TIMEOUT_MS: '40000' },
      'HEADERS_TIMEOUT_MS="40000" is invalid: expected an integer from 500 to 30000',
    ],
    [{ MAX_CONNECTIONS: '0' }, 'MAX_CONNECTIONS="0" is invalid: expected an integer from 1 to 1000000'],
    [
      { RATE_LIMIT_PER_SECOND: '100' },
      'RATE_LIMIT_PER_SECOND="100" is invalid: expected 0 (off) or at least MAX_ESTIMATES (1024), so that the largest request the server accepts can pass',
    ],
    [
      { RATE_LIMIT_KEY_HEADER: 'x api key' },
      'RATE_LIMIT_KEY_HEADER="x api key" is invalid: expected an HTTP header name such as x-api-key',
    ],
    [
      { REDIS_URL: 'http://user:password@host' },
      'REDIS_URL="(not shown)" is invalid: expected a redis:// or rediss:// URL such as redis://127.0.0.1:6379',
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    const error = configError(env as Record<string, string>);
    expect(error.message).toBe(message);
    expect(error.variable).toBe(Object.keys(env)[0]);
  });
});
