import { describe, expect, it } from 'vitest';
import { CONFIG_MODEL_ENTRIES } from '../../src/core/catalog/configs/index.js';
import { findGpu, findModel, GPUS, gpuIds, MODELS, modelIds } from '../../src/core/catalog/index.js';
import { NUMBER_FORMATS } from '../../src/core/types.js';
import { DESIGN_GPU_IDS, DESIGN_MODEL_IDS } from './design-ids.js';

function allNames(entries: readonly { id: string; aliases: readonly string[] }[]): string[] {
  return entries.flatMap((e) => [e.id, ...e.aliases].map((n) => n.trim().toLowerCase()));
}

describe('catalog ids', () => {
  it('has every model id from DESIGN.md', () => {
    expect(modelIds()).toEqual(expect.arrayContaining(DESIGN_MODEL_IDS));
    for (const id of DESIGN_MODEL_IDS) expect(findModel(id)?.id).toBe(id);
  });

  it('has every GPU id from DESIGN.md', () => {
    expect(gpuIds()).toEqual(expect.arrayContaining(DESIGN_GPU_IDS));
    for (const id of DESIGN_GPU_IDS) expect(findGpu(id)?.id).toBe(id);
  });

  it('resolves the notebook aliases case-insensitively', () => {
    expect(findModel('LLaMA')?.id).toBe('llama-7b');
    expect(findModel('llama2')?.id).toBe('llama-2-7b');
    expect(findModel('LLAMA2')?.id).toBe('llama-2-7b');
    expect(findModel('mistral')?.id).toBe('mistral-7b');
    expect(findModel('MIXTRAL')?.id).toBe('mixtral-8x7b');
    expect(findGpu('h100')?.id).toBe('h100-sxm5-80gb');
    expect(findGpu('A100')?.id).toBe('a100-sxm4-80gb');
    expect(findGpu('v100')?.id).toBe('v100-sxm2-32gb');
  });

  it('resolves HF repo names and trims input', () => {
    expect(findModel('meta-llama/Llama-2-7b-hf')?.id).toBe('llama-2-7b');
    expect(findModel('  mistralai/Mistral-7B-v0.1 ')?.id).toBe('mistral-7b');
    expect(findModel(' Gemma-7B ')?.id).toBe('gemma-7b');
    expect(findGpu(' rtx4090 ')?.id).toBe('rtx-4090');
    expect(findGpu('MI300X')?.id).toBe('mi300x');
  });

  it('returns undefined for unknown names', () => {
    expect(findModel('gpt-5')).toBeUndefined();
    expect(findModel('')).toBeUndefined();
    expect(findGpu('tpu-v5')).toBeUndefined();
  });

  it('has no id or alias used twice within models or within GPUs', () => {
    for (const names of [allNames(MODELS), allNames(GPUS)]) {
      const dupes = names.filter((n, i) => names.indexOf(n) !== i);
      expect(dupes).toEqual([]);
    }
  });

  it('is immutable', () => {
    expect(Object.isFrozen(MODELS)).toBe(true);
    expect(Object.isFrozen(GPUS)).toBe(true);
    const model = findModel('llama-2-7b');
    const gpu = findGpu('h100');
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model?.aliases)).toBe(true);
    expect(Object.isFrozen(gpu?.peakFlops)).toBe(true);
    expect(() => {
      (model as { layers: number }).layers = 1;
    }).toThrow();
  });
});

describe('catalog models', () => {
  it('every model names a source', () => {
    for (const m of MODELS) {
      expect(m.source.trim().length, m.id).toBeGreaterThan(0);
      if (m.publishedParameterCount)
        expect(m.publishedParameterCount.source.trim().length, m.id).toBeGreaterThan(0);
      if (m.publishedActiveParameterCount) {
        expect(m.publishedActiveParameterCount.source.trim().length, m.id).toBeGreaterThan(0);
      }
    }
  });

  it('has positive integer shapes', () => {
    for (const m of MODELS) {
      for (const v of [
        m.layers,
        m.hiddenSize,
        m.intermediateSize,
        m.attentionHeads,
        m.kvHeads,
        m.headDim,
        m.vocabSize,
        m.contextWindow,
        m.experts,
        m.expertsPerToken,
      ]) {
        expect(Number.isInteger(v) && v > 0, m.id).toBe(true);
      }
      expect(m.attentionHeads % m.kvHeads, m.id).toBe(0);
      expect(m.expertsPerToken, m.id).toBeLessThanOrEqual(m.experts);
      if (m.slidingWindow !== null) expect(m.slidingWindow, m.id).toBeLessThanOrEqual(m.contextWindow);
    }
  });

  it('headDim is hidden / heads except where the config sets it explicitly (Gemma 256)', () => {
    // Models kept as config.json take head_dim from the config (test/core/architecture.test.ts).
    const fromConfig = new Set(CONFIG_MODEL_ENTRIES.map((e) => e.id));
    for (const m of MODELS.filter((model) => !fromConfig.has(model.id))) {
      if (m.id === 'gemma-7b') {
        expect(m.headDim).toBe(256);
        expect(m.headDim * m.attentionHeads).not.toBe(m.hiddenSize);
      } else {
        expect(m.headDim * m.attentionHeads, m.id).toBe(m.hiddenSize);
      }
    }
  });

  it('records the architecture facts the notebook got wrong', () => {
    expect(findModel('llama-2-7b')?.kvHeads).toBe(32);
    expect(findModel('llama-2-70b')?.kvHeads).toBe(8);
    expect(findModel('mixtral-8x7b')?.slidingWindow).toBeNull();
    expect(findModel('mistral-7b')?.slidingWindow).toBe(4096);
    expect(findModel('qwen2-7b')?.slidingWindow).toBeNull();
    expect(findModel('qwen2-7b')?.attentionBias).toBe(true);
    expect(findModel('gemma-7b')?.tiedEmbeddings).toBe(true);
    expect(findModel('mixtral-8x22b')).toMatchObject({ layers: 56, experts: 8, expertsPerToken: 2 });
    expect(findModel('llama-3.1-405b')?.kvHeads).toBe(8);
  });

  it('dense models have one expert; MoE models publish total and active counts', () => {
    for (const m of MODELS) {
      if (m.experts === 1) {
        expect(m.expertsPerToken, m.id).toBe(1);
      } else {
        expect(m.publishedActiveParameterCount, m.id).toBeDefined();
      }
    }
  });
});

