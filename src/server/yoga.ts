import { createYoga, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import { type Context, type ContextOptions, createContextFactory, schema } from '../schema/index.js';
import { type CorsOptions, corsFor } from './cors.js';
import { DEFAULT_MAX_ESTIMATES, estimateBudgetPlugin } from './estimate-budget.js';
import { loadExampleQueries } from './examples.js';
import { playgroundPlugin } from './graphiql.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_QUERY_LIMITS,
  operationLimitPlugins,
  type QueryLimitsConfig,
  requestGuardPlugin,
} from './limits.js';
import { performancePlugins } from './performance.js';
import { publicErrorsPlugin } from './public-errors.js';
import { webClientPlugin } from './web-client.js';

/** Everything deployment-specific; hardening (limits, logging, health) plugs in here. */
export interface AppOptions extends ContextOptions {
  /** GraphQL (and GraphiQL) path; default /graphql. */
  graphqlEndpoint?: string;
  /** Serve the GraphiQL playground on GET; default true. */
  graphiql?: boolean;
  /** Hide unexpected errors' messages (BAD_USER_INPUT and NOT_FOUND always pass); default true. */
  maskedErrors?: boolean;
  /** Yoga's logger: false silences it, a level such as 'warn', or a logger (logging.ts); default 'info'. */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error' | YogaLogger;
  /** Liveness path answering 200; default /health. */
  healthCheckEndpoint?: string;
  /** Extra envelop/yoga plugins, run in order after the defaults (the limits below). */
  plugins?: Plugin[];
  /** Overrides of the operation limits (depth, aliases, tokens, directives, cost); DEFAULT_QUERY_LIMITS otherwise. */
  limits?: Partial<QueryLimitsConfig>;
  /** Largest request body, bytes; larger ones get 413. Default DEFAULT_MAX_BODY_BYTES (100 KiB). */
  maxBodyBytes?: number;
  /** Answer introspection (GraphiQL needs it; off also turns GraphiQL off); default true. */
  introspection?: boolean;
  /** Keep "Did you mean ...?" hints in validation errors (development); default false. */
  fieldSuggestions?: boolean;
  /** Run operations seen more than once as compiled graphql-jit functions (performance.ts); default true. */
  jit?: boolean;
  /** Add `x-worker-pid` to every response; default: only in a cluster worker (cluster.ts). */
  workerPidHeader?: boolean;
  /** Yoga's parse and validation cache (an LRU by query text), which graphql-jit relies on; default true. */
  parserAndValidationCache?: boolean;
  /** Built web client served at GET / (web-client.ts): its directory, or false for none; default web/dist. */
  webClient?: string | false;
  /** Estimates one request may ask for over all its fields (estimate-budget.ts); default DEFAULT_MAX_ESTIMATES. */
  maxEstimates?: number;
  /** Development: errors keep `extensions.originalError`; default false. */
  development?: boolean;
  /** Cross-origin access (cors.ts); default none. */
  cors?: CorsOptions;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The yoga app as a fetch handler: `app.fetch(request)` in tests, `createServer(app)` in main.ts. */
export function createApp(options: AppOptions = {}): App {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.limits };
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const contextFor = createContextFactory({
    ...options,
    queryLimits: { complexity: limits.maxCost, ...options.queryLimits },
  });
  const graphqlEndpoint = options.graphqlEndpoint ?? '/graphql';
  const playground = options.graphiql !== false && options.introspection !== false;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: contextFor,
    graphqlEndpoint,
    healthCheckEndpoint: options.healthCheckEndpoint ?? '/health',
    // Served by playgroundPlugin (rendered and compressed once) rather than by yoga on each request.
    graphiql: false,
    landingPage: false,
    cors: corsFor(options.cors ?? { origins: [], credentials: false }),
    maskedErrors: options.maskedErrors === false ? false : { isDev: options.development === true },
    logging: options.logging ?? 'info',
    // No file uploads: multipart bodies get 415 like any other unsupported type.
    multipart: false,
    parserAndValidationCache: options.parserAndValidationCache ?? true,
    maxRequestBodySize: maxBodyBytes,
    plugins: [
      ...(options.webClient === false ? [] : [webClientPlugin(options.webClient)]),
      ...(playground ? [playgroundPlugin(graphqlEndpoint, loadExampleQueries())] : []),
      publicErrorsPlugin({ development: options.development === true }),
      requestGuardPlugin(maxBodyBytes),
      ...operationLimitPlugins({
        limits,
        fieldSuggestions: options.fieldSuggestions,
        introspection: options.introspection,
      }),
      estimateBudgetPlugin(options.maxEstimates ?? DEFAULT_MAX_ESTIMATES),
      ...(options.plugins ?? []),
      ...performancePlugins({ jit: options.jit, workerPidHeader: options.workerPidHeader }),
    ],
  });
}
