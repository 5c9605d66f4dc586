import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type Context, type ContextOptions, createContextFactory, schema } from '../schema/index.js';
import { loadExampleQueries } from './examples.js';
import { graphiqlOptions } from './graphiql.js';

/** Everything deployment-specific; hardening (limits, logging, health) plugs in here. */
export interface AppOptions extends ContextOptions {
  /** GraphQL (and GraphiQL) path; default /graphql. */
  graphqlEndpoint?: string;
  /** Serve the GraphiQL playground on GET; default true. */
  graphiql?: boolean;
  /** Hide unexpected errors' messages (BAD_USER_INPUT and NOT_FOUND always pass); default true. */
  maskedErrors?: boolean;
  /** Yoga's logger: false silences it, or a level such as 'warn'; default 'info'. */
  logging?: boolean | 'debug' | 'info' | 'warn' | 'error';
  /** Liveness path answering 200; default /health. */
  healthCheckEndpoint?: string;
  /** Extra envelop/yoga plugins, such as graphql-armor's limits, run in order after the defaults. */
  plugins?: Plugin[];
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The yoga app as a fetch handler: `app.fetch(request)` in tests, `createServer(app)` in main.ts. */
export function createApp(options: AppOptions = {}): App {
  const contextFor = createContextFactory(options);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: contextFor,
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    healthCheckEndpoint: options.healthCheckEndpoint ?? '/health',
    graphiql: options.graphiql === false ? false : graphiqlOptions(loadExampleQueries()),
    renderGraphiQL,
    landingPage: false,
    maskedErrors: options.maskedErrors ?? true,
    logging: options.logging ?? 'info',
    plugins: options.plugins ?? [],
  });
}
