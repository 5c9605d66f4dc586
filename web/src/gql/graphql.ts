/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an operator or a phase spends its time on. */
export type Bound =
  /** Arithmetic: FLOPs / (peak FLOP/s x compute efficiency) is the larger roofline term. */
  | 'COMPUTE'
  /** GPU-to-GPU transfers: tensor-parallel all-reduce, expert-parallel all-to-all. */
  | 'INTERCONNECT'
  /** Memory traffic: bytes / (bandwidth x bandwidth efficiency) is the larger roofline term. */
  | 'MEMORY'
  /** Fixed per-request or per-step overhead of the engine (scheduling, launches, sampling), or a pipeline stage waiting for the others. */
  | 'OVERHEAD';

/** Every combination of models x GPUs x weightFormats x kvCacheFormats, estimated with the same workload, in that nesting order (catalog entries, then custom models, then models from config.json). At most 1024 estimates per request. */
export type CompareInput = {
  /** Sequences served together, 1 to 100000. */
  batchSize?: number | null | undefined;
  /** GPUs described in the request. */
  customGpus?: Array<CustomGpuInput> | null | undefined;
  /** Models described in the request. */
  customModels?: Array<CustomModelInput> | null | undefined;
  /** Disaggregated serving: prefill on a pool of GPUs of its own, these GPUs only decode. Shapes Estimate.serving and servingCurve (staggered arrivals); the estimate's own times stay colocated. */
  disaggregation?: DisaggregationInput | null | undefined;
  /** Engine profile whose calibrated efficiencies and overheads apply; IDEAL is the roofline bound and takes no tuning overrides. */
  engine?: EngineProfile | null | undefined;
  /** GPUs in all, 1 to 1024. Alone: one tensor-parallel group (tensor = gpuCount). With parallelism: tensor x pipeline x data, which it may be omitted for. Default 1. Memory figures are per GPU (the most loaded one). */
  gpuCount?: number | null | undefined;
  /** Catalog GPU ids or aliases. */
  gpus?: Array<string | number> | null | undefined;
  /** GPUs per node, 1 to 1024: collectives spanning more GPUs cross the network instead of the GPU interconnect. */
  gpusPerNode?: number | null | undefined;
  /** Prompt length per sequence, tokens, 1 to 10000000. */
  inputTokens: number;
  /** KV cache formats to compare. */
  kvCacheFormats?: Array<NumberFormat> | null | undefined;
  /** Overrides of the runtime overhead and the prefill chunk. */
  memoryAssumptions?: MemoryAssumptionsInput | null | undefined;
  /** HuggingFace config.json files, as published (see Query.modelFromConfig); after the custom models. */
  modelConfigs?: Array<unknown> | null | undefined;
  /** Catalog model ids or aliases. */
  models?: Array<string | number> | null | undefined;
  /** Network bandwidth per GPU between nodes, Gb/s; default the GPU platform's (400 Gb/s InfiniBand per GPU where the catalog gives none). */
  networkGigabitsPerSecondPerGpu?: number | null | undefined;
  /** Generated tokens per sequence, tokens, 1 to 10000000. */
  outputTokens: number;
  /** How the GPUs split the model (tensor x pipeline x expert x data); default tensor = gpuCount. batchSize counts sequences across all data-parallel replicas. */
  parallelism?: ParallelismInput | null | undefined;
  /** Share of each prompt already in the prefix cache, 0 up to (not including) 1: those tokens are attended to but not recomputed (their memory is still counted per sequence). */
  prefixCacheHitRate?: number | null | undefined;
  /** Speculative decoding or multi-token prediction; omit for one token per decode step. */
  speculativeDecoding?: SpeculativeDecodingInput | null | undefined;
  /** Overrides of the profile efficiencies and overheads. */
  tuning?: TuningInput | null | undefined;
  /** Weight formats to compare (compute format: the default for each). */
  weightFormats?: Array<NumberFormat> | null | undefined;
};

/** What bounds the longest sequence an estimate can serve. */
export type ContextLimitReason =
  /** The model's context window (max_position_embeddings) is reached first. */
  | 'CONTEXT_WINDOW'
  /** The KV cache fills the memory left after weights, activations and runtime overhead. */
  | 'MEMORY'
  /** Weights, activations and runtime overhead alone exceed the GPU memory: no sequence fits. */
  | 'WEIGHTS_DO_NOT_FIT';

/** A GPU that is not in the catalog, described by its datasheet figures. */
export type CustomGpuInput = {
  /** Architecture generation, which picks generation-specific calibrated efficiencies. */
  generation?: GpuGeneration | null | undefined;
  /** GPU-to-GPU bandwidth per direction, bytes/s (default 32000000000: PCIe Gen4 x16); used when gpuCount > 1. */
  interconnectBandwidthBytesPerSecond?: number | null | undefined;
  /** Peak memory bandwidth, bytes/s; from 1 to 1000000000000000. */
  memoryBandwidthBytesPerSecond: number;
  /** Usable memory of one GPU, bytes (the notebook's gpu_mem); from 1 to 1000000000000000. */
  memoryBytes: number;
  /** Display name; the GPU id becomes "custom:<name>". */
  name: string;
  /** Dense peak throughput per compute format, at least one, each format once. A requested compute format the GPU lacks falls back to the nearest one it has (see Assumptions.computeFormatUsed). */
  peakFlops: Array<FlopsByFormatInput>;
  /** Board power, watts (optional, informational). */
  tdpWatts?: number | null | undefined;
};

