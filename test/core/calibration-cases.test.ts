import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_CASES,
  type CalibrationCase,
  EXCLUDED_MEASUREMENTS,
} from '../../src/core/calibration/cases.js';
import { CUSTOM_GPUS, CUSTOM_MODELS } from '../../src/core/calibration/custom-hardware.js';
import { ENGINE_PROFILES, type GpuSpec, type ModelSpec, NUMBER_FORMATS } from '../../src/core/types.js';
import { DESIGN_GPU_IDS, DESIGN_MODEL_IDS } from './design-ids.js';

interface Measurement {
  id: string;
  source: string;
  quality: string;
}

// The shared data sits beside the repository (../shared from the repo root), in CI as well.
const measurementsUrl = new URL('../../../shared/calibration/measurements.json', import.meta.url);
const measurements: Measurement[] = JSON.parse(readFileSync(measurementsUrl, 'utf8')).measurements;
const byId = new Map(measurements.map((m) => [m.id, m]));

const prefix = (id: string) => id.split('/')[0];
const caseById = (id: string): CalibrationCase => {
  const found = CALIBRATION_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

describe('calibration cases: bookkeeping', () => {
  it('reads all 87 measurements', () => {
    expect(measurements).toHaveLength(87);
    expect(byId.size).toBe(87);
  });

  it('accounts for every measurement id exactly, and for nothing else', () => {
    const covered = new Set([
      ...CALIBRATION_CASES.map((c) => prefix(c.id)),
      ...EXCLUDED_MEASUREMENTS.map((e) => prefix(e.id)),
    ]);
    expect([...covered].sort()).toEqual([...byId.keys()].sort());
    // A wholly excluded measurement (bare id) yields no case; a partly excluded one (id/suffix) yields at least one.
    for (const e of EXCLUDED_MEASUREMENTS) {
      const cases = CALIBRATION_CASES.filter((c) => prefix(c.id) === prefix(e.id));
      if (e.id.includes('/')) expect(cases.length, e.id).toBeGreaterThan(0);
      else expect(cases, e.id).toEqual([]);
      expect(e.reason.length, e.id).toBeGreaterThan(20);
    }
  });

  it('has unique ids across cases and exclusions', () => {
    const ids = [...CALIBRATION_CASES.map((c) => c.id), ...EXCLUDED_MEASUREMENTS.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the source key and the quality grade of its measurement', () => {
    for (const c of CALIBRATION_CASES) {
      const m = byId.get(prefix(c.id));
      expect(m, c.id).toBeDefined();
      if (!m) continue;
      expect(c.source.startsWith(`${m.source}: `), c.id).toBe(true);
      expect(c.quality, c.id).toBe(m.quality === 'B/C' ? 'C' : m.quality);
    }
  });
});

describe('calibration cases: values and requests', () => {
  it('has positive finite measured values', () => {
    for (const c of CALIBRATION_CASES) {
      expect(Number.isFinite(c.measured) && c.measured > 0, c.id).toBe(true);
    }
  });

  it('describes well-formed requests', () => {
    const metrics = [
      'TPOT_SECONDS',
      'TTFT_SECONDS',
      'TOTAL_SECONDS',
      'OUTPUT_TOKENS_PER_SECOND',
      'MEMORY_BYTES',
    ];
    for (const c of CALIBRATION_CASES) {
      for (const n of [c.inputTokens, c.outputTokens, c.batchSize, c.gpuCount]) {
        expect(Number.isInteger(n) && n >= 1, c.id).toBe(true);
      }
      expect(metrics, c.id).toContain(c.metric);
      expect(ENGINE_PROFILES, c.id).toContain(c.engine);
      expect(c.engine, c.id).not.toBe('IDEAL');
      expect(NUMBER_FORMATS, c.id).toContain(c.weightFormat);
      expect(NUMBER_FORMATS, c.id).toContain(c.kvCacheFormat);
      if (c.computeFormat !== undefined) expect(NUMBER_FORMATS, c.id).toContain(c.computeFormat);
      if (c.metric === 'TPOT_SECONDS') expect(c.outputTokens, c.id).toBeGreaterThan(1);
      expect(c.engineName.length, c.id).toBeGreaterThan(0);
      expect(c.note.length, c.id).toBeGreaterThan(40);
      for (const v of Object.values(c.memory ?? {})) expect(Number.isFinite(v) && v >= 0, c.id).toBe(true);
    }
  });

  it('refers only to catalog ids from DESIGN.md, or to full custom specs', () => {
    for (const c of CALIBRATION_CASES) {
      if (typeof c.model === 'string') expect(DESIGN_MODEL_IDS, c.id).toContain(c.model);
      else expect(CUSTOM_MODELS, c.id).toContain(c.model);
      if (typeof c.gpu === 'string') expect(DESIGN_GPU_IDS, c.id).toContain(c.gpu);
      else expect(CUSTOM_GPUS, c.id).toContain(c.gpu);
    }
  });

  it('keeps requests within the context window of fixed-window models', () => {
    for (const c of CALIBRATION_CASES) {
      if (typeof c.model === 'string') continue;
      expect(c.inputTokens + c.outputTokens, c.id).toBeLessThanOrEqual(c.model.contextWindow);
    }
  });
});

describe('custom models and GPUs', () => {
  const positive = (n: number) => Number.isFinite(n) && n > 0;

  it('have ids that do not shadow catalog ids, and complete figures', () => {
    for (const m of CUSTOM_MODELS) {
      expect(DESIGN_MODEL_IDS).not.toContain(m.id);
      expect(m.source.length).toBeGreaterThan(20);
      const numbers: number[] = [
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
      ];
      for (const n of numbers) expect(Number.isInteger(n) && n > 0, m.id).toBe(true);
    }
    for (const g of CUSTOM_GPUS) {
      expect(DESIGN_GPU_IDS).not.toContain(g.id);
      expect(g.source.length).toBeGreaterThan(20);
      const numbers = [
        g.memoryBytes,
        g.memoryBandwidthBytesPerSecond,
        g.interconnectBandwidthBytesPerSecond,
        g.tdpWatts ?? 0,
      ];
      for (const n of numbers) expect(positive(n), g.id).toBe(true);
      expect(positive(g.peakFlops.FP16 ?? 0), g.id).toBe(true);
      for (const v of Object.values(g.peakFlops)) expect(positive(v), g.id).toBe(true);
    }
  });

  it('count parameters within 1% of the published totals', () => {
    // attention d*d_h*(2h + 2h_kv); FFN (3 if gated else 2)*d*d_ff; embeddings V*d, twice if untied.
    const count = (m: ModelSpec) =>
      m.layers *
        (m.hiddenSize * m.headDim * (2 * m.attentionHeads + 2 * m.kvHeads) +
          (m.gatedFfn ? 3 : 2) * m.hiddenSize * m.intermediateSize * m.experts) +
      m.vocabSize * m.hiddenSize * (m.tiedEmbeddings ? 1 : 2);
    for (const m of CUSTOM_MODELS) {
      if (!m.publishedParameterCount) continue;
      const ratio = count(m) / m.publishedParameterCount.value;
      expect(Math.abs(ratio - 1), m.id).toBeLessThan(0.01);
    }
  });

  it('model a layer split as one device with the summed memory and per-GPU speed', () => {
    const split = CALIBRATION_CASES.find((c) => c.id === 'xd-10/tpot')?.gpu as GpuSpec;
    expect(split.memoryBytes).toBe(4 * 81559 * 2 ** 20);
    expect(split.memoryBandwidthBytesPerSecond).toBe(2.0e12);
    expect(CALIBRATION_CASES.find((c) => c.id === 'xd-10/tpot')?.gpuCount).toBe(1);
  });
});

describe('calibration cases: conversions checked by hand', () => {
  it('gf-01: gpt-fast Llama-2-7B bf16 on one A100, 104.9 generated tok/s including the prefill', () => {
    const c = caseById('gf-01');
    // 200 generated tokens / wall time of generate() = 104.9 tok/s -> total = 200 / 104.9 = 1.9066 s.
    expect(c.metric).toBe('OUTPUT_TOKENS_PER_SECOND');
    expect(c.measured).toBe(104.9);
    expect([c.inputTokens, c.outputTokens, c.batchSize, c.gpuCount]).toEqual([5, 200, 1, 1]);
    expect([c.model, c.gpu, c.weightFormat, c.kvCacheFormat]).toEqual([
      'llama-2-7b',
      'a100-sxm4-80gb',
      'BF16',
      'BF16',
    ]);
  });

  it('awq-01/tpot: AutoAWQ decode 156.317 tok/s at batch 1 -> 1/156.317 s per step', () => {
    const c = caseById('awq-01/tpot');
    // TPOT = batch / decode tok/s = 1 / 156.317 = 0.0063973 s (the published median step is 6.397 ms).
    expect(c.metric).toBe('TPOT_SECONDS');
    expect(c.measured).toBeCloseTo(0.0063973, 7);
    expect(c.measured * 1000).toBeCloseTo(6.397, 3);
    expect([c.inputTokens, c.outputTokens, c.batchSize]).toEqual([64, 64, 1]);
    // awq-03 at batch 8: 8 / 1185.25 = 0.0067496 s (published median 6.75 ms).
    expect(caseById('awq-03/tpot').measured).toBeCloseTo(8 / 1185.25, 12);
    expect(caseById('awq-03/tpot').measured * 1000).toBeCloseTo(6.75, 2);
  });

  it('exl-01/tpot-worst: ExLlama worst-case decode 140 tok/s -> 1/140 s per token', () => {
    const c = caseById('exl-01/tpot-worst');
    // 1 / 140 = 0.00714286 s per token over contexts 1920..2047.
    expect(c.metric).toBe('TPOT_SECONDS');
    expect(c.measured).toBeCloseTo(0.00714286, 8);
    expect([c.inputTokens, c.outputTokens]).toEqual([1919, 129]);
  });

  it('memory figures are converted from binary units', () => {
    // AutoAWQ 4.35 "GB" = 4.35 x 2^30 = 4,670,776,934.4 bytes; ExLlama 5194 "MB" = 5194 x 2^20 = 5,446,303,744 bytes.
    expect(caseById('awq-01/memory').measured).toBeCloseTo(4_670_776_934.4, 1);
    expect(caseById('awq-01/memory').memory).toEqual({ runtimeOverheadBytes: 0 });
    expect(caseById('exl-01/memory').measured).toBe(5_446_303_744);
  });
});