describe('catalog GPUs', () => {
  it('every GPU names a source', () => {
    for (const g of GPUS) expect(g.source.trim().length, g.id).toBeGreaterThan(0);
  });

  it('has FP16 or BF16 throughput and positive finite memory, bandwidth, interconnect and power', () => {
    for (const g of GPUS) {
      expect((g.peakFlops.FP16 ?? 0) > 0 || (g.peakFlops.BF16 ?? 0) > 0, g.id).toBe(true);
      for (const v of [
        g.memoryBytes,
        g.memoryBandwidthBytesPerSecond,
        g.interconnectBandwidthBytesPerSecond,
        g.tdpWatts ?? 0,
      ]) {
        expect(Number.isFinite(v) && v > 0, g.id).toBe(true);
      }
      expect(Number.isInteger(g.memoryBytes), g.id).toBe(true);
      for (const [format, flops] of Object.entries(g.peakFlops)) {
        expect(NUMBER_FORMATS as readonly string[], g.id).toContain(format);
        expect(Number.isFinite(flops) && (flops as number) > 0, `${g.id} ${format}`).toBe(true);
      }
    }
  });

  it('has plausible magnitudes (memory 16-320 GB, bandwidth 0.1-10 TB/s, FP16 10-5000 TFLOP/s)', () => {
    for (const g of GPUS) {
      expect(g.memoryBytes, g.id).toBeGreaterThan(16e9);
      expect(g.memoryBytes, g.id).toBeLessThan(320e9);
      expect(g.memoryBandwidthBytesPerSecond, g.id).toBeGreaterThan(0.1e12);
      expect(g.memoryBandwidthBytesPerSecond, g.id).toBeLessThan(10e12);
      const half = g.peakFlops.FP16 ?? g.peakFlops.BF16 ?? 0;
      expect(half, g.id).toBeGreaterThan(10e12);
      expect(half, g.id).toBeLessThan(5000e12);
    }
  });

  it('lists dense figures: no FP8 above twice the 16-bit rate (guards against 2:4-sparse figures)', () => {
    // 2% slack for datasheet rounding (L40S prints FP16 362.05 next to FP8 733; MI300X 1307.4 vs 2614.9).
    // A sparse FP8 figure against a dense FP16 one would be ~4x. The faster of FP16 and BF16 counts:
    // Gaudi 3 runs BF16 (1677) on its matrix engines at the FP8 rate, FP16 at 459.
    for (const g of GPUS) {
      const fp8 = g.peakFlops.FP8;
      const fp16 = Math.max(g.peakFlops.FP16 ?? 0, g.peakFlops.BF16 ?? 0) || undefined;
      if (fp8 !== undefined && fp16 !== undefined) expect(fp8, g.id).toBeLessThanOrEqual(2 * fp16 * 1.02);
    }
  });

  it('has tensor throughput well above the FP32 vector rate (guards against swapped fields)', () => {
    for (const g of GPUS) {
      const fp16 = g.peakFlops.FP16 ?? g.peakFlops.BF16 ?? 0;
      if (g.peakFlops.FP32 !== undefined) expect(fp16, g.id).toBeGreaterThan(g.peakFlops.FP32);
    }
  });

  it('only lists formats each generation supports', () => {
    for (const g of GPUS) {
      if (g.generation === 'HOPPER' || g.generation === 'BLACKWELL')
        expect(g.peakFlops.INT4, g.id).toBeUndefined();
      if (g.generation === 'AMPERE' || g.generation === 'VOLTA')
        expect(g.peakFlops.FP8, g.id).toBeUndefined();
      if (g.generation === 'VOLTA') {
        expect(g.peakFlops.BF16, g.id).toBeUndefined();
        expect(g.peakFlops.TF32, g.id).toBeUndefined();
        expect(g.peakFlops.INT8, g.id).toBeUndefined();
      }
    }
  });

  it('uses the driver-reported totals where they were confirmed', () => {
    const MiB = 1_048_576;
    expect(findGpu('h100-sxm5-80gb')?.memoryBytes).toBe(81559 * MiB);
    expect(findGpu('a100-sxm4-80gb')?.memoryBytes).toBe(81920 * MiB);
    expect(findGpu('l4')?.memoryBytes).toBe(23034 * MiB);
    expect(findGpu('h200-sxm-141gb')?.memoryBytes).toBe(143771 * MiB);
    for (const g of GPUS) expect(['DRIVER', 'MARKETED'], g.id).toContain(g.memoryBytesBasis);
  });
});