/** A transformer that is not in the catalog, with the fields of its HuggingFace config.json. Integers are positive. */
export type CustomModelInput = {
  /** The q/k/v projections carry biases (Qwen2). */
  attentionBias?: boolean | null | undefined;
  /** num_attention_heads, 1 to 10000. */
  attentionHeads: number;
  /** max_position_embeddings, tokens, 1 to 100000000. */
  contextWindow: number;
  /** num_local_experts, 1 for dense models, at most 10000. */
  experts?: number | null | undefined;
  /** num_experts_per_tok, 1 for dense models, at most experts. */
  expertsPerToken?: number | null | undefined;
  /** SwiGLU/GeGLU feed-forward (3 matrices) rather than a plain MLP (2). */
  gatedFfn?: boolean | null | undefined;
  /** head_dim (default hiddenSize / attentionHeads, which must then be a whole number). */
  headDim?: number | null | undefined;
  /** hidden_size, 1 to 1000000. */
  hiddenSize: number;
  /** intermediate_size (per expert for MoE), 1 to 1000000. */
  intermediateSize: number;
  /** num_key_value_heads (default attentionHeads); must divide attentionHeads. */
  kvHeads?: number | null | undefined;
  /** num_hidden_layers, 1 to 1000. */
  layers: number;
  /** Display name; the model id becomes "custom:<name>". */
  name: string;
  /** sliding_window, tokens, when the attention uses one (at most contextWindow); else omit. */
  slidingWindow?: number | null | undefined;
  /** tie_word_embeddings: the LM head reuses the embedding table. */
  tiedEmbeddings?: boolean | null | undefined;
  /** vocab_size, 1 to 10000000. */
  vocabSize: number;
};

/** A prefill pool of GPUs of the estimate's type: it prefills every prompt and sends its KV cache over the network (the smaller pool's tensor x pipeline GPUs each sending their share, at the network bandwidth per GPU) to the estimate's GPUs, which only decode. */
export type DisaggregationInput = {
  /** GPUs of the prefill pool, 1 to 1024. */
  prefillGpuCount: number;
  /** How the prefill pool splits the model; default tensor = prefillGpuCount. */
  prefillParallelism?: ParallelismInput | null | undefined;
};

/** Class of inference engine whose efficiency factors and overheads are calibrated separately against measurements. */
export type EngineProfile =
  /** ExLlama / ExLlamaV2 and AutoAWQ: single-user 4-bit engines with custom kernels. */
  | 'EXLLAMA'
  /** Hugging Face transformers generate() in eager mode: tens of milliseconds of Python per token. */
  | 'HF_TRANSFORMERS'
  /** The roofline bound: 100% of peak FLOP/s and bandwidth, no fixed overheads. */
  | 'IDEAL'
  /** llama.cpp with CUDA offload of all layers (GGUF models). */
  | 'LLAMA_CPP'
  /** Optimised serving engines: TensorRT-LLM, vLLM, lmdeploy TurboMind, FasterTransformer, MLC LLM, gpt-fast (torch.compile). */
  | 'OPTIMIZED';

/** One model on one GPU or several (see parallelism). Give exactly one of model / customModel / modelConfig and exactly one of gpu / customGpu. */
export type EstimateInput = {
  /** Sequences served together, 1 to 100000. */
  batchSize?: number | null | undefined;
  /** Format the matrix multiplications run in. Default: the weight format, except INT8/INT4 weights (weight-only quantisation) compute in FP16. */
  computeFormat?: NumberFormat | null | undefined;
  /** A GPU described in the request. */
  customGpu?: CustomGpuInput | null | undefined;
  /** A model described in the request. */
  customModel?: CustomModelInput | null | undefined;
  /** Disaggregated serving: prefill on a pool of GPUs of its own, these GPUs only decode. Shapes Estimate.serving and servingCurve (staggered arrivals); the estimate's own times stay colocated. */
  disaggregation?: DisaggregationInput | null | undefined;
  /** Engine profile whose calibrated efficiencies and overheads apply; IDEAL is the roofline bound and takes no tuning overrides. */
  engine?: EngineProfile | null | undefined;
  /** Catalog GPU id or alias, case-insensitive (see Query.gpus). */
  gpu?: string | number | null | undefined;
  /** GPUs in all, 1 to 1024. Alone: one tensor-parallel group (tensor = gpuCount). With parallelism: tensor x pipeline x data, which it may be omitted for. Default 1. Memory figures are per GPU (the most loaded one). */
  gpuCount?: number | null | undefined;
  /** GPUs per node, 1 to 1024: collectives spanning more GPUs cross the network instead of the GPU interconnect. */
  gpusPerNode?: number | null | undefined;
  /** Prompt length per sequence, tokens, 1 to 10000000. */
  inputTokens: number;
  /** Format of the stored KV cache. */
  kvCacheFormat?: NumberFormat | null | undefined;
  /** Overrides of the runtime overhead and the prefill chunk. */
  memoryAssumptions?: MemoryAssumptionsInput | null | undefined;
  /** Catalog model id or alias, case-insensitive (see Query.models). */
  model?: string | number | null | undefined;
  /** A HuggingFace config.json, as published (multimodal configs: their text_config is used). See Query.modelFromConfig for how it is read and which model_type values are supported. */
  modelConfig?: unknown;
  /** Network bandwidth per GPU between nodes, Gb/s; default the GPU platform's (400 Gb/s InfiniBand per GPU where the catalog gives none). */
  networkGigabitsPerSecondPerGpu?: number | null | undefined;
  /** Generated tokens per sequence, tokens, 1 to 10000000. */
  outputTokens: number;
  /** How the GPUs split the model (tensor x pipeline x expert x data); default tensor = gpuCount. batchSize counts sequences across all data-parallel replicas. */
  parallelism?: ParallelismInput | null | undefined;
  /** Share of each prompt already in the prefix cache, 0 up to (not including) 1: those tokens are attended to but not recomputed (their memory is still counted per sequence). */
  prefixCacheHitRate?: number | null | undefined;
  /** Speculative decoding or multi-token prediction; omit for one token per decode step. */
  speculativeDecoding?: SpeculativeDecodingInput | null | undefined;
  /** Overrides of the profile efficiencies and overheads. */
  tuning?: TuningInput | null | undefined;
  /** Format of the stored layer matrices (embeddings, LM head, norms and biases stay 16-bit). */
  weightFormat?: NumberFormat | null | undefined;
  /** A named quantisation scheme (AWQ/GPTQ g128, GGUF Q4_K_M, NF4, FP8 block, ...) whose real bytes per weight apply; it sets the weight format, so weightFormat is then ignored. */
  weightQuantization?: WeightQuantization | null | undefined;
};

