import { describe, expect, it } from 'vitest';
import { testApp } from './support.js';

describe('the HTTP app', () => {
  it('serves GraphiQL at GET /graphql with the examples as tabs and no CDN assets', async () => {
    const response = await testApp().fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>LLM Inference Estimator</title>');
    for (const name of [
      'FitCheck',
      'CompareGpus',
      'MaxContextLength',
      'InferenceMemory',
      'InferenceTimes',
      'ModelCatalog',
    ]) {
      expect(html).toContain(`query ${name}`);
    }
    const externalAssets =
      html.match(/<(script|link|img)\b[^>]*\b(src|href)=["']?(https?:)?\/\/[^"'\s>]+/gi) ?? [];
    expect(externalAssets).toEqual([]);
  });

  it('answers the health check', async () => {
    const response = await testApp().fetch('http://localhost/health');
    expect(response.status).toBe(200);
  });

  it('can run without the playground', async () => {
    const response = await testApp({ graphiql: false }).fetch('http://localhost/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(await response.text()).not.toContain('<title>LLM Inference Estimator</title>');
  });
});
