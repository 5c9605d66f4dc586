/**
 * The operations the server benchmark sends: the stack's floor, one full estimate, and a
 * 1,000-estimate comparison with the same selection per estimate.
 */

/** What one estimate answers: memory, max context, TTFT and TPOT (and what goes with them). */
export const ESTIMATE_SELECTION = `
  model { id }
  gpu { id }
  fits
  memory { weightsBytes kvCacheBytes activationsBytes overheadBytes totalBytes capacityBytes freeBytes }
  maxContextLength { tokens limitedBy }
  timeToFirstTokenSeconds
  timePerOutputTokenSeconds
  totalSeconds
  outputTokensPerSecond`;

/** 10 catalog models. */
export const COMPARE_MODELS = [
  'llama-2-7b',
  'llama-2-13b',
  'llama-2-70b',
  'llama-3.1-8b',
  'llama-3.1-70b',
  'mistral-7b',
  'mixtral-8x7b',
  'qwen2-7b',
  'gemma-7b',
  'phi-3-mini',
];

/** 10 catalog GPUs. */
export const COMPARE_GPUS = [
  'v100-sxm2-32gb',
  'a100-sxm4-40gb',
  'a100-sxm4-80gb',
  'h100-sxm5-80gb',
  'h200-sxm-141gb',
  'b200-sxm-180gb',
  'l4',
  'l40s',
  'rtx-4090',
  'mi300x',
];

export const COMPARE_WEIGHT_FORMATS = ['FP16', 'BF16', 'FP8', 'INT8', 'INT4'];
export const COMPARE_KV_FORMATS = ['FP16', 'FP8'];

/** Estimates the comparison asks for: 10 x 10 x 5 x 2 = 1,000. */
export const COMPARE_SIZE =
  COMPARE_MODELS.length * COMPARE_GPUS.length * COMPARE_WEIGHT_FORMATS.length * COMPARE_KV_FORMATS.length;

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export const TYPENAME: GraphQLBody = { query: '{ __typename }' };

export const SINGLE_ESTIMATE: GraphQLBody = {
  query: `query Single($input: EstimateInput!) { estimate(input: $input) { ${ESTIMATE_SELECTION} } }`,
  variables: {
    input: {
      model: 'llama-3.1-70b',
      gpu: 'h100-sxm5-80gb',
      weightFormat: 'FP8',
      kvCacheFormat: 'FP8',
      inputTokens: 2048,
      outputTokens: 512,
    },
  },
};

export const COMPARE_1000: GraphQLBody = {
  query: `query Compare($input: CompareInput!) { compare(input: $input) { ${ESTIMATE_SELECTION} } }`,
  variables: {
    input: {
      models: COMPARE_MODELS,
      gpus: COMPARE_GPUS,
      weightFormats: COMPARE_WEIGHT_FORMATS,
      kvCacheFormats: COMPARE_KV_FORMATS,
      inputTokens: 2048,
      outputTokens: 512,
    },
  },
};
