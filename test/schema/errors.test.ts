import { type GraphQLInputObjectType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { gpuIds, modelIds } from '../../src/core/catalog/index.js';
import { schema } from '../../src/schema/index.js';
import { type GraphQLErrorJson, runOperation, testApp } from './support.js';

const app = testApp();

const WORKLOAD = 'inputTokens: 100, outputTokens: 10';
const TOY_GPU = `{ name: "toy", memoryBytes: 1e10, memoryBandwidthBytesPerSecond: 1e11,
                   peakFlops: [{ format: FP16, flopsPerSecond: 1e13 }] }`;

/** A small custom model; `fields` override or add architecture fields. */
function toyModel(fields: Record<string, number>): string {
  const all = {
    layers: 2,
    hiddenSize: 64,
    intermediateSize: 128,
    attentionHeads: 4,
    vocabSize: 100,
    contextWindow: 512,
    ...fields,
  };
  return `{ name: "toy", ${Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')} }`;
}

async function estimateError(input: string, selection = 'fits'): Promise<GraphQLErrorJson> {
  const result = await runOperation(app, `{ estimate(input: { ${input} }) { ${selection} } }`);
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return (result.errors ?? [])[0];
}

describe('NOT_FOUND', () => {
  it('names an unknown model and lists every valid model id', async () => {
    const error = await estimateError(`model: "gpt-9", gpu: "h100", ${WORKLOAD}`);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.field).toBe('input.model');
    expect(error.extensions?.validIds).toEqual(modelIds());
    expect(error.message).toContain('unknown model "gpt-9"');
    for (const id of modelIds()) expect(error.message).toContain(id);
  });

  it('names an unknown GPU and lists every valid GPU id', async () => {
    const error = await estimateError(`model: "llama-2-7b", gpu: "tpu-v5", ${WORKLOAD}`);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.validIds).toEqual(gpuIds());
    expect(error.message).toContain('unknown GPU "tpu-v5"');
    expect(error.message).toContain('h100-sxm5-80gb');
  });

  it('names the list position of an unknown id in compare', async () => {
    const result = await runOperation(
      app,
      `{ compare(input: { models: ["mistral-7b"], gpus: ["l4", "nope"], ${WORKLOAD} }) { fits } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].extensions?.field).toBe('input.gpus[1]');
  });
});

describe('BAD_USER_INPUT names the field, the value and the limit', () => {
  const cases: [string, string, string][] = [
    [
      'inputTokens: 0, outputTokens: 10',
      'input.inputTokens = 0 is out of range: an integer from 1 to 10000000',
      '',
    ],
    [
      'inputTokens: 1, outputTokens: 10000001',
      'input.outputTokens = 10000001 is out of range: an integer from 1 to 10000000',
      '',
    ],
    [
      `${WORKLOAD}, batchSize: 100001`,
      'input.batchSize = 100001 is out of range: an integer from 1 to 100000',
      '',
    ],
    [`${WORKLOAD}, gpuCount: 0`, 'input.gpuCount = 0 is out of range: an integer from 1 to 1024', ''],
    [
      `${WORKLOAD}, tuning: { decodeBandwidthEfficiency: 1.5 }`,
      'input.tuning.decodeBandwidthEfficiency = 1.5 is out of range: a fraction from 0.000001 to 1',
      '',
    ],
    [
      `${WORKLOAD}, tuning: { perStepOverheadSeconds: -0.001 }`,
      'input.tuning.perStepOverheadSeconds = -0.001 is out of range: from 0 to 3600 seconds',
      '',
    ],
    [
      `${WORKLOAD}, memoryAssumptions: { maxBatchedTokens: 0 }`,
      'input.memoryAssumptions.maxBatchedTokens = 0 is out of range: an integer from 1 to 10000000',
      '',
    ],
    [
      `${WORKLOAD}, weightFormat: TF32`,
      'input.weightFormat = "TF32" is out of range: a storage format (TF32 is a compute mode only)',
      '',
    ],
  ];
  for (const [input, message] of cases) {
    it(message, async () => {
      const error = await estimateError(`model: "llama-2-7b", gpu: "h100", ${input}`);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe(message);
      expect(message).toContain(String(error.extensions?.field));
    });
  }

  const customCases: [string, string][] = [
    [
      toyModel({ kvHeads: 3 }),
      'input.customModel.kvHeads = 3 is out of range: a divisor of attentionHeads (4)',
    ],
    [
      toyModel({ experts: 8, expertsPerToken: 9 }),
      'input.customModel.expertsPerToken = 9 is out of range: an integer from 1 to 8',
    ],
    [
      toyModel({ attentionHeads: 6 }),
      'input.customModel.headDim: hiddenSize / attentionHeads = 64 / 6 is not a whole number; give headDim',
    ],
    [toyModel({ layers: 0 }), 'input.customModel.layers = 0 is out of range: an integer from 1 to 1000'],
    [
      toyModel({ slidingWindow: 1024 }),
      'input.customModel.slidingWindow = 1024 is out of range: an integer from 1 to 512',
    ],
  ];
  for (const [model, message] of customCases) {
    it(message, async () => {
      const error = await estimateError(`customModel: ${model}, customGpu: ${TOY_GPU}, ${WORKLOAD}`);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe(message);
    });
  }

  it('refuses a custom GPU with non-positive memory', async () => {
    const error = await estimateError(
      `model: "llama-2-7b", customGpu: { name: "x", memoryBytes: -1, memoryBandwidthBytesPerSecond: 1e12,
        peakFlops: [{ format: FP16, flopsPerSecond: 1e14 }] }, ${WORKLOAD}`,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'input.customGpu.memoryBytes = -1 is out of range: from 1 to 1000000000000000 bytes',
    );
  });

  it('refuses a custom GPU without any peak throughput', async () => {
    const error = await estimateError(
      `model: "llama-2-7b", customGpu: { name: "x", memoryBytes: 1e10, memoryBandwidthBytesPerSecond: 1e12, peakFlops: [] }, ${WORKLOAD}`,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('input.customGpu.peakFlops');
  });

  it('needs exactly one of model and customModel', async () => {
    const neither = await estimateError(`gpu: "h100", ${WORKLOAD}`);
    expect(neither.extensions?.code).toBe('BAD_USER_INPUT');
    expect(neither.message).toBe(
      'input.model: give exactly one of input.model (catalog id) and input.customModel or input.modelConfig',
    );
    const both = await estimateError(
      `model: "llama-2-7b", customModel: ${toyModel({})}, gpu: "h100", ${WORKLOAD}`,
    );
    expect(both.extensions?.field).toBe('input.model');
  });

  it('checks maxBatchSize(contextTokens) like any other token count', async () => {
    const error = await estimateError(
      `model: "llama-2-7b", gpu: "h100", ${WORKLOAD}`,
      'maxBatchSize(contextTokens: 0) { batchSize }',
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('contextTokens = 0 is out of range: an integer from 1 to 10000000');
  });

  it('checks the format of weightsBytes(format)', async () => {
    const result = await runOperation(app, '{ model(id: "llama-2-7b") { weightsBytes(format: TF32) } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('TF32 is a compute mode only');
  });
});

describe('tuning overrides', () => {
  const tuningInput = schema.getType('TuningInput');
  const fields = isInputObjectType(tuningInput)
    ? Object.keys((tuningInput as GraphQLInputObjectType).getFields())
    : [];

  it('lists the fields of TuningInput', () => {
    expect(fields).toContain('allReduceStepBytes');
  });

  // Every field, including ones added later: a negative efficiency, overhead or byte count is
  // meaningless, and above 1e15 every limit (a fraction, an hour, 1e9 bytes, 1000 ops) is passed.
  it.each(fields.flatMap((field) => [[field, -1] as const, [field, 1e15] as const]))(
    'refuses %s = %d, naming the field and its range',
    async (field, value) => {
      const error = await estimateError(
        `model: "llama-2-7b", gpu: "h100", ${WORKLOAD}, tuning: { ${field}: ${value} }`,
      );
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.field).toBe(`input.tuning.${field}`);
      expect(error.message).toMatch(
        new RegExp(`^input\\.tuning\\.${field} = ${value} is out of range: .*from \\d`),
      );
    },
  );

  it('are refused with engine IDEAL, which is the roofline bound', async () => {
    const error = await estimateError(
      `model: "llama-2-7b", gpu: "h100", ${WORKLOAD}, engine: IDEAL, tuning: { decodeBandwidthEfficiency: 0.5 }`,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('input.tuning');
    expect(error.message).toBe(
      'input.tuning = "decodeBandwidthEfficiency" is out of range: no overrides with engine IDEAL, the roofline bound (100% of every peak, no fixed costs); omit tuning or pick another engine',
    );
  });

  it('an empty tuning with engine IDEAL is the plain roofline', async () => {
    const select = 'timePerOutputTokenSeconds';
    const base = `model: "llama-2-7b", gpu: "h100", ${WORKLOAD}, engine: IDEAL`;
    const plain = await runOperation(app, `{ estimate(input: { ${base} }) { ${select} } }`);
    const empty = await runOperation(app, `{ estimate(input: { ${base}, tuning: {} }) { ${select} } }`);
    expect(empty.errors).toBeUndefined();
    expect(empty.data).toEqual(plain.data);
  });
});

describe('unexpected errors', () => {
  it('are masked, while user errors pass through', async () => {
    const broken = testApp({
      analyzeModel: () => {
        throw new Error('secret internal detail');
      },
    });
    const result = await runOperation(
      broken,
      `{ estimate(input: { model: "llama-2-7b", gpu: "h100", ${WORKLOAD} }) { fits } }`,
    );
    expect(result.errors?.[0].message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toContain('secret internal detail');
  });

  it('query limits from the app options refuse oversized operations before resolving', async () => {
    const limited = testApp({ queryLimits: { complexity: 50 } });
    const result = await runOperation(
      limited,
      `{ compare(input: { models: ["llama-2-7b", "mistral-7b"], gpus: ["l4", "a10g", "h100"], weightFormats: [FP16, INT8, INT4, FP8],
           ${WORKLOAD} }) { fits totalSeconds } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // 2 x 3 x 4 = 24 estimates: 24 for compare itself + 24 x 2 selected fields.
    expect(result.errors?.[0].message).toBe('Query complexity 72 exceeds the limit of 50');
  });
});
