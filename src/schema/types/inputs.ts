import type { InputFieldBuilder } from '@pothos/core';
import {
  DEFAULT_ENGINE,
  DEFAULT_GPUS_PER_NODE,
  DEFAULT_NETWORK_BYTES_PER_SECOND,
  LIMITS,
} from '../../core/index.js';
import { builder } from '../builder.js';
import { DEFAULT_INTERCONNECT_BYTES_PER_SECOND } from '../resolve-input.js';
import { COMPARE_LIMIT } from '../validation.js';
import { EngineProfileEnum, GpuGenerationEnum, NumberFormatEnum, WeightQuantizationEnum } from './enums.js';
import { MEMORY_ASSUMPTION_DESCRIPTIONS } from './memory-assumptions.js';
import { ParallelismInput } from './parallelism.js';
import { TuningInput } from './tuning.js';

type InputFields = InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>;

const { tokens, batchSize, gpuCount, parallelDegree, draftTokens } = LIMITS;

export const DisaggregationInput = builder.inputType('DisaggregationInput', {
  description:
    "A prefill pool of GPUs of the estimate's type: it prefills every prompt and sends its KV cache over the network (the smaller pool's tensor x pipeline GPUs each sending their share, at the network bandwidth per GPU) to the estimate's GPUs, which only decode.",
  fields: (t) => ({
    prefillGpuCount: t.int({
      required: true,
      description: `GPUs of the prefill pool, ${gpuCount.min} to ${gpuCount.max}.`,
    }),
    prefillParallelism: t.field({
      type: ParallelismInput,
      description: 'How the prefill pool splits the model; default tensor = prefillGpuCount.',
    }),
  }),
});

export const SpeculativeDecodingInput = builder.inputType('SpeculativeDecodingInput', {
  description:
    'Each decode step verifies draftTokens proposed tokens per sequence and keeps acceptedTokensPerStep of them on average (the bonus token included).',
  fields: (t) => ({
    draftTokens: t.int({
      required: true,
      description: `Tokens proposed per step, ${draftTokens.min} to ${draftTokens.max}.`,
    }),
    acceptedTokensPerStep: t.float({
      required: true,
      description:
        'Mean tokens each step keeps, from 1 (every proposal rejected) to draftTokens + 1 (all accepted), as measured for your traffic.',
    }),
    draftModel: t.id({
      description:
        'Catalog id of the draft model, timed on one GPU for draftTokens steps of its own per step (its weights are not counted in memory). Omit for multi-token-prediction heads or n-gram lookup (proposing taken as free).',
    }),
  }),
});

export const FlopsByFormatInput = builder.inputType('FlopsByFormatInput', {
  description: 'Dense (not 2:4 sparse) peak throughput of one compute format.',
  fields: (t) => ({
    format: t.field({ type: NumberFormatEnum, required: true, description: 'Compute format.' }),
    flopsPerSecond: t.float({
      required: true,
      description: `Dense peak throughput, FLOP/s (OP/s for integer formats); from 1 to ${LIMITS.flopsPerSecond.max}.`,
    }),
  }),
});

export const CustomGpuInput = builder.inputType('CustomGpuInput', {
  description: 'A GPU that is not in the catalog, described by its datasheet figures.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Display name; the GPU id becomes "custom:<name>".' }),
    memoryBytes: t.float({
      required: true,
      description: `Usable memory of one GPU, bytes (the notebook's gpu_mem); from 1 to ${LIMITS.memoryBytes.max}.`,
    }),
    memoryBandwidthBytesPerSecond: t.float({
      required: true,
      description: `Peak memory bandwidth, bytes/s; from 1 to ${LIMITS.bandwidthBytesPerSecond.max}.`,
    }),
    peakFlops: t.field({
      type: [FlopsByFormatInput],
      required: true,
      description:
        'Dense peak throughput per compute format, at least one, each format once. A requested compute format the GPU lacks falls back to the nearest one it has (see Assumptions.computeFormatUsed).',
    }),
    interconnectBandwidthBytesPerSecond: t.float({
      defaultValue: DEFAULT_INTERCONNECT_BYTES_PER_SECOND,
      description: `GPU-to-GPU bandwidth per direction, bytes/s (default ${DEFAULT_INTERCONNECT_BYTES_PER_SECOND}: PCIe Gen4 x16); used when gpuCount > 1.`,
    }),
    tdpWatts: t.float({ description: 'Board power, watts (optional, informational).' }),
    generation: t.field({
      type: GpuGenerationEnum,
      defaultValue: 'CUSTOM',
      description: 'Architecture generation, which picks generation-specific calibrated efficiencies.',
    }),
  }),
});

