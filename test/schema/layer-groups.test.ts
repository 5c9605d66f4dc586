import { describe, expect, it } from 'vitest';
import { runOperation, testApp } from './support.js';

type Group = {
  layers: number;
  attention: { kind: string; span: string; spanTokens: number | null; kvHeads: number | null };
  ffn: { kind: string; experts: number; expertsPerToken: number };
};

describe('Model.layerGroups and kvCacheBytes', () => {
  it('a 2023-era catalog model is one group; its cache for a sequence is per-token x tokens', async () => {
    const result = await runOperation<
      { models: { id: string; kv: number; layerGroups: Group[] }[] },
      undefined
    >(
      testApp(),
      `{ models { id kv: kvCacheBytes(format: FP16, tokens: 10000)
          layerGroups { layers attention { kind span spanTokens kvHeads } ffn { kind experts expertsPerToken } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const byId = new Map(result.data?.models.map((m) => [m.id, m]));
    // Llama-2-7B: 32 layers of MHA; 2 * 32 * 32 heads * 128 * 2 bytes = 524,288 bytes per token
    expect(byId.get('llama-2-7b')?.layerGroups).toEqual([
      {
        layers: 32,
        attention: { kind: 'MHA', span: 'GLOBAL', spanTokens: null, kvHeads: 32 },
        ffn: { kind: 'DENSE', experts: 0, expertsPerToken: 0 },
      },
    ]);
    expect(byId.get('llama-2-7b')?.kv).toBe(10_000 * 524_288);
    // Mistral-7B: GQA (8 KV heads) over a 4,096-token window: the cache stops at the window
    const mistral = byId.get('mistral-7b');
    expect(mistral?.layerGroups[0]?.attention).toEqual({
      kind: 'GQA',
      span: 'SLIDING',
      spanTokens: 4096,
      kvHeads: 8,
    });
    expect(mistral?.kv).toBe(4096 * 2 * 32 * 8 * 128 * 2);
    expect(byId.get('mixtral-8x7b')?.layerGroups[0]?.ffn).toEqual({
      kind: 'MOE',
      experts: 8,
      expertsPerToken: 2,
    });
  });

  it('NATIVE is a weight format only: a NATIVE KV cache is refused, naming the field', async () => {
    const result = await runOperation(
      testApp(),
      `{ estimate(input: { model: "llama-2-7b", gpu: "h100", weightFormat: NATIVE, kvCacheFormat: NATIVE,
          inputTokens: 100, outputTokens: 10 }) { fits } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/kvCacheFormat.*NATIVE is a weight format only/);
  });

  it('NATIVE weights of a model that records no formats are BF16', async () => {
    const result = await runOperation<{ model: { native: number; bf16: number } }, undefined>(
      testApp(),
      '{ model(id: "llama-2-7b") { native: weightsBytes(format: NATIVE) bf16: weightsBytes(format: BF16) } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.model.native).toBe(result.data?.model.bf16);
  });

  it('Assumptions.tensorClasses says how each class is stored and computed: FP8 on an A100 unpacks to FP16', async () => {
    type Row = {
      tensorClass: string;
      storageFormat: string;
      computeFormatUsed: string;
      dequantizes: boolean;
    };
    const result = await runOperation<{ estimate: { assumptions: { tensorClasses: Row[] } } }, undefined>(
      testApp(),
      `{ estimate(input: { model: "llama-2-7b", gpu: "a100-sxm4-80gb", weightFormat: FP8, inputTokens: 100, outputTokens: 10 }) {
          assumptions { tensorClasses { tensorClass storageFormat computeFormatUsed dequantizes } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data?.estimate.assumptions.tensorClasses ?? [];
    expect(rows.map((r) => r.tensorClass)).toEqual([
      'ATTENTION',
      'DENSE_FFN',
      'ROUTED_EXPERTS',
      'SHARED_EXPERTS',
      'ROUTER',
      'EMBEDDING',
      'LM_HEAD',
    ]);
    // the A100 has no FP8 tensor cores: the FP8 matrices are unpacked to FP16; embeddings and head stay BF16
    expect(rows.find((r) => r.tensorClass === 'ATTENTION')).toEqual({
      tensorClass: 'ATTENTION',
      storageFormat: 'FP8',
      computeFormatUsed: 'FP16',
      dequantizes: true,
    });
    expect(rows.find((r) => r.tensorClass === 'LM_HEAD')?.storageFormat).toBe('BF16');
  });
});
