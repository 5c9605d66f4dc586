import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/core/estimate.js';
import { EstimateInputError } from '../../src/core/limits.js';
import type { OperatorCost } from '../../src/core/roofline.js';
import { stageLayerCounts } from '../../src/core/sharding.js';
import { request } from './helpers.js';

const ideal = { engine: 'IDEAL' as const };
const op = (ops: OperatorCost[], name: OperatorCost['name']) => ops.find((o) => o.name === name);

describe('tensor x data parallelism', () => {
  // Llama-3.1-70B FP8 on TP4 x DP2 H100 SXM. Per GPU (d = 8192, 80 layers, 64 heads, 8 KV heads of 128,
  // MLP 28,672, vocabulary 128,256), FP8 matrices and BF16 embedding, head and norms:
  //   attention: q and o 2 x 8192 x 8192 / 4 + k and v 2 x 8192 x 128 x (8 / 4) = 37,748,736 x 1 B
  //   MLP:       3 x 8192 x 28,672 / 4                                         = 176,160,768 x 1 B
  //   norms:     2 x 8192 x 2 B                                                =      32,768
  //   80 layers x 213,942,272                                                  = 17,115,381,760
  //   embedding and LM head: 2 x 128,256 x 8192 / 4 x 2 B                       =  1,050,673,152
  //   final norm: 8192 x 2 B                                                   =         16,384
  const perGpu = 17_115_381_760 + 1_050_673_152 + 16_384;
  const tp4dp2 = (batchSize: number) =>
    estimate(
      request('llama-3.1-70b', 'h100-sxm5-80gb', {
        gpuCount: 8,
        parallelism: { tensor: 4, data: 2 },
        weightFormat: 'FP8',
        batchSize,
      }),
    );
  const tp4 = (batchSize: number) =>
    estimate(request('llama-3.1-70b', 'h100-sxm5-80gb', { gpuCount: 4, weightFormat: 'FP8', batchSize }));

  it('each GPU holds a quarter of the matrices and whole norms, whatever the data-parallel degree', () => {
    expect(perGpu).toBe(18_166_071_296);
    expect(tp4dp2(16).memory.weightsBytes).toBe(perGpu);
    expect(tp4(8).memory.weightsBytes).toBe(perGpu);
  });

  it('two replicas carry twice the throughput of one at the same sequences per replica, with the same latencies', () => {
    const two = tp4dp2(16).timing;
    const one = tp4(8).timing;
    expect(two.outputTokensPerSecond / one.outputTokensPerSecond).toBeCloseTo(2, 10);
    expect(two.timePerOutputTokenSeconds).toBeCloseTo(one.timePerOutputTokenSeconds, 12);
    expect(two.timeToFirstTokenSeconds).toBeCloseTo(one.timeToFirstTokenSeconds, 12);
    // Memory per GPU is one replica's: 8 of the 16 sequences.
    expect(tp4dp2(16).memory.kvCacheBytes).toBe(tp4(8).memory.kvCacheBytes);
  });

  it('uneven sequences: the most loaded rank (ceil(9 / 2) = 5) sets memory and time', () => {
    expect(tp4dp2(9).memory.kvCacheBytes).toBe(tp4(5).memory.kvCacheBytes);
    expect(tp4dp2(9).timing.timePerOutputTokenSeconds).toBe(tp4(5).timing.timePerOutputTokenSeconds);
  });
});

describe('expert parallelism', () => {
  // Mixtral-8x7B FP16 with tensor 8 and expert 8: d = 4096, 32 MoE layers, 8 experts, top-2.
  const ep8 = (batchSize: number) =>
    estimate(
      request('mixtral-8x7b', 'h100-sxm5-80gb', {
        ...ideal,
        gpuCount: 8,
        parallelism: { tensor: 8, expert: 8 },
        batchSize,
      }),
    );

  it('each GPU holds one whole expert per layer: the same bytes as an eighth of every expert', () => {
    // Routed experts per GPU: 32 layers x 8 experts x 3 x 4096 x 14,336 / 8 x 2 B = 11,274,289,152 either way.
    const tp8 = estimate(request('mixtral-8x7b', 'h100-sxm5-80gb', { gpuCount: 8, batchSize: 8 }));
    expect(ep8(8).memory.weightsBytes).toBe(tp8.memory.weightsBytes);
    expect((32 * 8 * 3 * 4096 * 14_336 * 2) / 8).toBe(11_274_289_152);
  });

  it('moves tokens by all-to-all: dispatch and combine of each GPU share, top-2, 7/8 of them to other GPUs', () => {
    // Decode at batch 8: each GPU dispatches 8 / 8 = 1 token to 2 experts, 4096 x 2 B each, 7/8 leaving the GPU,
    // and receives as much back: 2 x 1 x 2 x 8192 x 7/8 = 28,672 bytes per layer, x 32 layers = 917,504.
    const ops = ep8(8).timing.decode.operators;
    expect(op(ops, 'expert_all_to_all')?.bytes).toBe(917_504);
    // The all-reduce remains after attention only: 32 x 2 x 7/8 x 8 tokens x 4096 x 2 B = 3,670,016 bytes.
    expect(op(ops, 'tensor_parallel_all_reduce')?.bytes).toBe(3_670_016);
    // Ideal time of the all-to-all: bytes over NVLink's 450 GB/s, no fixed latency.
    expect(op(ops, 'expert_all_to_all')?.seconds).toBeCloseTo(917_504 / 450e9, 15);
  });

  it('over data-parallel ranks, the experts of a stage serve both ranks: fewer bytes per GPU for the same tokens', () => {
    const wide = estimate(
      request('mixtral-8x7b', 'h100-sxm5-80gb', {
        gpuCount: 8,
        parallelism: { tensor: 4, data: 2, expert: 8 },
        batchSize: 2,
      }),
    );
    const narrow = estimate(
      request('mixtral-8x7b', 'h100-sxm5-80gb', {
        gpuCount: 8,
        parallelism: { tensor: 4, data: 2 },
        batchSize: 2,
      }),
    );
    // Expert parallel over tensor x data = 8 GPUs: the routed experts are split 8 ways instead of 4.
    expect(wide.memory.weightsBytes).toBeLessThan(narrow.memory.weightsBytes);
    const ffn = (e: typeof wide) => op(e.timing.decode.operators, 'ffn')?.bytes ?? 0;
    expect(ffn(wide)).toBeLessThan(ffn(narrow));
  });
});