const int = (t: InputFields, description: string) => t.int({ required: true, description });

export const CustomModelInput = builder.inputType('CustomModelInput', {
  description:
    'A transformer that is not in the catalog, with the fields of its HuggingFace config.json. Integers are positive.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Display name; the model id becomes "custom:<name>".' }),
    layers: int(t, `num_hidden_layers, ${LIMITS.layers.min} to ${LIMITS.layers.max}.`),
    hiddenSize: int(t, `hidden_size, ${LIMITS.hiddenSize.min} to ${LIMITS.hiddenSize.max}.`),
    intermediateSize: int(t, `intermediate_size (per expert for MoE), 1 to ${LIMITS.hiddenSize.max}.`),
    attentionHeads: int(t, `num_attention_heads, ${LIMITS.heads.min} to ${LIMITS.heads.max}.`),
    kvHeads: t.int({
      description: 'num_key_value_heads (default attentionHeads); must divide attentionHeads.',
    }),
    headDim: t.int({
      description: 'head_dim (default hiddenSize / attentionHeads, which must then be a whole number).',
    }),
    vocabSize: int(t, `vocab_size, ${LIMITS.vocabSize.min} to ${LIMITS.vocabSize.max}.`),
    contextWindow: int(
      t,
      `max_position_embeddings, tokens, ${LIMITS.contextWindow.min} to ${LIMITS.contextWindow.max}.`,
    ),
    slidingWindow: t.int({
      description: 'sliding_window, tokens, when the attention uses one (at most contextWindow); else omit.',
    }),
    experts: t.int({
      defaultValue: 1,
      description: `num_local_experts, 1 for dense models, at most ${LIMITS.experts.max}.`,
    }),
    expertsPerToken: t.int({
      defaultValue: 1,
      description: 'num_experts_per_tok, 1 for dense models, at most experts.',
    }),
    tiedEmbeddings: t.boolean({
      defaultValue: false,
      description: 'tie_word_embeddings: the LM head reuses the embedding table.',
    }),
    gatedFfn: t.boolean({
      defaultValue: true,
      description: 'SwiGLU/GeGLU feed-forward (3 matrices) rather than a plain MLP (2).',
    }),
    attentionBias: t.boolean({
      defaultValue: false,
      description: 'The q/k/v projections carry biases (Qwen2).',
    }),
  }),
});

export const MemoryAssumptionsInput = builder.inputType('MemoryAssumptionsInput', {
  description: 'Overrides of the memory assumptions; omitted fields keep the defaults.',
  fields: (t) => ({
    runtimeOverheadBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.runtimeOverheadBytes }),
    engineBuffersBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.engineBuffersBytes }),
    maxBatchedTokens: t.int({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.maxBatchedTokens }),
    reservesFullStep: t.boolean({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.reservesFullStep }),
    usableMemoryFraction: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.usableMemoryFraction }),
    attentionScoreBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.attentionScoreBytes }),
    prefillLogitsBytes: t.float({ description: MEMORY_ASSUMPTION_DESCRIPTIONS.prefillLogitsBytes }),
  }),
});

