import { describe, expect, it } from 'vitest';
import { runOperation, testApp } from './support.js';

describe('estimate warnings', () => {
  const app = testApp();

  it('flags a request longer than the context window and a compute-format fallback', async () => {
    // Llama-2-7B's window is 4,096 tokens; 5,000 + 10 = 5,010 exceeds it. A100 has no FP8 tensor cores.
    const result = await runOperation<
      { estimate: { fits: boolean; withinContextWindow: boolean; warnings: string[] } },
      Record<string, never>
    >(
      app,
      `{ estimate(input: { model: "llama-2-7b", gpu: "a100-sxm4-80gb", weightFormat: FP8, inputTokens: 5000, outputTokens: 10 }) {
        fits withinContextWindow warnings } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.estimate.withinContextWindow).toBe(false);
    expect(result.data?.estimate.warnings).toEqual([
      "prompt + output (5010 tokens) exceeds llama-2-7b's context window of 4096 tokens",
      'NVIDIA A100 SXM4 80GB has no FP8 compute path: estimated with FP16',
    ]);
  });

  it('has no warnings for an ordinary request', async () => {
    const result = await runOperation<
      { estimate: { withinContextWindow: boolean; warnings: string[] } },
      never
    >(
      app,
      '{ estimate(input: { model: "llama-3-8b", gpu: "h100", inputTokens: 1000, outputTokens: 200 }) { withinContextWindow warnings } }',
    );
    expect(result.data?.estimate).toEqual({ withinContextWindow: true, warnings: [] });
  });
});