/** Dense (not 2:4 sparse) peak throughput of one compute format. */
export type FlopsByFormatInput = {
  /** Dense peak throughput, FLOP/s (OP/s for integer formats); from 1 to 1000000000000000000. */
  flopsPerSecond: number;
  /** Compute format. */
  format: NumberFormat;
};

/** GPU architecture generation; engine profiles may carry generation-specific efficiency factors. */
export type GpuGeneration =
  /** NVIDIA Ada Lovelace (L4, L20, L40S, RTX 4090). */
  | 'ADA'
  /** NVIDIA Ampere (A100, A10, RTX 3090). */
  | 'AMPERE'
  /** NVIDIA Blackwell (B200, B300, GB200, RTX 5090, RTX PRO 6000). */
  | 'BLACKWELL'
  /** AMD CDNA 2 (MI200 series). */
  | 'CDNA2'
  /** AMD CDNA 3 (MI300X, MI325X). */
  | 'CDNA3'
  /** AMD CDNA 4 (MI350 series): adds FP4 (MXFP4) matrix cores. */
  | 'CDNA4'
  /** Unknown generation: the engine profile uses its generation-independent factors. */
  | 'CUSTOM'
  /** Intel Gaudi 3. */
  | 'GAUDI3'
  /** NVIDIA Hopper (H100, H200, H20). */
  | 'HOPPER'
  /** NVIDIA Volta (V100). */
  | 'VOLTA';

/** A GPU's price for this plan, replacing Gpu.listPriceDollarsPerHour. */
export type GpuPriceInput = {
  /** US dollars per GPU per hour, from 0 to 1000000. */
  dollarsPerHour: number;
  /** Catalog GPU id or alias. */
  gpu: string | number;
};

/** Overrides of the memory assumptions; omitted fields keep the defaults. */
export type MemoryAssumptionsInput = {
  /** Bytes per attention-score element an unfused engine materialises for one layer in prefill (sequences x heads x n x n), 0 to 16 (default 0: fused/flash attention keeps no n x n matrix; eager attention 2-6). */
  attentionScoreBytes?: number | null | undefined;
  /** Tensors the engine allocates whatever the request (kernel workspaces, unpacking scratch, rotary tables, sampler buffers) per GPU, bytes (default: the engine profile's, fitted on the calibration memory cases; 0 in IDEAL mode). Part of overheadBytes. */
  engineBuffersBytes?: number | null | undefined;
  /** Most prompt tokens (all sequences together) one prefill step processes; longer prompts are chunked, tokens (default 8192; LLAMA_CPP 512, llama.cpp's n_ubatch). It sets the activation memory of prefill. */
  maxBatchedTokens?: number | null | undefined;
  /** Bytes per logit an engine keeps for every prompt position in prefill, 0 to 16 (default 0: logits of the last position only; an HF-style forward that returns all logits and upcasts them: 2 + 4 = 6). */
  prefillLogitsBytes?: number | null | undefined;
  /** Whether the engine reserves the activations of a full maxBatchedTokens step whatever the request (default: the engine profile's; OPTIMIZED true, as vLLM sizes its KV pool after a profiling forward of max_num_batched_tokens and TensorRT-LLM sizes activations for max_num_tokens at build; LLAMA_CPP true, its compute buffer is reserved for n_ubatch; others false: the request's own largest step). */
  reservesFullStep?: boolean | null | undefined;
  /** CUDA context, library workspaces and allocator slack per GPU, bytes (default 1073741824 = 1 GiB). */
  runtimeOverheadBytes?: number | null | undefined;
  /** Share of each GPU's memory the engine will use, 0.01 to 1 (default: the engine profile's; OPTIMIZED 0.9 as vLLM's gpu_memory_utilization and TensorRT-LLM's free_gpu_memory_fraction, others 1). capacityBytes is memory x this fraction. */
  usableMemoryFraction?: number | null | undefined;
};

