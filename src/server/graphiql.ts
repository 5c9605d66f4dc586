import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL opening with one tab per example query. Rendered by @graphql-yoga/render-graphiql, which
 * inlines GraphiQL's scripts, styles and workers into the page: nothing is fetched from a CDN.
 */
export function graphiqlOptions(exampleQueries: string[]): GraphiQLOptions {
  return {
    title: 'LLM Inference Estimator',
    defaultQuery: exampleQueries[0],
    defaultTabs: exampleQueries.map((query) => ({ query })),
  };
}