/** Fields EstimateInput and CompareInput share, described once. */
const requestFields = (t: InputFields) => ({
  inputTokens: t.int({
    required: true,
    description: `Prompt length per sequence, tokens, ${tokens.min} to ${tokens.max}.`,
  }),
  outputTokens: t.int({
    required: true,
    description: `Generated tokens per sequence, tokens, ${tokens.min} to ${tokens.max}.`,
  }),
  batchSize: t.int({
    defaultValue: 1,
    description: `Sequences served together, ${batchSize.min} to ${batchSize.max}.`,
  }),
  gpuCount: t.int({
    description: `GPUs in all, ${gpuCount.min} to ${gpuCount.max}. Alone: one tensor-parallel group (tensor = gpuCount). With parallelism: tensor x pipeline x data, which it may be omitted for. Default 1. Memory figures are per GPU (the most loaded one).`,
  }),
  parallelism: t.field({
    type: ParallelismInput,
    description:
      'How the GPUs split the model (tensor x pipeline x expert x data); default tensor = gpuCount. batchSize counts sequences across all data-parallel replicas.',
  }),
  gpusPerNode: t.int({
    defaultValue: DEFAULT_GPUS_PER_NODE,
    description: `GPUs per node, ${parallelDegree.min} to ${parallelDegree.max}: collectives spanning more GPUs cross the network instead of the GPU interconnect.`,
  }),
  networkGigabitsPerSecondPerGpu: t.float({
    description: `Network bandwidth per GPU between nodes, Gb/s; default the GPU platform's (${(DEFAULT_NETWORK_BYTES_PER_SECOND * 8) / 1e9} Gb/s InfiniBand per GPU where the catalog gives none).`,
  }),
  prefixCacheHitRate: t.float({
    defaultValue: 0,
    description:
      'Share of each prompt already in the prefix cache, 0 up to (not including) 1: those tokens are attended to but not recomputed (their memory is still counted per sequence).',
  }),
  speculativeDecoding: t.field({
    type: SpeculativeDecodingInput,
    description: 'Speculative decoding or multi-token prediction; omit for one token per decode step.',
  }),
  disaggregation: t.field({
    type: DisaggregationInput,
    description:
      "Disaggregated serving: prefill on a pool of GPUs of its own, these GPUs only decode. Shapes Estimate.serving and servingCurve (staggered arrivals); the estimate's own times stay colocated.",
  }),
  engine: t.field({
    type: EngineProfileEnum,
    defaultValue: DEFAULT_ENGINE,
    description:
      'Engine profile whose calibrated efficiencies and overheads apply; IDEAL is the roofline bound and takes no tuning overrides.',
  }),
  tuning: t.field({ type: TuningInput, description: 'Overrides of the profile efficiencies and overheads.' }),
  memoryAssumptions: t.field({
    type: MemoryAssumptionsInput,
    description: 'Overrides of the runtime overhead and the prefill chunk.',
  }),
});

export const EstimateInput = builder.inputType('EstimateInput', {
  description:
    'One model on one GPU or several (see parallelism). Give exactly one of model / customModel / modelConfig and exactly one of gpu / customGpu.',
  fields: (t) => ({
    model: t.id({ description: 'Catalog model id or alias, case-insensitive (see Query.models).' }),
    customModel: t.field({ type: CustomModelInput, description: 'A model described in the request.' }),
    modelConfig: t.field({
      type: 'JSONObject',
      description:
        'A HuggingFace config.json, as published (multimodal configs: their text_config is used). See Query.modelFromConfig for how it is read and which model_type values are supported.',
    }),
    gpu: t.id({ description: 'Catalog GPU id or alias, case-insensitive (see Query.gpus).' }),
    customGpu: t.field({ type: CustomGpuInput, description: 'A GPU described in the request.' }),
    weightFormat: t.field({
      type: NumberFormatEnum,
      defaultValue: 'FP16',
      description: 'Format of the stored layer matrices (embeddings, LM head, norms and biases stay 16-bit).',
    }),
    weightQuantization: t.field({
      type: WeightQuantizationEnum,
      description:
        'A named quantisation scheme (AWQ/GPTQ g128, GGUF Q4_K_M, NF4, FP8 block, ...) whose real bytes per weight apply; it sets the weight format, so weightFormat is then ignored.',
    }),
    kvCacheFormat: t.field({
      type: NumberFormatEnum,
      defaultValue: 'FP16',
      description: 'Format of the stored KV cache.',
    }),
    computeFormat: t.field({
      type: NumberFormatEnum,
      description:
        'Format the matrix multiplications run in. Default: the weight format, except INT8/INT4 weights (weight-only quantisation) compute in FP16.',
    }),
    ...requestFields(t),
  }),
});

export const CompareInput = builder.inputType('CompareInput', {
  description: `Every combination of models x GPUs x weightFormats x kvCacheFormats, estimated with the same workload, in that nesting order (catalog entries, then custom models, then models from config.json). At most ${COMPARE_LIMIT} estimates per request.`,
  fields: (t) => ({
    models: t.idList({ description: 'Catalog model ids or aliases.' }),
    customModels: t.field({ type: [CustomModelInput], description: 'Models described in the request.' }),
    modelConfigs: t.field({
      type: ['JSONObject'],
      description:
        'HuggingFace config.json files, as published (see Query.modelFromConfig); after the custom models.',
    }),
    gpus: t.idList({ description: 'Catalog GPU ids or aliases.' }),
    customGpus: t.field({ type: [CustomGpuInput], description: 'GPUs described in the request.' }),
    weightFormats: t.field({
      type: [NumberFormatEnum],
      defaultValue: ['FP16'],
      description: 'Weight formats to compare (compute format: the default for each).',
    }),
    kvCacheFormats: t.field({
      type: [NumberFormatEnum],
      defaultValue: ['FP16'],
      description: 'KV cache formats to compare.',
    }),
    ...requestFields(t),
  }),
});