/** Number format of stored weights or KV cache, or of the arithmetic (compute format). NATIVE is for weights only. */
export type NumberFormat =
  /** bfloat16: 2 bytes per element. */
  | 'BF16'
  /** 8-bit float (E4M3): 1 byte per element; FP8 compute needs Hopper, Ada, Blackwell or CDNA3. */
  | 'FP8'
  /** IEEE half precision: 2 bytes per element. */
  | 'FP16'
  /** 32-bit float: 4 bytes per element. */
  | 'FP32'
  /** 4-bit integer in groups of 128 sharing one 16-bit scale: 0.515625 bytes per element. INT4 weights compute in FP16 unless computeFormat says otherwise. */
  | 'INT4'
  /** 8-bit integer: 1 byte per element. INT8 weights compute in FP16 unless computeFormat says INT8 (W8A8). */
  | 'INT8'
  /** OCP microscaling FP4: E2M1 elements with one 8-bit power-of-two scale per 32: 0.53125 bytes (4.25 bits) per element. Computes on FP4 tensor cores (Blackwell, CDNA4); elsewhere it is unpacked to FP16, with a warning. */
  | 'MXFP4'
  /** Weights only: the published checkpoint's own format per tensor class (gpt-oss: MXFP4 experts, BF16 attention; DeepSeek-V3/R1: FP8 with one FP32 scale per 128 x 128 block), BF16 where the model records none (Model.nativeFormats). Not a KV cache or compute format. */
  | 'NATIVE'
  /** NVIDIA FP4: E2M1 elements with one FP8 (E4M3) scale per 16: 0.5625 bytes (4.5 bits) per element. Computes on FP4 tensor cores (Blackwell); elsewhere it is unpacked to FP16, with a warning. */
  | 'NVFP4'
  /** Tensor-core compute mode over FP32 data. Compute only: it cannot store weights or a KV cache. */
  | 'TF32';

/** An operator of the forward pass, summed over the layers of one layer group (OperatorCost.layerGroup) or the whole model. */
export type Operator =
  /** Q x K^T over the attended tokens: causal in prefill, capped by a sliding window or limited to the chunk. MLA decode scores against the cached latent (kvLoraRank + qkRopeHeadDim per head), read once for all heads. */
  | 'ATTENTION_SCORES'
  /** Softmax(scores) x V over the attended tokens. MLA decode multiplies by the latent already read for the scores (FLOPs only). */
  | 'ATTENTION_VALUES'
  /** Token embedding lookup (memory traffic only). */
  | 'EMBEDDING'
  /** Expert parallelism: all-to-all dispatch of each token to the GPUs holding its top-k experts and the combine back, every MoE layer (expert > 1 only). */
  | 'EXPERT_ALL_TO_ALL'
  /** Feed-forward network: the dense MLP, or the routed experts each token uses (FLOPs) and the distinct experts a step reads (bytes). */
  | 'FFN'
  /** Output projection to the vocabulary, for the last position of each sequence only. */
  | 'LM_HEAD'
  /** Mixture-of-experts router (MoE models only). */
  | 'MOE_ROUTER'
  /** RMSNorm/LayerNorm of every layer of the group (the first group's also counts the final norm). */
  | 'NORMS'
  /** Attention output projection back to the hidden size; MLA decode first applies the value half of the kv up-projection (absorbed form). */
  | 'OUTPUT_PROJECTION'
  /** Pipeline parallelism: time the busiest stage waits for the others and for the point-to-point transfer of activations between stages (pipeline > 1 only). */
  | 'PIPELINE_BUBBLE'
  /** Query, key and value projections (with biases where the model has them). MLA: q down/up and kv down projections, plus the kv up-projection in prefill (expanded form) or the key half of it folded into the query in decode (absorbed form). */
  | 'QKV_PROJECTION'
  /** Shared experts of an MoE layer, which every token uses (DeepSeek, Kimi, Qwen2-MoE, Llama-4). */
  | 'SHARED_EXPERTS'
  /** Speculative decoding: the draft model's own decode steps (draftTokens of them, on one GPU) that propose the tokens each step verifies. */
  | 'SPECULATIVE_DRAFT'
  /** Ring all-reduces over the tensor-parallel GPUs: after attention and after the FFN of every layer (after attention only in MoE layers with expert parallelism); over the GPU interconnect within a node, the network when the tensor group spans nodes (tensor > 1 only). */
  | 'TENSOR_PARALLEL_ALL_REDUCE';

/** How the GPUs split the model, each degree 1 to 1024. Splits engines refuse (attention heads or KV heads that do not divide over the tensor GPUs, more stages than layers, experts that do not divide over the expert GPUs, expert GPUs that do not divide tensor x data) are BAD_USER_INPUT naming the rule. */
export type ParallelismInput = {
  /** Data-parallel replicas. */
  data?: number | null | undefined;
  /** Expert-parallel ranks for the routed experts; must divide tensor x data (MoE models only). */
  expert?: number | null | undefined;
  /** Pipeline stages. */
  pipeline?: number | null | undefined;
  /** Tensor-parallel GPUs per pipeline stage. */
  tensor?: number | null | undefined;
};

