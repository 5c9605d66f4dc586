import { describe, expect, it } from 'vitest';
import { runOperation, testApp } from './support.js';

interface Answer {
  estimate: {
    assumptions: { weightFormat: string; weightQuantization: string | null; weightBytesPerParameter: number };
    memory: { weightsBytes: number };
  };
}

const query = (extra: string) =>
  `{ estimate(input: { model: "llama-3.1-8b", gpu: "rtx-4090", inputTokens: 512, outputTokens: 128 ${extra} }) {
      assumptions { weightFormat weightQuantization weightBytesPerParameter }
      memory { weightsBytes }
  } }`;

describe('weightQuantization: named schemes with their real bytes', () => {
  it('GGUF Q4_K_M: 4.8944 bits per weight everywhere, INT4 compute path', async () => {
    const result = await runOperation<Answer, undefined>(testApp(), query('weightQuantization: GGUF_Q4_K_M'));
    expect(result.errors).toBeUndefined();
    const a = result.data?.estimate;
    expect(a?.assumptions).toEqual({
      weightFormat: 'INT4',
      weightQuantization: 'GGUF_Q4_K_M',
      weightBytesPerParameter: 4.8944 / 8,
    });
    // Llama-3.1-8B: 8,030,261,248 parameters, 266,240 of them norms (65 x 4096) kept 16-bit:
    // (8,029,995,008 x 4.8944 + 266,240 x 16) / 8 bytes = 4.913 GB, the size of the published file
    expect(a?.memory.weightsBytes).toBeCloseTo((8_029_995_008 * 4.8944 + 266_240 * 16) / 8, -3);
  });

  it('the scheme wins over weightFormat, and plain weightFormat has no scheme', async () => {
    const both = await runOperation<Answer, undefined>(
      testApp(),
      query('weightFormat: FP16, weightQuantization: AWQ_INT4_G128'),
    );
    expect(both.data?.estimate.assumptions.weightFormat).toBe('INT4');
    const plain = await runOperation<Answer, undefined>(testApp(), query('weightFormat: INT4'));
    expect(plain.data?.estimate.assumptions.weightQuantization).toBeNull();
    // AWQ stores a 4-bit zero point per group as well: more bytes than plain INT4 (4.125 bits)
    expect(both.data?.estimate.memory.weightsBytes).toBeGreaterThan(
      plain.data?.estimate.memory.weightsBytes ?? 0,
    );
  });

  it('an unknown scheme is a validation error naming the enum', async () => {
    const result = await runOperation<Answer, undefined>(testApp(), query('weightQuantization: Q3_XYZ'));
    expect(result.errors?.[0]?.message).toContain('WeightQuantization');
  });
});
