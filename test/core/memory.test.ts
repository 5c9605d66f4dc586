import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { estimate } from '../../src/core/index.js';
import { catalogGpu, request } from './helpers.js';

describe('memory breakdown', () => {
  it('Mistral-7B caches at most its 4,096-token sliding window', () => {
    const e = estimate(request('mistral-7b', 'a100-sxm4-80gb', { inputTokens: 8000, outputTokens: 1000 }));
    // 9,000 tokens of context, but the rolling cache keeps 4,096:
    // 4096 tokens * 2 * 32 layers * 8 KV heads * 128 * 2 bytes = 4096 * 131,072 = 536,870,912 bytes
    expect(e.memory.kvCacheTokensPerSequence).toBe(4096);
    expect(e.memory.kvCacheBytes).toBe(536_870_912);
  });

  it('Mixtral-8x7B in FP16 does not fit one 80 GB GPU, in INT4 it does', () => {
    const fp16 = estimate(request('mixtral-8x7b', 'h100-sxm5-80gb'));
    // 46.7e9 parameters * 2 bytes = 93.4 GB of weights alone > 80 GB
    expect(fp16.memory.weightsBytes).toBeGreaterThan(93e9);
    expect(fp16.memory.fits).toBe(false);
    expect(fp16.memory.freeBytes).toBeLessThan(0);
    expect(fp16.maxContext).toEqual({ tokens: 0, limitedBy: 'WEIGHTS_DO_NOT_FIT', memoryLimitTokens: 0 });
    const int4 = estimate(request('mixtral-8x7b', 'h100-sxm5-80gb', { weightFormat: 'INT4' }));
    expect(int4.memory.weightsBytes).toBeLessThan(25e9);
    expect(int4.memory.fits).toBe(true);
  });

  it('Llama-3-8B FP16 on an L4, batch 4, 512 + 128 tokens: every part derived by hand', () => {
    // Without the profile's fitted engine buffers (engine-memory.test.ts covers those), and with the
    // activations of this request's own largest step (reservesFullStep false; the default is below).
    const m = estimate(
      request('llama-3-8b', 'l4', {
        batchSize: 4,
        memory: { engineBuffersBytes: 0, reservesFullStep: false },
      }),
    ).memory;
    // 8,030,261,248 parameters x 2 bytes.
    expect(m.weightsBytes).toBe(16_060_522_496);
    // 2 (K, V) x 32 layers x 8 KV heads x 128 x 2 bytes = 131,072 bytes per token; x 640 tokens x 4 sequences.
    expect(m.kvCacheBytes).toBe(335_544_320);
    // Largest step: the 4 x 512 = 2,048 prompt tokens (under the 8,192-token chunk). Per token, 2 bytes x
    // (2 x 4096 hidden + the widest intermediate, the gated FFN's 3 x 14,336 = 43,008) = 102,400 bytes;
    // plus FP32 logits of the last position, 4 x 128,256 x 4 bytes = 2,052,096.
    expect(m.activationsBytes).toBe(2048 * 102_400 + 2_052_096);
    expect(m.overheadBytes).toBe(2 ** 30);
    // 16,060,522,496 + 335,544,320 + 211,767,296 + 1,073,741,824.
    expect(m.totalBytes).toBe(17_681_575_936);
    // The OPTIMIZED profile uses 90% of the L4's 23,034 MiB (as the driver reports them), as vLLM's
    // gpu_memory_utilization 0.9 does; free is that less the total.
    expect(m.capacityBytes).toBe(catalogGpu('l4').memoryBytes * 0.9);
    expect(m.freeBytes).toBe(catalogGpu('l4').memoryBytes * 0.9 - 17_681_575_936);
    // The OPTIMIZED profile reserves a full 8,192-token step whatever the request (vLLM's profiling
    // forward, TensorRT-LLM's build-time buffers): 8,192 x 102,400 + 2,052,096 = 840,912,896 bytes.
    const reserved = estimate(
      request('llama-3-8b', 'l4', { batchSize: 4, memory: { engineBuffersBytes: 0 } }),
    );
    expect(reserved.memory.largestStepTokens).toBe(8192);
    expect(reserved.memory.activationsBytes).toBe(840_912_896);
    // 16,060,522,496 + 335,544,320 + 840,912,896 + 1,073,741,824.
    expect(reserved.memory.totalBytes).toBe(18_310_721_536);
  });

  it('the runtime overhead is explicit and overridable', () => {
    const base = estimate(request('llama-2-7b', 'a10'));
    // 1 GiB of runtime overhead beside the profile's engine buffers
    expect(base.memory.overheadBytes).toBe(1024 ** 3 + base.request.memory.engineBuffersBytes);
    const custom = estimate(request('llama-2-7b', 'a10', { memory: { runtimeOverheadBytes: 0 } }));
    expect(base.memory.totalBytes - custom.memory.totalBytes).toBe(1024 ** 3);
  });

  it('tensor parallelism halves the per-GPU KV cache except MLA latents (every rank holds them)', () => {
    for (const model of MODELS) {
      const one = estimate(request(model.id, 'h100-sxm5-80gb', { gpuCount: 1 })).memory;
      const two = estimate(request(model.id, 'h100-sxm5-80gb', { gpuCount: 2 })).memory;
      expect(two.weightsBytes).toBeLessThan(one.weightsBytes);
      expect(two.weightsBytes).toBeGreaterThan(one.weightsBytes / 2);
      const mla = model.layerGroups.every((g) => g.attention.shape.kind === 'MLA');
      expect(two.kvCacheBytes).toBeCloseTo(mla ? one.kvCacheBytes : one.kvCacheBytes / 2, 0);
    }
  });

  it('tensor parallelism halves the weights except the norms, which every rank keeps whole', () => {
    // Llama-2-7B FP16: 2 RMSNorms of 4096 per layer x 32 layers + the final norm = 65 x 4096 scales
    // x 2 bytes = 532,480 bytes on each GPU; everything else splits: two = one / 2 + 532,480 / 2.
    const one = estimate(request('llama-2-7b', 'h100-sxm5-80gb', { gpuCount: 1 })).memory;
    const two = estimate(request('llama-2-7b', 'h100-sxm5-80gb', { gpuCount: 2 })).memory;
    expect(two.weightsBytes).toBe(one.weightsBytes / 2 + 266_240);
  });

  it('MLA keeps its down-projections, the routers and the norms whole on every tensor rank', () => {
    // DeepSeek-V3 FP8 at TP 8, per GPU, beyond 1/8 of the whole model, 7/8 of what every rank keeps whole:
    //   q_a 7168 x 1536 and kv_a 7168 x (512 + 64), 61 layers, 1 byte: 923,467,776
    //   routers 7168 x 256, 58 MoE layers, 1 byte:                      106,430,464
    //   norms 2 x 7168 per layer x 61 + the final 7168, 2 bytes:          1,763,328
    const one = estimate(request('deepseek-v3', 'h200-sxm-141gb', { gpuCount: 1, weightFormat: 'FP8' }));
    const eight = estimate(request('deepseek-v3', 'h200-sxm-141gb', { gpuCount: 8, weightFormat: 'FP8' }));
    const whole = 61 * 7168 * (1536 + 576) + 58 * 7168 * 256 + 2 * (61 * 2 * 7168 + 7168);
    expect(whole).toBe(923_467_776 + 106_430_464 + 1_763_328);
    expect(eight.memory.weightsBytes - one.memory.weightsBytes / 8).toBeCloseTo((whole * 7) / 8, 0);
  });

  it('with more ranks than KV heads each GPU keeps one head (replicated)', () => {
    // Llama-2-70B has 8 KV heads; at TP 16 each GPU still holds 1 head:
    // 2 * 80 layers * 1 head * 128 * 2 bytes = 40,960 bytes per token
    const e = estimate(request('llama-2-70b', 'h100-sxm5-80gb', { gpuCount: 16 }));
    expect(e.memory.kvCacheBytesPerTokenPerGpu).toBe(40_960);
  });
});