/** A model, a workload and latency targets: which deployments meet them, and at what cost. The search looks at gpus x layouts (tensor 1 to 8 inside a node, then tensor 8 x pipeline across nodes up to maxGpus, each with an expert-parallel twin for MoE models) x weightFormats x kvCacheFormats configurations, at most 100000; a larger search is a BAD_USER_INPUT error raised before any work. */
export type PlanInput = {
  /** A model not in the catalog (or give model or modelConfig). */
  customModel?: CustomModelInput | null | undefined;
  /** Engine profile of the timing model (default OPTIMIZED). */
  engine?: EngineProfile | null | undefined;
  /** Prices for this plan, replacing the list prices of those GPUs. */
  gpuPrices?: Array<GpuPriceInput> | null | undefined;
  /** GPU types to consider (catalog ids or aliases). Absent: the whole catalog. */
  gpus?: Array<string | number> | null | undefined;
  /** Prompt tokens per request, 1 to 10000000. */
  inputTokens: number;
  /** KV cache formats to consider. Absent: FP16, FP8. */
  kvCacheFormats?: Array<NumberFormat> | null | undefined;
  /** Candidates to return, 1 to 100. */
  limit?: number | null | undefined;
  /** Most GPUs in one deployment (one replica): tensor parallelism over 1 to 8 GPUs inside a node, then a node-wide tensor group per pipeline stage over as many nodes as fit. */
  maxGpus?: number | null | undefined;
  /** Latency target: time per output token after the first, seconds. Absent: no limit. */
  maxTimePerOutputTokenSeconds?: number | null | undefined;
  /** Latency target: time to first token, seconds. Absent: no limit. */
  maxTimeToFirstTokenSeconds?: number | null | undefined;
  /** Catalog model id or alias (or give customModel or modelConfig). */
  model?: string | number | null | undefined;
  /** A HuggingFace config.json, as published (or give model or customModel); see Query.modelFromConfig. */
  modelConfig?: unknown;
  /** What to rank by. */
  objective?: PlanObjective | null | undefined;
  /** Output tokens per request, 1 to 10000000. */
  outputTokens: number;
  /** Requests per second the fleet must carry (at most 1000000); sets each candidate's replicas. Absent: one replica. */
  requestsPerSecond?: number | null | undefined;
  /** Weight formats to consider. Absent: FP16, FP8, INT8, INT4. */
  weightFormats?: Array<NumberFormat> | null | undefined;
};

/** What a plan ranks its candidates by. Ties go to lower cost, then fewer GPUs, then catalog order. */
export type PlanObjective =
  /** Cheapest: the fleet dollars per hour when requestsPerSecond is given, else dollars per million output tokens. GPUs without a price rank last. */
  | 'COST'
  /** Fewest GPUs in all (GPUs per replica x replicas). */
  | 'GPU_COUNT'
  /** Lowest end-to-end latency: each deployment at one sequence per replica, copied to carry the rate. */
  | 'LATENCY'
  /** Most output tokens per second per GPU. */
  | 'THROUGHPUT_PER_GPU';

/** Why a configuration was rejected. Each counts once, under the first reason in this order (cheapest check first). */
export type RejectionReason =
  /** No serving engine runs this weight or KV cache format on this GPU (vLLM hardware table; see the README). */
  | 'FORMAT_UNSUPPORTED'
  /** The weights fit but not the KV cache of one sequence of the workload. */
  | 'KV_CAPACITY'
  /** Engines refuse this split of the model over the GPUs (heads, KV heads, experts or layers). */
  | 'SPLIT_NOT_ALLOWED'
  /** Even one sequence per replica misses maxTimePerOutputTokenSeconds. */
  | 'TIME_PER_OUTPUT_TOKEN'
  /** Even one sequence per replica misses maxTimeToFirstTokenSeconds. */
  | 'TIME_TO_FIRST_TOKEN'
  /** Weights, activations and runtime overhead alone exceed the memory of a GPU. */
  | 'WEIGHTS_DO_NOT_FIT';

/** What limits a serving point. */
export type ServingLimit =
  /** Arithmetic: the steps are compute bound, or the prefill token budget (maxBatchedTokens) is full and new requests wait for it. */
  | 'COMPUTE'
  /** GPU-to-GPU communication (all-reduce, all-to-all) dominates the steps. */
  | 'INTERCONNECT'
  /** The KV cache is full: no more sequences fit beside the weights. */
  | 'KV_CAPACITY'
  /** Fixed per-step overheads (launches, sampling, host sync) or pipeline waits dominate. */
  | 'LATENCY'
  /** Memory traffic: the steps stream weights and KV cache. */
  | 'MEMORY_BANDWIDTH';

/** Each decode step verifies draftTokens proposed tokens per sequence and keeps acceptedTokensPerStep of them on average (the bonus token included). */
export type SpeculativeDecodingInput = {
  /** Mean tokens each step keeps, from 1 (every proposal rejected) to draftTokens + 1 (all accepted), as measured for your traffic. */
  acceptedTokensPerStep: number;
  /** Catalog id of the draft model, timed on one GPU for draftTokens steps of its own per step (its weights are not counted in memory). Omit for multi-token-prediction heads or n-gram lookup (proposing taken as free). */
  draftModel?: string | number | null | undefined;
  /** Tokens proposed per step, 1 to 16. */
  draftTokens: number;
};