describe('pipeline parallelism', () => {
  it('splits layers as evenly as possible, the remainder on the stages before the last', () => {
    expect(stageLayerCounts(32, 4)).toEqual([8, 8, 8, 8]);
    expect(stageLayerCounts(61, 4)).toEqual([15, 15, 16, 15]);
    expect(stageLayerCounts(62, 4)).toEqual([15, 16, 16, 15]);
    expect(stageLayerCounts(80, 3)).toEqual([27, 27, 26]);
  });

  const pp = (pipeline: number, inputTokens: number, batchSize = 1, outputTokens = 64) =>
    estimate(
      request('llama-2-7b', 'h100-sxm5-80gb', {
        ...ideal,
        gpuCount: pipeline,
        parallelism: { pipeline },
        inputTokens,
        outputTokens,
        batchSize,
      }),
    );

  it('one prefill chunk crosses the stages one after another: no faster than one GPU, plus the sends', () => {
    // 2048 tokens x 4096 x 2 B = 16,777,216 bytes cross each of the 3 stage boundaries at 450 GB/s.
    const send = (2048 * 4096 * 2) / 450e9;
    const one = pp(1, 2048).timing.timeToFirstTokenSeconds;
    const four = pp(4, 2048).timing.timeToFirstTokenSeconds;
    expect(four - one).toBeCloseTo(3 * send, 9);
  });

  it('a prefill of 4 chunks on 4 stages takes (4 + 4 - 1) stage-chunks: the bubble is 3 of 7', () => {
    // 32,768 tokens in chunks of 8192: one GPU does 4 chunks of the whole model; 4 stages do
    // (chunks + stages - 1) = 7 chunk-times of a quarter model, 7/16 of the one-GPU time, and wait 3 of them.
    const one = pp(1, 32_768).timing.prefill;
    const four = pp(4, 32_768).timing.prefill;
    expect(four.seconds / one.seconds).toBeGreaterThan((7 / 16) * 0.97);
    expect(four.seconds / one.seconds).toBeLessThan((7 / 16) * 1.03);
    const bubble = op(four.operators, 'pipeline_bubble')?.seconds ?? 0;
    expect(bubble / four.seconds).toBeGreaterThan((3 / 7) * 0.9);
    expect(bubble / four.seconds).toBeLessThan((3 / 7) * 1.1);
  });

  it('decode at batch 1 does not hide the pipeline; at batch 4 the slowest stage reads its weights once per micro-batch', () => {
    const send1 = (4096 * 2) / 450e9;
    const oneSeq = pp(4, 512, 1).timing.timePerOutputTokenSeconds;
    expect(oneSeq - pp(1, 512, 1).timing.timePerOutputTokenSeconds).toBeCloseTo(3 * send1, 9);
    // Batch 4 on 4 stages: 4 micro-batches of 1 sequence; a round ends when the slowest stage (the last: 8 layers
    // and the 262,144,000-byte LM head) has read its weights 4 times. At 512 tokens of context the weights are
    // nearly all the bytes (the cache of ~544 tokens adds about 2%): TPOT ~ 4 x the last stage's weights / 3.35 TB/s.
    const four = pp(4, 512, 4);
    const lastStageRead = four.memory.weightsBytes / 3.35e12;
    expect(four.timing.timePerOutputTokenSeconds / (4 * lastStageRead)).toBeGreaterThan(1);
    expect(four.timing.timePerOutputTokenSeconds / (4 * lastStageRead)).toBeLessThan(1.03);
  });

  it('the first stage holds the embedding, the last the LM head: the larger of them decides memory', () => {
    // Llama-2-7B on 4 stages of 8 layers: each end stage adds one 32,000 x 4096 x 2 B table = 262,144,000 bytes,
    // the last also the final norm (8192 B) and the logits of its sequence (32,000 x 4 B = 128,000 B).
    const four = pp(4, 512).memory;
    const layers = pp(1, 512).memory.weightsBytes - 2 * 262_144_000 - 8192;
    expect(four.weightsBytes).toBe(layers / 4 + 262_144_000 + 8192);
  });
});

