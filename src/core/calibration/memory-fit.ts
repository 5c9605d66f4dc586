/**
 * What engines hold beyond weights, KV cache, activations and the runtime overhead: the tensors an
 * engine allocates whatever the request (kernel workspaces, unpacking scratch, rotary tables,
 * sampler buffers, a cache sized past the request). One number per engine profile, fitted on the
 * memory cases (memory figures and logged KV cache pools) by the weighted absolute error in bytes.
 */
import type { EngineProfile, MemoryAssumptions } from '../types.js';
import type { CalibrationCase } from './cases.js';
import { CasePredictor, isMemoryMetric } from './evaluate.js';
import type { FittedMemory } from './fitted-types.js';

type Fitted = Exclude<EngineProfile, 'IDEAL'>;

const GiB = 2 ** 30;
/** 0 to 4 GiB in steps of 1/32 GiB. */
const BUFFERS_GRID = Array.from({ length: 129 }, (_, i) => (i * GiB) / 32);

/** The override that sets a case's engine buffers (the fit predicts without them, then adds them). */
export function engineBuffers(bytes: number): Partial<MemoryAssumptions> {
  return { engineBuffersBytes: bytes };
}

/**
 * Engine buffers per profile: fitted on the profile's own memory cases, from however many sources,
 * else 0. Other profiles' engines allocate differently: borrowing their cases taught ExLlama
 * FasterTransformer's and vLLM's allocations (24% off held out, against 4.5% from its own single
 * remaining source). `weightsOf` gives each case its weight (quality over the source's case count:
 * one vote per source).
 */
export function fitMemory(
  cases: readonly CalibrationCase[],
  profiles: readonly Fitted[],
  weightsOf: (cases: readonly CalibrationCase[]) => number[],
  sourceOf: (c: CalibrationCase) => string,
): Record<Fitted, FittedMemory> {
  const memoryCases = cases.filter((c) => isMemoryMetric(c.metric));
  const predictor = new CasePredictor();
  const without = new Map(
    memoryCases.map((c) => [c, predictor.predict(c, c.engine, undefined, engineBuffers(0))]),
  );
  const fitOn = (own: readonly CalibrationCase[]): FittedMemory => {
    if (own.length === 0) return { engineBuffersBytes: 0, basis: 'NONE', cases: 0, sources: 0 };
    const weights = weightsOf(own);
    let best = { bytes: 0, loss: Number.POSITIVE_INFINITY };
    for (const bytes of BUFFERS_GRID) {
      let loss = 0;
      own.forEach((c, i) => {
        // Buffers add to what a GPU holds and take from the KV cache pool the rest leaves. They are
        // bytes added to every case, so the loss is in bytes: a log error would let the small pool of
        // a 24 GB card outvote the 50 GiB pool of an 80 GB one on how many bytes the engine keeps.
        const predicted = (without.get(c) ?? 0) + (c.metric === 'KV_CACHE_POOL_BYTES' ? -bytes : bytes);
        loss += weights[i] * Math.abs(predicted - c.measured);
      });
      if (loss < best.loss - 1e-12) best = { bytes, loss };
    }
    const sources = new Set(own.map(sourceOf)).size;
    return { engineBuffersBytes: best.bytes, basis: 'PROFILE', cases: own.length, sources };
  };
  return Object.fromEntries(
    profiles.map((engine) => [engine, fitOn(memoryCases.filter((c) => c.engine === engine))]),
  ) as Record<Fitted, FittedMemory>;
}