/** Overrides of the engine profile's calibrated efficiencies and overheads; omitted fields keep the profile's values. Not accepted with engine IDEAL, which is the roofline bound. */
export type TuningInput = {
  /** Fixed latency of one tensor-parallel all-reduce (launch, synchronisation); from 0 to 3600 seconds. */
  allReduceLatencySeconds?: number | null | undefined;
  /** Bytes-equivalent each of the 2 (gpuCount - 1) steps of a ring all-reduce costs on top of its payload (protocol chunk, handshake), timed at the interconnect bandwidth; from 0 to 1000000000 bytes. */
  allReduceStepBytes?: number | null | undefined;
  /** Fraction of the peak memory bandwidth reached in decode; a fraction from 0.000001 to 1. */
  decodeBandwidthEfficiency?: number | null | undefined;
  /** Fraction of the peak FLOP/s reached in decode; a fraction from 0.000001 to 1. */
  decodeComputeEfficiency?: number | null | undefined;
  /** Vector-unit operations (at the FP32 rate) spent unpacking and scaling each weight a weight-only quantised matmul reads (INT8/INT4 weights computed in FP16); from 0 to 1000 operations per weight. */
  dequantizationOpsPerWeight?: number | null | undefined;
  /** Fixed cost per mixture-of-experts layer of every decode step: the routing kernels (top-k, token permutation, grouped expert GEMM launches) a dense layer does not have, however few tokens; from 0 to 3600 seconds. */
  perMoeLayerOverheadSeconds?: number | null | undefined;
  /** Fixed cost added once per request to the time to first token (scheduling, tokenisation, launch); from 0 to 3600 seconds. */
  perRequestOverheadSeconds?: number | null | undefined;
  /** Fixed cost added to every decode step (kernel launches, sampling, host sync); from 0 to 3600 seconds. */
  perStepOverheadSeconds?: number | null | undefined;
  /** Fraction of the peak memory bandwidth reached in prefill; a fraction from 0.000001 to 1. */
  prefillBandwidthEfficiency?: number | null | undefined;
  /** Fraction of the peak FLOP/s reached in prefill; a fraction from 0.000001 to 1. */
  prefillComputeEfficiency?: number | null | undefined;
  /** Fraction of the peak memory bandwidth that weight-only quantised matmuls (INT8/INT4 weights unpacked for FP16 compute) reach while streaming their weights, both phases; a fraction from 0.000001 to 1. */
  weightOnlyBandwidthEfficiency?: number | null | undefined;
};

/** A named weight-quantisation scheme with the bytes it really stores (element bits, group size, scales, zero points) and what it does to the embedding table and LM head. */
export type WeightQuantization =
  /** AWQ (AutoAWQ/vLLM awq): 4-bit weights packed in int32, one fp16 scale and one 4-bit zero point per group of 128 -> 4 + (16 + 4)/128 = 4.156 bits; embeddings and LM head stay 16-bit (casper-hansen/AutoAWQ awq/modules/linear: qweight, qzeros, scales). 4.1563 bits per matrix weight; computes as INT4. */
  | 'AWQ_INT4_G128'
  /** bitsandbytes NF4 with double quantisation (the QLoRA default): 4-bit NormalFloat codes, one 8-bit absmax per block of 64 and one fp32 scale per 256 such blocks -> 4 + 8/64 + 32/16384 = 4.127 bits (arXiv 2305.14314 section 3); embeddings and LM head 16-bit. 4.127 bits per matrix weight; computes as INT4. */
  | 'BNB_NF4'
  /** ExLlamaV2 EXL2 at 4.0 bits per weight: the target is the average over the quantised matrices with their scales; the head is quantised to 6 bits by default (turboderp/exllamav2 convert.py -hb 6). 4 bits per matrix weight; computes as INT4. */
  | 'EXL2_4_0BPW'
  /** FP8 (E4M3) weights with one fp32 scale per 128x128 block (DeepSeek-V3 weight_block_size [128, 128]): 8 + 32/16384 = 8.002 bits; embeddings and LM head 16-bit. 8.002 bits per matrix weight; computes as FP8. */
  | 'FP8_BLOCK_128'
  /** FP8 (E4M3) weights with one fp32 scale per output channel (compressed-tensors channel-wise): 8 bits plus under 0.01 bit of scales; embeddings and LM head 16-bit. 8 bits per matrix weight; computes as FP8. */
  | 'FP8_PER_CHANNEL'
  /** FP8 (E4M3) weights with one fp32 scale per tensor, W8A8 on FP8 tensor cores (vLLM fp8, TensorRT-LLM FP8 recipes): 8 bits; embeddings and LM head stay 16-bit. 8 bits per matrix weight; computes as FP8. */
  | 'FP8_PER_TENSOR'
  /** GGUF Q4_0: blocks of 32 weights = 16 bytes of nibbles + one fp16 scale -> 18 bytes / 32 = 4.5 bits; the token embedding is Q4_0 too, the output head Q6_K (6.5625 bits) (ggml-org/llama.cpp ggml-common.h, llama-quant.cpp). 4.5 bits per matrix weight; computes as INT4. */
  | 'GGUF_Q4_0'
  /** GGUF Q4_K_M: Q4_K super-blocks (4.5 bits) with half of attn_v/ffn_down and the output head in Q6_K; 4.8944 bits per weight over the whole Llama-3.1-8B file (ggml-org/llama.cpp tools/quantize/README.md), applied to every tensor. 4.8944 bits per matrix weight; computes as INT4. */
  | 'GGUF_Q4_K_M'
  /** GGUF Q5_K_M: 5.7036 bits per weight over the whole Llama-3.1-8B file (ggml-org/llama.cpp tools/quantize/README.md), applied to every tensor; runs on the 4-bit weight-only path. 5.7036 bits per matrix weight; computes as INT4. */
  | 'GGUF_Q5_K_M'
  /** GGUF Q8_0: blocks of 32 int8 weights + one fp16 scale -> 34 bytes / 32 = 8.5 bits (8.5008 over the whole Llama-3.1-8B file, ggml-org/llama.cpp tools/quantize/README.md). 8.5 bits per matrix weight; computes as INT8. */
  | 'GGUF_Q8_0'
  /** GPTQ (AutoGPTQ/ExLlama/Marlin): 4-bit weights, one fp16 scale and one packed 4-bit zero point per group of 128 (g_idx adds 32 bits per input row, negligible) -> 4.156 bits; embeddings and LM head 16-bit. 4.1563 bits per matrix weight; computes as INT4. */
  | 'GPTQ_INT4_G128'
  /** gpt-fast 'int4 weight-only g32': 4-bit weights with a bf16 scale and a bf16 zero per group of 32 (scales_and_zeros) -> 4 + 32/32 = 5 bits; every nn.Linear is replaced, the output head included; embeddings stay bf16 (pytorch-labs/gpt-fast quantize.py). 5 bits per matrix weight; computes as INT4. */
  | 'GPT_FAST_INT4_G32'
  /** 8-bit weight-only, one 16-bit scale per output channel (gpt-fast 'int8', TensorRT-LLM W8A16): 8 bits (the per-channel scales are under 0.01 bit); the output head is quantised too, embeddings stay 16-bit. 8 bits per matrix weight; computes as INT8. */
  | 'INT8_PER_CHANNEL'
  /** MLC LLM q4f16_1: 4-bit weights, one fp16 scale per group of 32, no zero point -> 4.5 bits; the embedding and LM head are quantised the same way (mlc-ai/mlc-llm quantization group_quantization). 4.5 bits per matrix weight; computes as INT4. */
  | 'MLC_Q4F16_1';

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { models: Array<{ id: string, name: string, parameterCount: number, contextWindow: number }>, gpus: Array<{ id: string, name: string, memoryBytes: number }> };

