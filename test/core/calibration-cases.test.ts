import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_CASES,
  CASE_FILES,
  type CalibrationCase,
  EXCLUDED_MEASUREMENTS,
  MEASUREMENTS,
  toCase,
} from '../../src/core/calibration/cases.js';
import { CUSTOM_GPUS, CUSTOM_MODELS } from '../../src/core/calibration/custom-hardware.js';
import { CasePredictor } from '../../src/core/calibration/evaluate.js';
import { findGpu, findModel } from '../../src/core/catalog/index.js';
import { ENGINE_PROFILES, type ModelSpec, NUMBER_FORMATS } from '../../src/core/types.js';

const byId = new Map(MEASUREMENTS.map((m) => [m.id, m]));

const prefix = (id: string) => id.split('/')[0];
const caseById = (id: string): CalibrationCase => {
  const found = CALIBRATION_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

describe('calibration cases: bookkeeping', () => {
  it('has one entry per measurement id', () => {
    expect(byId.size).toBe(MEASUREMENTS.length);
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

  it('grades B/C measurements as C and cites the source by repository or url', () => {
    for (const c of CALIBRATION_CASES) {
      const m = byId.get(prefix(c.id));
      if (m?.quality === 'B/C') expect(c.quality, c.id).toBe('C');
      expect(c.source, c.id).toMatch(/^[a-z0-9_]+: \S+\/\S+/);
    }
  });
});

describe('calibration cases: reading the data files', () => {
  it('takes a literal published number only from the measurement notes that quote it', () => {
    for (const file of CASE_FILES) {
      for (const row of file.cases) {
        const value = row.value ?? file.common?.value;
        if (typeof value !== 'number') continue;
        const notes = byId.get(prefix(row.id ?? ''))?.notes ?? '';
        expect(notes, row.id).toMatch(
          new RegExp(`(^|[^0-9.])${String(value).replace('.', '\\.')}([^0-9]|$)`),
        );
      }
    }
  });

  const file = {
    source: 'gptfast',
    setup: 'Setup.',
    common: {
      engine: 'OPTIMIZED',
      engineName: 'gpt-fast',
      model: 'llama-2-7b',
      gpu: 'a100-sxm4-80gb',
      weightFormat: 'BF16',
      kvCacheFormat: 'BF16',
      inputTokens: 5,
      outputTokens: 200,
      metric: 'OUTPUT_TOKENS_PER_SECOND',
      unit: 'tok/s',
    },
    cases: [],
  };

  it('merges the common fields, takes the measurement value and prefixes the setup to the note', () => {
    const c = toCase(file, { id: 'gf-01', note: 'Row note.' });
    // gf-01 publishes 104.9 tok/s; the defaults are gpuCount 1 and batchSize 1.
    expect([c.measured, c.gpuCount, c.batchSize, c.quality]).toEqual([104.9, 1, 1, 'A']);
    expect(c.note).toBe('Setup. Row note.');
  });

  it('converts a decode rate over the batch to seconds per step, and a prefill rate to TTFT', () => {
    // batch 8 decoding 1185.25 tok/s in all -> 8 / 1185.25 = 0.00674963 s per step.
    const tpot = toCase(file, {
      id: 'gf-01',
      metric: 'TPOT_SECONDS',
      batchSize: 8,
      value: 1185.25,
      note: 'n',
    });
    expect(tpot.measured).toBeCloseTo(0.00674963, 8);
    // 1024 prompt tokens at 2048 tok/s -> 0.5 s.
    const ttft = toCase(file, {
      id: 'gf-01',
      metric: 'TTFT_SECONDS',
      inputTokens: 1024,
      value: 2048,
      note: 'n',
    });
    expect(ttft.measured).toBe(0.5);
  });

  it.each([
    [{ id: 'zz-01', note: 'n' }, /zz-01: no measurement/],
    [{ id: 'trt-17', note: 'n' }, /from 'trt_h100vsa100', not 'gptfast'/],
    [{ id: 'gf-01', engine: 'IDEAL', note: 'n' }, /IDEAL is not a measured engine/],
    [{ id: 'gf-01', weightFormat: 'FP6', note: 'n' }, /weightFormat 'FP6' is not one of/],
    [
      { id: 'gf-01', metric: 'MEMORY_BYTES', note: 'n' },
      /no conversion for a MEMORY_BYTES published in tok\/s/,
    ],
    [{ id: 'gf-01', value: 'no_such_key', note: 'n' }, /has no number 'no_such_key'/],
    [{ id: 'gf-01' }, /note is missing/],
  ])('rejects a bad row naming the file and the case: %j', (row, message) => {
    expect(() => toCase(file, row)).toThrow(/data\/calibration\/cases\/gptfast.json, case/);
    expect(() => toCase(file, row)).toThrow(message);
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
      'KV_CACHE_POOL_BYTES',
    ];
    for (const c of CALIBRATION_CASES) {
      for (const n of [c.inputTokens, c.outputTokens, c.batchSize, c.gpuCount]) {
        expect(Number.isInteger(n) && n >= 1, c.id).toBe(true);
      }
      expect(metrics, c.id).toContain(c.metric);
      expect(ENGINE_PROFILES, c.id).toContain(c.engine);
      expect(c.engine, c.id).not.toBe('IDEAL');
      // Weights: one number format for every matrix, or NATIVE (the checkpoint's own format per tensor class).
      expect([...NUMBER_FORMATS, 'NATIVE'], c.id).toContain(c.weightFormat);
      expect(NUMBER_FORMATS, c.id).toContain(c.kvCacheFormat);
      if (c.computeFormat !== undefined) expect(NUMBER_FORMATS, c.id).toContain(c.computeFormat);
      if (c.metric === 'TPOT_SECONDS') expect(c.outputTokens, c.id).toBeGreaterThan(1);
      expect(c.engineName.length, c.id).toBeGreaterThan(0);
      expect(c.note.length, c.id).toBeGreaterThan(40);
      for (const v of Object.values(c.memory ?? {})) {
        expect(typeof v === 'boolean' || (Number.isFinite(v) && v >= 0), c.id).toBe(true);
      }
    }
  });

  it('refers only to catalog ids, or to the calibration-only models and GPUs', () => {
    for (const c of CALIBRATION_CASES) {
      if (typeof c.model === 'string') expect(findModel(c.model)?.id, c.id).toBe(c.model);
      else expect(CUSTOM_MODELS, c.id).toContain(c.model);
      if (typeof c.gpu === 'string') expect(findGpu(c.gpu)?.id, c.id).toBe(c.gpu);
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
      for (const name of [m.id, ...m.aliases]) expect(findModel(name), name).toBeUndefined();
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
      for (const name of [g.id, ...g.aliases]) expect(findGpu(name), name).toBeUndefined();
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

  it('model a layer split as pipeline parallelism over the catalog GPU, memory summed where the source sums it', () => {
    const tpot = CALIBRATION_CASES.find((c) => c.id === 'xd-10/tpot');
    expect([tpot?.gpu, tpot?.gpuCount, tpot?.parallelism]).toEqual(['h100-pcie-80gb', 4, { pipeline: 4 }]);
    // AutoAWQ's peak memory on 2 x RTX 4090 is torch's allocator peak summed over both GPUs.
    const memory = CALIBRATION_CASES.find((c) => c.id === 'awq-10/memory');
    expect([memory?.gpu, memory?.parallelism, memory?.memoryScope]).toEqual([
      'rtx-4090',
      { pipeline: 2 },
      'ALL_GPUS',
    ]);
    // Decode at batch 1 runs the 4 stages one after another: no faster than one GPU holding it all.
    const predictor = new CasePredictor();
    const split = predictor.predict(tpot as CalibrationCase, 'IDEAL');
    const whole = predictor.predict(
      { ...(tpot as CalibrationCase), gpuCount: 1, parallelism: undefined },
      'IDEAL',
    );
    expect(split).toBeGreaterThanOrEqual(whole);
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
    // A torch allocator peak (no CUDA context), one 64-token forward that keeps fp16 + fp32 scores and logits.
    expect(caseById('awq-01/memory').memory).toEqual({
      runtimeOverheadBytes: 0,
      attentionScoreBytes: 6,
      prefillLogitsBytes: 6,
      maxBatchedTokens: 64,
    });
    expect(caseById('exl-01/memory').measured).toBe(5_446_303_744);
  });
});

describe('serving cases', () => {
  it('are predicted by the serving model: at concurrency 1 as the batch-1 case, slower per token under load', () => {
    const batch = CALIBRATION_CASES.find((c) => c.id === 'xd-06/tpot') as CalibrationCase;
    const predictor = new CasePredictor();
    const alone = predictor.predict({ ...batch, concurrency: 1 }, batch.engine);
    expect(alone / predictor.predict(batch, batch.engine)).toBeCloseTo(1, 2);
    expect(predictor.predict({ ...batch, concurrency: 16 }, batch.engine)).toBeGreaterThan(alone);
  });

  it('refuse a serving row that also sets a batch', () => {
    const file = CASE_FILES.find((f) => f.source === 'xdai') as (typeof CASE_FILES)[number];
    const row = { ...(file.cases[0] as object), concurrency: 4, batchSize: 2 };
    expect(() => toCase(file, row)).toThrow(/serving case \(concurrency\) keeps batchSize 1/);
  });
});
