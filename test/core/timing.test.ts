import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { attendedTokens, estimate, type OperatorCost } from '../../src/core/index.js';
import { catalogGpu, request } from './helpers.js';

const ideal = { engine: 'IDEAL' as const };

describe('roofline timing', () => {
  it('attended tokens: causal triangle, capped by the window', () => {
    // positions 1..4 attend to 1+2+3+4 = 10 tokens
    expect(attendedTokens(0, 4, null)).toBe(10);
    // window 3: 1+2+3+3 = 9
    expect(attendedTokens(0, 4, 3)).toBe(9);
    // decode from context 10, 3 steps: 11+12+13 = 36; with window 12: 11+12+12 = 35
    expect(attendedTokens(10, 3, null)).toBe(36);
    expect(attendedTokens(10, 3, 12)).toBe(35);
  });

  it('Llama-2-7B batch-1 decode on an H100 is bound by streaming the weights', () => {
    const e = estimate(
      request('llama-2-7b', 'h100-sxm5-80gb', { ...ideal, inputTokens: 1, outputTokens: 2 }),
    );
    const gpu = catalogGpu('h100-sxm5-80gb');
    // One step reads all 13,476,831,232 weight bytes (minus the embedding table, which is gathered
    // not streamed: 131,072,000 * 2 bytes) at the datasheet bandwidth; KV and activations add < 0.1%.
    const weightSeconds = (13_476_831_232 - 262_144_000) / gpu.memoryBandwidthBytesPerSecond;
    expect(e.timing.decode.bound).toBe('MEMORY');
    expect(e.timing.timePerOutputTokenSeconds / weightSeconds).toBeGreaterThan(1);
    expect(e.timing.timePerOutputTokenSeconds / weightSeconds).toBeLessThan(1.002);
  });

  it('Llama-2-7B prefill of 2,048 tokens is compute bound near 2 * params * tokens FLOPs', () => {
    const e = estimate(
      request('llama-2-7b', 'a100-sxm4-80gb', { ...ideal, inputTokens: 2048, outputTokens: 1 }),
    );
    // linear layers: 2 FLOPs per weight per token except the LM head (last position only):
    // 2 * (6,738,415,616 - 2*131,072,000 - norms) * 2048 ~= 2.65e13, plus causal attention
    // 4 * 32 layers * 4096 * 2048*2049/2 ~= 1.10e12
    const linear = 2 * (6_738_415_616 - 262_144_000 - 32 * 8192 - 4096) * 2048;
    const attention = 4 * 32 * 4096 * ((2048 * 2049) / 2);
    const head = 2 * 4096 * 32_000;
    expect(e.timing.prefill.bound).toBe('COMPUTE');
    expect(e.timing.prefill.flops / (linear + attention + head)).toBeCloseTo(1, 3);
  });

  it.each(MODELS.map((m) => [m.id] as const))(
    '%s: ideal times equal the sum of per-operator roofline bounds',
    (id) => {
      for (const gpuCount of [1, 2]) {
        const e = estimate(
          request(id, 'h100-sxm5-80gb', { ...ideal, gpuCount, inputTokens: 300, outputTokens: 50 }),
        );
        const r = e.request;
        const bound = (op: OperatorCost) => {
          if (op.name === 'tensor_parallel_all_reduce')
            return op.bytes / r.gpu.interconnectBandwidthBytesPerSecond;
          const peak = op.attention ? r.attentionPeakFlops : r.computePeakFlops;
          return Math.max(op.flops / peak, op.bytes / r.gpu.memoryBandwidthBytesPerSecond);
        };
        const sum = (ops: OperatorCost[]) => ops.reduce((s, op) => s + bound(op), 0);
        expect(e.timing.timeToFirstTokenSeconds).toBeCloseTo(sum(e.timing.prefill.operators), 15);
        expect(e.timing.timePerOutputTokenSeconds).toBeCloseTo(sum(e.timing.decode.operators), 15);
        expect(e.timing.totalSeconds).toBeCloseTo(
          e.timing.timeToFirstTokenSeconds + 49 * e.timing.timePerOutputTokenSeconds,
          12,
        );
      }
    },
  );

  it('TPOT is the exact mean of the per-step times over the generation (closed form = loop)', () => {
    for (const id of ['llama-2-7b', 'mistral-7b', 'mixtral-8x7b']) {
      const inputTokens = 4000;
      const outputTokens = 300;
      const closed = estimate(request(id, 'a100-sxm4-80gb', { inputTokens, outputTokens, batchSize: 8 }));
      let sum = 0;
      for (let j = 1; j < outputTokens; j++) {
        // a 2-token generation from a prompt of inputTokens + j - 1 has exactly one decode step,
        // attending to inputTokens + j tokens: the j-th step of the long generation
        const single = estimate(
          request(id, 'a100-sxm4-80gb', { inputTokens: inputTokens + j - 1, outputTokens: 2, batchSize: 8 }),
        );
        sum += single.timing.timePerOutputTokenSeconds;
      }
      expect(closed.timing.timePerOutputTokenSeconds).toBeCloseTo(sum / (outputTokens - 1), 14);
    }
  });

  it.each(MODELS.map((m) => [m.id] as const))('%s: TPOT grows with the context', (id) => {
    let previous = 0;
    for (const inputTokens of [1, 100, 1000, 4000]) {
      const tpot = estimate(request(id, 'a100-sxm4-80gb', { inputTokens, weightFormat: 'INT4' })).timing
        .timePerOutputTokenSeconds;
      expect(tpot).toBeGreaterThanOrEqual(previous);
      previous = tpot;
    }
  });

  it('MoE decode at batch 1 reads 2 of 8 experts; a large batch reads nearly all', () => {
    const ffnBytes = (batchSize: number) =>
      estimate(
        request('mixtral-8x7b', 'h100-sxm5-80gb', { ...ideal, weightFormat: 'INT4', batchSize }),
      ).timing.decode.operators.find((op) => op.name === 'ffn')?.bytes ?? 0;
    // one expert's weights: 32 layers * 3*4096*14336 * 0.515625 bytes = 2,906,652,672 bytes;
    // activations add 0.1% at batch 1 and under 7% at batch 256
    const perExpert = 32 * 3 * 4096 * 14336 * 0.515625;
    expect(ffnBytes(1) / perExpert).toBeCloseTo(2, 2);
    expect(ffnBytes(256) / perExpert).toBeGreaterThan(8);
    expect(ffnBytes(256) / perExpert).toBeLessThan(8.6);
  });

  it('tensor parallelism adds two all-reduces per layer and shortens decode', () => {
    const one = estimate(
      request('llama-2-70b', 'h100-sxm5-80gb', { ...ideal, gpuCount: 1, weightFormat: 'INT4' }),
    );
    const eight = estimate(
      request('llama-2-70b', 'h100-sxm5-80gb', { ...ideal, gpuCount: 8, weightFormat: 'INT4' }),
    );
    const allReduce = eight.timing.decode.operators.find((op) => op.name === 'tensor_parallel_all_reduce');
    // 2 all-reduces * 80 layers * 2*(8-1)/8 * 8192 hidden * 2 bytes = 4,587,520 bytes per step
    expect(allReduce?.bytes).toBe(2 * 80 * ((2 * 7) / 8) * 8192 * 2);
    expect(one.timing.decode.operators.some((op) => op.name === 'tensor_parallel_all_reduce')).toBe(false);
    expect(eight.timing.timePerOutputTokenSeconds).toBeLessThan(one.timing.timePerOutputTokenSeconds / 3);
  });

  it('throughput = batch * output tokens / total seconds', () => {
    const t = estimate(request('llama-3-8b', 'l40s', { batchSize: 16, outputTokens: 200 })).timing;
    expect(t.outputTokensPerSecond).toBeCloseTo((16 * 200) / t.totalSeconds, 9);
  });

  it('attention share grows with the prompt and counts only the score operators', () => {
    const short = estimate(request('llama-2-7b', 'h100-sxm5-80gb', { inputTokens: 128 })).timing
      .attentionShare;
    const long = estimate(request('llama-2-7b', 'h100-sxm5-80gb', { inputTokens: 4000 })).timing
      .attentionShare;
    expect(long.prefillFlopsRatio).toBeGreaterThan(short.prefillFlopsRatio);
    expect(long.decodeTimeRatio).toBeGreaterThan(short.decodeTimeRatio);
    // prefill FLOPs ratio by hand for 4000 tokens: attention 4*32*4096*(4000*4001/2) = 4.196e12
    // against linear 2*(6,738,415,616 - 262,144,000 - 266,240)*4000 + norms + LM head = 5.181e13
    expect(long.prefillFlopsRatio).toBeCloseTo(0.081, 2);
  });

  it('calibrated mode is never faster than the ideal roofline', () => {
    for (const gpu of GPUS) {
      for (const model of MODELS) {
        const base = request(model.id, gpu.id, { inputTokens: 1000, outputTokens: 100, batchSize: 4 });
        const real = estimate(base).timing;
        const bound = estimate({ ...base, engine: 'IDEAL' }).timing;
        expect(real.timeToFirstTokenSeconds).toBeGreaterThanOrEqual(bound.timeToFirstTokenSeconds);
        expect(real.timePerOutputTokenSeconds).toBeGreaterThanOrEqual(bound.timePerOutputTokenSeconds);
      }
    }
  });
});

