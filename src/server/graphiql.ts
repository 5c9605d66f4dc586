import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { assetResponse, type StaticAsset, staticAsset } from './static-asset.js';

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

/** Browsers revalidate the page (ETag) after this; the page changes only with the server. */
const PLAYGROUND_CACHE_CONTROL = 'public, max-age=300';

/**
 * The playground page at GET `endpoint` for clients that accept HTML (yoga's own rule), as a
 * static asset: rendered once (it is 9 MB), compressed once per encoding, revalidated by ETag.
 * Yoga's renderer would build and send the full page uncompressed on every request.
 */
export function playgroundPlugin(endpoint: string, exampleQueries: string[]): Plugin {
  let page: StaticAsset | undefined;
  const pageAsset = () => {
    page ??= staticAsset(new TextEncoder().encode(renderGraphiQL(graphiqlOptions(exampleQueries))), {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': PLAYGROUND_CACHE_CONTROL,
    });
    return page;
  };
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return;
      if (!request.headers.get('accept')?.includes('text/html')) return;
      return assetResponse(pageAsset(), request, fetchAPI).then(endResponse);
    },
  };
}