describe('nodes', () => {
  it('more nodes never make communication faster than one node', () => {
    for (const networkBandwidthBytesPerSecond of [1e9, 50e9, 1e13]) {
      const across = estimate(
        request('llama-3.1-405b', 'h100-sxm5-80gb', {
          gpuCount: 16,
          weightFormat: 'FP8',
          gpusPerNode: 8,
          networkBandwidthBytesPerSecond,
          batchSize: 32,
        }),
      );
      const inside = estimate(
        request('llama-3.1-405b', 'h100-sxm5-80gb', {
          gpuCount: 16,
          weightFormat: 'FP8',
          gpusPerNode: 16,
          batchSize: 32,
        }),
      );
      expect(across.timing.timePerOutputTokenSeconds).toBeGreaterThanOrEqual(
        inside.timing.timePerOutputTokenSeconds,
      );
      expect(across.timing.timeToFirstTokenSeconds).toBeGreaterThanOrEqual(
        inside.timing.timeToFirstTokenSeconds,
      );
    }
  });

  it('a tensor group across two nodes all-reduces at the network rate: 400 Gb/s by default', () => {
    const e = estimate(
      request('llama-3.1-405b', 'h100-sxm5-80gb', {
        ...ideal,
        gpuCount: 16,
        weightFormat: 'FP8',
        batchSize: 4,
      }),
    );
    const allReduce = op(e.timing.decode.operators, 'tensor_parallel_all_reduce');
    expect(allReduce?.seconds).toBeCloseTo((allReduce?.bytes ?? 0) / 50e9, 12);
  });
});

describe('splits engines refuse', () => {
  const refusal = (overrides: Parameters<typeof request>[2], model = 'llama-2-7b') => {
    try {
      estimate(request(model, 'h100-sxm5-80gb', overrides));
    } catch (error) {
      if (error instanceof EstimateInputError) return error.message;
      throw error;
    }
    return null;
  };

  it('name the rule they break', () => {
    expect(refusal({ gpuCount: 3 })).toMatch(/gpuCount.*32 attention heads must divide evenly/);
    expect(refusal({ gpuCount: 16, parallelism: { pipeline: 16 } })).toBeNull();
    expect(refusal({ gpuCount: 64, parallelism: { pipeline: 64 } })).toMatch(
      /parallelism.*at most one pipeline stage per layer \(32 layers\)/,
    );
    expect(refusal({ gpuCount: 2, parallelism: { tensor: 2, expert: 2 } })).toMatch(/no routed experts/);
    expect(refusal({ gpuCount: 6, parallelism: { data: 6, expert: 6 } }, 'mixtral-8x7b')).toMatch(
      /8 routed experts must divide evenly/,
    );
    expect(refusal({ gpuCount: 2, parallelism: { tensor: 2, expert: 4 } }, 'mixtral-8x7b')).toMatch(
      /spreads the experts over the tensor x data GPUs of a stage \(2 x 1\)/,
    );
    // 8 KV heads: 16 ranks keep a copy each, 12 ranks can do neither.
    expect(refusal({ gpuCount: 12 }, 'llama-3.1-70b')).toMatch(/(attention heads|KV heads)/);
  });

  it('gpuCount must agree with tensor x pipeline x data', () => {
    expect(refusal({ gpuCount: 4, parallelism: { tensor: 2, data: 4 } })).toMatch(
      /gpuCount = 4.*tensor x pipeline x data = 8/,
    );
  });
});

describe('network per platform', () => {
  it('A100 nodes all-reduce across nodes at 200 Gb/s per GPU (DGX A100), B300 at 800 Gb/s (DGX B300)', () => {
    const across = (gpu: string) => {
      const e = estimate(
        request('llama-3.1-70b', gpu, { ...ideal, gpuCount: 16, weightFormat: 'FP8', batchSize: 4 }),
      );
      const allReduce = op(e.timing.decode.operators, 'tensor_parallel_all_reduce');
      return (allReduce?.bytes ?? 0) / (allReduce?.seconds ?? 1);
    };
    expect(across('a100-sxm4-80gb')).toBeCloseTo(200e9 / 8, 0);
    expect(across('b300')).toBeCloseTo(800e9 / 8, 0);
    expect(across('h100-sxm5-80gb')).toBeCloseTo(400e9 / 8, 0);
  });
});