describe('fixed cost per MoE layer', () => {
  it('adds tuning.perMoeLayerOverheadSeconds once per MoE layer to a decode step, not to prefill', () => {
    // DeepSeek-V3: 3 dense + 58 MoE layers; 20 us per MoE layer = 58 x 20e-6 = 1.16 ms per decode step.
    const base = request('deepseek-v3', 'h200-sxm-141gb', {
      gpuCount: 8,
      weightFormat: 'FP8',
      engine: 'OPTIMIZED',
    });
    const without = estimate({ ...base, tuning: { perMoeLayerOverheadSeconds: 0 } }).timing;
    const with20us = estimate({ ...base, tuning: { perMoeLayerOverheadSeconds: 20e-6 } }).timing;
    expect(with20us.decode.seconds - without.decode.seconds).toBeCloseTo(58 * 20e-6, 12);
    expect(with20us.prefill.seconds).toBe(without.prefill.seconds);
    // A dense model has no MoE layer to pay for.
    const dense = request('llama-3.1-8b', 'h100-sxm5-80gb', { engine: 'OPTIMIZED' });
    expect(estimate({ ...dense, tuning: { perMoeLayerOverheadSeconds: 20e-6 } }).timing.decode.seconds).toBe(
      estimate({ ...dense, tuning: { perMoeLayerOverheadSeconds: 0 } }).timing.decode.seconds,
    );
  });
});