export type CompareGpusQueryVariables = Exact<{
  input: CompareInput;
}>;


export type CompareGpusQuery = { compare: Array<{ gpuCount: number, fits: boolean, timeToFirstTokenSeconds: number, timePerOutputTokenSeconds: number, outputTokensPerSecond: number, gpu: { id: string, name: string, listPriceDollarsPerHour: number | null }, assumptions: { weightFormat: NumberFormat }, timeToFirstTokenSecondsRange: { low: number, high: number }, timePerOutputTokenSecondsRange: { low: number, high: number }, outputTokensPerSecondRange: { low: number, high: number } }> };

export type FitEstimateQueryVariables = Exact<{
  input: EstimateInput;
}>;


export type FitEstimateQuery = { estimate: { fits: boolean, timeToFirstTokenSeconds: number, timePerOutputTokenSeconds: number, outputTokensPerSecond: number, maxConcurrency: number, warnings: Array<string>, model: { name: string, parameterCount: number }, memory: { weightsBytes: number, kvCacheBytes: number, activationsBytes: number, overheadBytes: number, totalBytes: number, capacityBytes: number, freeBytes: number, totalBytesRange: { high: number } }, maxContextLength: { tokens: number, limitedBy: ContextLimitReason }, timeToFirstTokenSecondsRange: { low: number, high: number }, timePerOutputTokenSecondsRange: { low: number, high: number }, outputTokensPerSecondRange: { low: number, high: number }, parallelism: { gpuCount: number } } };

export type PlanDeploymentQueryVariables = Exact<{
  input: PlanInput;
}>;


export type PlanDeploymentQuery = { plan: { evaluated: number, rejected: Array<{ reason: RejectionReason, count: number }>, candidates: Array<{ gpuCount: number, replicas: number, totalGpus: number, weightFormat: NumberFormat, kvCacheFormat: NumberFormat, concurrencyPerReplica: number, dollarsPerHour: number | null, dollarsPerMillionOutputTokens: number | null, bindingConstraint: string, gpu: { name: string }, parallelism: { tensor: number, pipeline: number, expert: number, data: number }, serving: { timeToFirstTokenSeconds: number, timePerOutputTokenSeconds: number, outputTokensPerSecondPerGpu: number, outputTokensPerSecondPerUser: number } }>, paretoFrontier: Array<{ gpuCount: number, weightFormat: NumberFormat, concurrencyPerReplica: number, gpu: { name: string }, serving: { outputTokensPerSecondPerGpu: number, outputTokensPerSecondPerUser: number } }> } };

export type RooflineQueryVariables = Exact<{
  input: EstimateInput;
}>;


export type RooflineQuery = { estimate: { gpu: { name: string, memoryBandwidthBytesPerSecond: number }, assumptions: { computeFormatUsed: NumberFormat, computePeakFlopsPerSecond: number }, prefill: { seconds: number, operators: Array<{ name: Operator, flops: number, bytes: number, seconds: number, bound: Bound }> }, decode: { seconds: number, operators: Array<{ name: Operator, flops: number, bytes: number, seconds: number, bound: Bound }> } } };

export type ServingCurveQueryVariables = Exact<{
  input: EstimateInput;
  points: number;
  atRate: boolean;
  requestsPerSecond?: number | null | undefined;
}>;


