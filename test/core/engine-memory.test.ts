import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/index.js';
import { catalogGpu, request } from './helpers.js';

describe('memory as engines hold it', () => {
  it('the optimised profile uses 90% of the GPU (vLLM gpu_memory_utilization), llama.cpp all of it', () => {
    const h100 = catalogGpu('h100-sxm5-80gb').memoryBytes;
    const vllm = estimate(request('llama-3-8b', 'h100-sxm5-80gb'));
    const lcpp = estimate(request('llama-3-8b', 'h100-sxm5-80gb', { engine: 'LLAMA_CPP' }));
    expect(vllm.memory.capacityBytes).toBe(h100 * 0.9);
    expect(lcpp.memory.capacityBytes).toBe(h100);
    // a user's own fraction wins
    const own = estimate(request('llama-3-8b', 'h100-sxm5-80gb', { memory: { usableMemoryFraction: 0.95 } }));
    expect(own.memory.capacityBytes).toBe(h100 * 0.95);
    // the smaller capacity shortens the longest context that fits
    expect(vllm.maxContext.memoryLimitTokens ?? 0).toBeLessThan(lcpp.maxContext.memoryLimitTokens ?? 0);
  });

  it('unfused prefill transients: scores of one layer and logits of every position, derived by hand', () => {
    const fused = estimate(request('llama-2-7b', 'rtx-4090', { batchSize: 2, inputTokens: 1024 }));
    const eager = estimate(
      request('llama-2-7b', 'rtx-4090', {
        batchSize: 2,
        inputTokens: 1024,
        memory: { attentionScoreBytes: 6, prefillLogitsBytes: 6 },
      }),
    );
    // scores: 2 sequences x 32 heads x 1024 x 1024 x 6 bytes = 402,653,184;
    // logits: 2,048 prompt tokens x 32,000 vocabulary x 6 bytes = 393,216,000
    expect(eager.memory.activationsBytes - fused.memory.activationsBytes).toBe(402_653_184 + 393_216_000);
  });

  it('activations: engines that reserve a full step hold it whatever the request, the others their own', () => {
    const step = (engine: 'OPTIMIZED' | 'LLAMA_CPP' | 'EXLLAMA', inputTokens: number) =>
      estimate(request('llama-2-7b', 'rtx-4090', { engine, inputTokens })).memory.largestStepTokens;
    // vLLM / TensorRT-LLM: the configured 8,192-token step, even for a 100-token prompt
    expect(step('OPTIMIZED', 100)).toBe(8192);
    // llama.cpp: its compute buffer for n_ubatch = 512 tokens, also for a 2,000-token prompt
    expect(step('LLAMA_CPP', 100)).toBe(512);
    expect(step('LLAMA_CPP', 2000)).toBe(512);
    // ExLlama / AutoAWQ: the request's own prompt
    expect(step('EXLLAMA', 100)).toBe(100);
    expect(step('EXLLAMA', 2000)).toBe(2000);
  });

  it('engine buffers add to the overhead and displace KV cache, derived by hand', () => {
    const at = (engineBuffersBytes: number) =>
      estimate(request('llama-3-8b', 'h100-sxm5-80gb', { memory: { engineBuffersBytes } }));
    const none = at(0);
    const one = at(2 ** 30);
    expect(one.memory.overheadBytes - none.memory.overheadBytes).toBe(2 ** 30);
    expect(one.memory.totalBytes - none.memory.totalBytes).toBe(2 ** 30);
    // Llama 3 8B, FP16 cache: 32 layers x 2 (K, V) x 8 KV heads x 128 x 2 bytes = 131,072 bytes per
    // token, so 1 GiB displaces 2^30 / 131,072 = 8,192 tokens of context (give or take the floor).
    const lost = (none.maxContext.memoryLimitTokens ?? 0) - (one.maxContext.memoryLimitTokens ?? 0);
    expect(Math.abs(lost - 8192)).toBeLessThanOrEqual(1);
    // The default is the profile's fitted figure; IDEAL (a bound) holds none.
    const ideal = estimate(request('llama-3-8b', 'h100-sxm5-80gb', { engine: 'IDEAL' }));
    expect(ideal.request.memory.engineBuffersBytes).toBe(0);
    expect(none.request.memory.engineBuffersBytes).toBe(0);
    expect(
      estimate(request('llama-3-8b', 'h100-sxm5-80gb')).request.memory.engineBuffersBytes,
    ).toBeGreaterThan(0);
    expect(() => at(-1)).toThrow(/memory\.engineBuffersBytes/);
  });

  it('fits compares the upper end of the memory range unless asked for the point estimate', () => {
    const base = request('llama-3.1-8b', 'h100-sxm5-80gb', {
      inputTokens: 8000,
      outputTokens: 1000,
      batchSize: 8,
    });
    const e = estimate(base);
    const high = e.range('MEMORY').high;
    expect(high).toBeGreaterThan(e.memory.totalBytes);
    // Let the engine use just enough of the GPU to sit halfway between the prediction and its upper end:
    // the prediction fits, its upper end does not.
    const gpuBytes = e.memory.capacityBytes / e.request.memory.usableMemoryFraction;
    const halfway = (e.memory.totalBytes + high) / 2 / gpuBytes;
    const tight = estimate({ ...base, memory: { usableMemoryFraction: halfway } });
    expect(tight.memory.totalBytes).toBeCloseTo(e.memory.totalBytes, 0);
    expect([tight.fits(), tight.fits('POINT_ESTIMATE')]).toEqual([false, true]);
    // With the whole GPU both fit (the upper end is under 80 GB); with 95% of the prediction, neither.
    expect(high).toBeLessThan(gpuBytes);
    const whole = estimate({ ...base, memory: { usableMemoryFraction: 1 } });
    expect([whole.fits(), whole.fits('POINT_ESTIMATE')]).toEqual([true, true]);
    const short = estimate({
      ...base,
      memory: { usableMemoryFraction: (0.95 * e.memory.totalBytes) / gpuBytes },
    });
    expect([short.fits(), short.fits('POINT_ESTIMATE')]).toEqual([false, false]);
  });

  it('bad memory assumptions name the field and the limit', () => {
    expect(() =>
      estimate(request('llama-3-8b', 'h100-sxm5-80gb', { memory: { usableMemoryFraction: 1.5 } })),
    ).toThrow(/memory\.usableMemoryFraction/);
    expect(() =>
      estimate(request('llama-3-8b', 'h100-sxm5-80gb', { memory: { attentionScoreBytes: -1 } })),
    ).toThrow(/memory\.attentionScoreBytes/);
  });
});