describe('max context length', () => {
  it('memory-bound at batch 64: (memory - weights - activations - overhead) / (64 * KV per token)', () => {
    const e = estimate(
      request('llama-2-7b', 'a100-sxm4-80gb', { batchSize: 64, inputTokens: 128, outputTokens: 128 }),
    );
    const m = e.memory;
    const expected = Math.floor(
      (m.capacityBytes - m.weightsBytes - m.activationsBytes - m.overheadBytes) / (64 * 524_288),
    );
    expect(e.maxContext.limitedBy).toBe('MEMORY');
    expect(e.maxContext.tokens).toBe(expected);
    // and the answer is tight: that many tokens fit, one more does not
    const at = (tokens: number) =>
      m.weightsBytes + m.activationsBytes + m.overheadBytes + 64 * tokens * 524_288 <= m.capacityBytes;
    expect(at(expected)).toBe(true);
    expect(at(expected + 1)).toBe(false);
  });

  it('is capped by the context window at batch 1 for a small model on a big GPU', () => {
    const e = estimate(request('llama-2-7b', 'h200-sxm-141gb'));
    expect(e.maxContext).toMatchObject({ tokens: 4096, limitedBy: 'CONTEXT_WINDOW' });
  });

  it('a sliding window makes memory irrelevant once the window fits', () => {
    const e = estimate(request('mistral-7b', 'a100-sxm4-80gb'));
    expect(e.maxContext).toEqual({ tokens: 32_768, limitedBy: 'CONTEXT_WINDOW', memoryLimitTokens: null });
  });

  it.each(MODELS.map((m) => [m.id, m] as const))(
    '%s: more memory never shortens the max context',
    (_id, model) => {
      const gpu = catalogGpu('a100-sxm4-40gb');
      let previous = -1;
      for (const scale of [0.5, 1, 1.5, 2, 4, 8, 16]) {
        const bigger = { ...gpu, memoryBytes: gpu.memoryBytes * scale };
        const tokens = estimate({ ...request(model.id, gpu.id, { batchSize: 8 }), gpu: bigger }).maxContext
          .tokens;
        expect(tokens).toBeGreaterThanOrEqual(previous);
        previous = tokens;
      }
    },
  );
});

describe('max batch size', () => {
  it.each(GPUS.map((g) => [g.id] as const))('on %s: the max batch fits and one more does not', (gpuId) => {
    // Both ways of sizing activations: a full reserved step (OPTIMIZED's default) and the request's own.
    for (const [inputTokens, reservesFullStep] of [16, 1000, 20_000].flatMap((n) => [
      [n, true] as const,
      [n, false] as const,
    ])) {
      const base = request('llama-3.1-8b', gpuId, {
        inputTokens,
        outputTokens: 256,
        weightFormat: 'INT8',
        memory: { reservesFullStep },
      });
      const limit = estimate(base).maxBatchSize(inputTokens + 256);
      if (limit.batchSize === 0) {
        expect(estimate(base).memory.fits).toBe(false);
        continue;
      }
      expect(estimate({ ...base, batchSize: limit.batchSize }).memory.fits).toBe(true);
      if (limit.limitedBy === 'MEMORY') {
        expect(estimate({ ...base, batchSize: limit.batchSize + 1 }).memory.fits).toBe(false);
      }
    }
  });
});
