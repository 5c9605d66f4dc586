import { describe, expect, it } from 'vitest';
import { GPUS, MODELS } from '../../src/core/catalog/index.js';
import { type Estimate, estimate, NUMBER_FORMATS } from '../../src/core/index.js';
import { request } from './helpers.js';

/** Every number an estimate answers, flattened, to check for NaN, Infinity and negatives. */
function numbers(e: Estimate): [string, number][] {
  const out: [string, number][] = [];
  const t = e.timing;
  const m = e.memory;
  out.push(
    ['weightsBytes', m.weightsBytes],
    ['kvCacheBytes', m.kvCacheBytes],
    ['activationsBytes', m.activationsBytes],
    ['overheadBytes', m.overheadBytes],
    ['totalBytes', m.totalBytes],
    ['capacityBytes', m.capacityBytes],
    ['maxContext', e.maxContext.tokens],
    ['ttft', t.timeToFirstTokenSeconds],
    ['tpot', t.timePerOutputTokenSeconds],
    ['total', t.totalSeconds],
    ['throughput', t.outputTokensPerSecond],
    ['prefillTimeRatio', t.attentionShare.prefillTimeRatio],
    ['prefillFlopsRatio', t.attentionShare.prefillFlopsRatio],
    ['decodeTimeRatio', t.attentionShare.decodeTimeRatio],
  );
  for (const phase of [t.prefill, t.decode]) {
    for (const op of phase.operators)
      out.push([op.name, op.seconds], [op.name, op.flops], [op.name, op.bytes]);
  }
  return out;
}

const STORAGE_FORMATS = NUMBER_FORMATS.filter((f) => f !== 'TF32');

describe('grids', () => {
  it('the notebook grid (4 models x 3 GPUs x 4 weight formats x 3 KV formats) answers without error', () => {
    let answered = 0;
    for (const model of ['LLaMA', 'LLaMA2', 'Mistral', 'Mixtral']) {
      for (const gpu of ['V100', 'A100', 'H100']) {
        for (const weightFormat of ['FP32', 'FP16', 'INT8', 'INT4'] as const) {
          for (const kvCacheFormat of ['FP32', 'FP16', 'INT8'] as const) {
            const e = estimate(
              request(model, gpu, { weightFormat, kvCacheFormat, inputTokens: 1024, outputTokens: 256 }),
            );
            for (const [name, value] of numbers(e)) {
              expect(Number.isFinite(value), `${model}/${gpu}/${weightFormat}/${kvCacheFormat} ${name}`).toBe(
                true,
              );
            }
            answered++;
          }
        }
      }
    }
    expect(answered).toBe(4 * 3 * 4 * 3);
  });

  it('no NaN, Infinity or negative anywhere in the catalog x formats grid', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const model of MODELS) {
      for (const gpu of GPUS) {
        for (const weightFormat of STORAGE_FORMATS) {
          for (const kvCacheFormat of ['FP16', 'FP8', 'INT4'] as const) {
            for (const batchSize of [1, 64]) {
              const e = estimate(
                request(model.id, gpu.id, { weightFormat, kvCacheFormat, batchSize, gpuCount: 2 }),
              );
              for (const [name, value] of numbers(e)) {
                if (!(Number.isFinite(value) && value >= 0)) {
                  bad.push(
                    `${model.id}/${gpu.id}/${weightFormat}/${kvCacheFormat}/b${batchSize} ${name} = ${value}`,
                  );
                }
              }
              checked++;
            }
          }
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBe(MODELS.length * GPUS.length * STORAGE_FORMATS.length * 3 * 2);
  });
});