export type ServingCurveQuery = { estimate: { maxConcurrency: number, model: { name: string }, gpu: { name: string }, parallelism: { tensor: number, pipeline: number, expert: number, data: number, gpuCount: number }, assumptions: { weightFormat: NumberFormat, kvCacheFormat: NumberFormat }, servingCurve: Array<{ concurrency: number, requestsPerSecond: number, timeToFirstTokenSeconds: number, timePerOutputTokenSeconds: number, outputTokensPerSecondPerGpu: number, outputTokensPerSecondPerUser: number, kvCacheUtilization: number, limitedBy: ServingLimit }>, atRate?: { concurrency: number, timeToFirstTokenSeconds: number, timePerOutputTokenSeconds: number, outputTokensPerSecondPerGpu: number, sustainable: boolean, limitedBy: ServingLimit } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CatalogDocument = new TypedDocumentString(`
    query Catalog {
  models {
    id
    name
    parameterCount
    contextWindow
  }
  gpus {
    id
    name
    memoryBytes
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const CompareGpusDocument = new TypedDocumentString(`
    query CompareGpus($input: CompareInput!) {
  compare(input: $input) {
    gpu {
      id
      name
      listPriceDollarsPerHour
    }
    gpuCount
    assumptions {
      weightFormat
    }
    fits
    timeToFirstTokenSeconds
    timeToFirstTokenSecondsRange {
      low
      high
    }
    timePerOutputTokenSeconds
    timePerOutputTokenSecondsRange {
      low
      high
    }
    outputTokensPerSecond
    outputTokensPerSecondRange {
      low
      high
    }
  }
}
    `) as unknown as TypedDocumentString<CompareGpusQuery, CompareGpusQueryVariables>;
export const FitEstimateDocument = new TypedDocumentString(`
    query FitEstimate($input: EstimateInput!) {
  estimate(input: $input) {
    model {
      name
      parameterCount
    }
    fits
    memory {
      weightsBytes
      kvCacheBytes
      activationsBytes
      overheadBytes
      totalBytes
      totalBytesRange {
        high
      }
      capacityBytes
      freeBytes
    }
    maxContextLength {
      tokens
      limitedBy
    }
    timeToFirstTokenSeconds
    timeToFirstTokenSecondsRange {
      low
      high
    }
    timePerOutputTokenSeconds
    timePerOutputTokenSecondsRange {
      low
      high
    }
    outputTokensPerSecond
    outputTokensPerSecondRange {
      low
      high
    }
    parallelism {
      gpuCount
    }
    maxConcurrency
    warnings
  }
}
    `) as unknown as TypedDocumentString<FitEstimateQuery, FitEstimateQueryVariables>;
export const PlanDeploymentDocument = new TypedDocumentString(`
    query PlanDeployment($input: PlanInput!) {
  plan(input: $input) {
    evaluated
    rejected {
      reason
      count
    }
    candidates {
      gpu {
        name
      }
      gpuCount
      replicas
      totalGpus
      parallelism {
        tensor
        pipeline
        expert
        data
      }
      weightFormat
      kvCacheFormat
      concurrencyPerReplica
      serving {
        timeToFirstTokenSeconds
        timePerOutputTokenSeconds
        outputTokensPerSecondPerGpu
        outputTokensPerSecondPerUser
      }
      dollarsPerHour
      dollarsPerMillionOutputTokens
      bindingConstraint
    }
    paretoFrontier {
      gpu {
        name
      }
      gpuCount
      weightFormat
      concurrencyPerReplica
      serving {
        outputTokensPerSecondPerGpu
        outputTokensPerSecondPerUser
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanDeploymentQuery, PlanDeploymentQueryVariables>;
export const RooflineDocument = new TypedDocumentString(`
    query Roofline($input: EstimateInput!) {
  estimate(input: $input) {
    gpu {
      name
      memoryBandwidthBytesPerSecond
    }
    assumptions {
      computeFormatUsed
      computePeakFlopsPerSecond
    }
    prefill {
      seconds
      operators {
        name
        flops
        bytes
        seconds
        bound
      }
    }
    decode {
      seconds
      operators {
        name
        flops
        bytes
        seconds
        bound
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RooflineQuery, RooflineQueryVariables>;
export const ServingCurveDocument = new TypedDocumentString(`
    query ServingCurve($input: EstimateInput!, $points: Int!, $atRate: Boolean!, $requestsPerSecond: Float) {
  estimate(input: $input) {
    model {
      name
    }
    gpu {
      name
    }
    parallelism {
      tensor
      pipeline
      expert
      data
      gpuCount
    }
    assumptions {
      weightFormat
      kvCacheFormat
    }
    maxConcurrency
    servingCurve(points: $points) {
      concurrency
      requestsPerSecond
      timeToFirstTokenSeconds
      timePerOutputTokenSeconds
      outputTokensPerSecondPerGpu
      outputTokensPerSecondPerUser
      kvCacheUtilization
      limitedBy
    }
    atRate: serving(requestsPerSecond: $requestsPerSecond) @include(if: $atRate) {
      concurrency
      timeToFirstTokenSeconds
      timePerOutputTokenSeconds
      outputTokensPerSecondPerGpu
      sustainable
      limitedBy
    }
  }
}
    `) as unknown as TypedDocumentString<ServingCurveQuery, ServingCurveQueryVariables>;