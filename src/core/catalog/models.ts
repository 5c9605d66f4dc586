/**
 * Built-in model architectures, as plain data.
 *
 * Field values are copied from the published HuggingFace `config.json` (or a verbatim copy of it in a public
 * repository, cited with its commit). Where the config has no `head_dim`, headDim = hidden_size /
 * num_attention_heads. `slidingWindow` is non-null only when the published config enables sliding-window
 * attention. Dense models have experts = expertsPerToken = 1.
 *
 * publishedParameterCount is a figure published by someone other than us (vendor announcement, paper, or
 * llama.cpp's loader printout `model params = N B`, which counts the GGUF tensors), used to check our own count.
 * It is absent where no such figure was found.
 */
import { uniformModel } from '../layer-groups.js';
import type { UniformModelFields } from '../model-spec.js';
import type { ModelSpec } from '../types.js';

// Repositories whose files hold verbatim (or near-verbatim) copies of HF config.json files.
const HF_LLAMA_CFG =
  'huggingface/transformers src/transformers/models/llama/configuration_llama.py @ 008e574391258935f3ecc3035c882e73bbcac419';
const GPT_FAST =
  'pytorch-labs/gpt-fast model.py @ 32971d3129541c5bfb4f715abc33d1c5f408d204 (transformer_configs)';
const PERF_BENCH = 'mlc-ai/llm-perf-bench model_configs @ d401356f84fa9cfb564b353ca39fb31cc47d61ea';
const MLC_PRESETS =
  'mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py @ 79d603f085f50500e9509fa01785ffa7ecfaaa93';
// Test fixtures holding verbatim HF configs (Llama-2, Llama-3, Mixtral-8x22B; transformers_version kept).
const SCALE_LLM_ENGINE =
  'scaleapi/llm-engine model-engine/tests/unit/domain/test_llm_use_cases.py @ 28edd64a8717c3a64fb53c874d1513fbb64be880';
const LLAMA_CPP_PR_6017 =
  'https://github.com/ggml-org/llama.cpp/pull/6017 (llama-bench prints "params 6.74 B")';
const LLAMA_CPP_LOADER = 'llama.cpp loader output "llm_load_print_meta: model params = ';

/** The 2023-era catalog: one attention and one FFN kind for every layer, so one layer group each. */
const UNIFORM_MODELS: UniformModelFields[] = [
  {
    id: 'llama-7b',
    name: 'LLaMA 7B',
    family: 'Llama',
    aliases: ['LLaMA', 'llama-1-7b', 'huggyllama/llama-7b'],
    source:
      `https://huggingface.co/huggyllama/llama-7b/blob/main/config.json; no verbatim copy found, values = ` +
      `LlamaConfig defaults documented as "llama-7b style" (${HF_LLAMA_CFG}), agreeing with ${GPT_FAST} "7B"`,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 11008,
    attentionHeads: 32,
    kvHeads: 32,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 2048,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: { value: 6.74e9, source: LLAMA_CPP_PR_6017 },
  },
  {
    id: 'llama-2-7b',
    name: 'Llama 2 7B',
    family: 'Llama 2',
    // The notebook's Llama-2-7B had GQA; the real config has 32 KV heads (GQA is only in the 70B).
    aliases: ['LLaMA2', 'llama2-7b', 'meta-llama/Llama-2-7b-hf', 'meta-llama/Llama-2-7b-chat-hf'],
    source:
      `https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json; verbatim copies: ` +
      `${PERF_BENCH} Llama-2-7b-chat-hf.json, ${SCALE_LLM_ENGINE} ("_name_or_path": "meta-llama/Llama-2-7b-hf")`,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 11008,
    attentionHeads: 32,
    kvHeads: 32,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 4096,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: { value: 6.74e9, source: LLAMA_CPP_PR_6017 },
  },
  {
    id: 'llama-2-13b',
    name: 'Llama 2 13B',
    family: 'Llama 2',
    aliases: ['llama2-13b', 'meta-llama/Llama-2-13b-hf', 'meta-llama/Llama-2-13b-chat-hf'],
    source:
      `https://huggingface.co/meta-llama/Llama-2-13b-hf/blob/main/config.json; verbatim copies: ` +
      `${PERF_BENCH} Llama-2-13b-chat-hf.json, ${SCALE_LLM_ENGINE} ("_name_or_path": "meta-llama/Llama-2-13b-hf")`,
    layers: 40,
    hiddenSize: 5120,
    intermediateSize: 13824,
    attentionHeads: 40,
    kvHeads: 40,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 4096,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 13.02e9,
      source: `${LLAMA_CPP_LOADER}13.02 B" for a Llama-2-13B GGUF (public logs found via code search); Meta markets "13B"`,
    },
  },
  {
    id: 'llama-2-70b',
    name: 'Llama 2 70B',
    family: 'Llama 2',
    aliases: ['llama2-70b', 'meta-llama/Llama-2-70b-hf', 'meta-llama/Llama-2-70b-chat-hf'],
    source:
      `https://huggingface.co/meta-llama/Llama-2-70b-hf/blob/main/config.json; verbatim copies: ` +
      `${PERF_BENCH} Llama-2-70b-chat-hf.json, ${SCALE_LLM_ENGINE} ("_name_or_path": "meta-llama/Llama-2-70b-hf")`,
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    attentionHeads: 64,
    kvHeads: 8, // GQA
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 4096,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 68.98e9,
      source: `${LLAMA_CPP_LOADER}68.98 B" for "LLaMA v2" 70B GGUF (public logs found via code search); Meta markets "70B"`,
    },
  },
  {
    id: 'llama-3-8b',
    name: 'Llama 3 8B',
    family: 'Llama 3',
    aliases: ['llama3-8b', 'meta-llama/Meta-Llama-3-8B', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    source:
      `https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json; copies: ${GPT_FAST} "llama-3-8b", ` +
      `${SCALE_LLM_ENGINE} ("llama-3-8b" fixture: 8192 positions, 8 KV heads, vocab 128256, rope_theta 500000)`,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 128256,
    contextWindow: 8192,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 8.03e9,
      source:
        `${LLAMA_CPP_LOADER}8.03 B" for Meta-Llama-3-8B-Instruct GGUFs; XiongjieDai/GPU-Benchmarks-on-LLM-Inference ` +
        'README: 8B F16 = 14.96 GiB -> 8.03e9 parameters',
    },
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama 3.1 8B',
    family: 'Llama 3.1',
    aliases: [
      'llama3.1-8b',
      'meta-llama/Llama-3.1-8B',
      'meta-llama/Meta-Llama-3.1-8B',
      'meta-llama/Llama-3.1-8B-Instruct',
    ],
    source:
      'https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json; verbatim copy: NVIDIA/TensorRT-LLM ' +
      'tests/unittest/_torch/modeling/test_modeling_llama.py @ 151c21c6a0034712a71fb0352cf7c75ea07b7b5b ' +
      '(LLAMA_3_1_8B_CONFIG; rope_scaling llama3 factor 8 from 8192)',
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 128256,
    contextWindow: 131072,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 8.03e9,
      source: `${LLAMA_CPP_LOADER}8.03 B" for "Meta Llama 3.1 8B Instruct" GGUFs (public logs found via code search)`,
    },
  },
  {
    id: 'llama-3-70b',
    name: 'Llama 3 70B',
    family: 'Llama 3',
    aliases: ['llama3-70b', 'meta-llama/Meta-Llama-3-70B', 'meta-llama/Meta-Llama-3-70B-Instruct'],
    source:
      `https://huggingface.co/meta-llama/Meta-Llama-3-70B/blob/main/config.json; copies: ${GPT_FAST} "llama-3-70b", ` +
      `${SCALE_LLM_ENGINE} ("llama-3-70b" fixture: 80 layers, 64 heads, 8 KV heads, 8192 positions)`,
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 128256,
    contextWindow: 8192,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    // No published figure found for the 3.0 release itself (Meta markets "70B"); 3.1-70B has the same shapes
    // (only the context window differs), so its loader count applies.
    publishedParameterCount: {
      value: 70.55e9,
      source: `${LLAMA_CPP_LOADER}70.55 B" for a Llama 3.1 70B GGUF, whose tensors have the same shapes as Llama 3 70B's`,
    },
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama 3.1 70B',
    family: 'Llama 3.1',
    aliases: [
      'llama3.1-70b',
      'meta-llama/Llama-3.1-70B',
      'meta-llama/Meta-Llama-3.1-70B',
      'meta-llama/Llama-3.1-70B-Instruct',
    ],
    source:
      `https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json; copy: ${MLC_PRESETS} "llama3_1_70b" ` +
      '(same dims as Llama 3 70B, max_position_embeddings 131072, llama3 rope_scaling factor 8)',
    layers: 80,
    hiddenSize: 8192,
    intermediateSize: 28672,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 128256,
    contextWindow: 131072,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 70.55e9,
      source: `${LLAMA_CPP_LOADER}70.55 B" for a Llama 3.1 70B GGUF (n_ctx_orig_yarn 131072; public log found via code search)`,
    },
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    family: 'Llama 3.1',
    aliases: [
      'llama3.1-405b',
      'meta-llama/Llama-3.1-405B',
      'meta-llama/Meta-Llama-3.1-405B',
      'meta-llama/Llama-3.1-405B-Instruct',
    ],
    // The standard BF16 config has 8 KV heads. The early FP8/MP16 release replicated KV heads to 16 (and the HF
    // Llama 3.1 blog's KV-cache table matches 16); we follow the BF16 config.
    source:
      `https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json; copy: ${GPT_FAST} "llama-3.1-405b" ` +
      '(num_key_value_heads 8 as in the BF16 config; the FP8/MP16 checkpoint used 16)',
    layers: 126,
    hiddenSize: 16384,
    intermediateSize: 53248,
    attentionHeads: 128,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 128256,
    contextWindow: 131072,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 405e9,
      source: 'Meta model name "Llama 3.1 405B" (rounded marketing figure)',
    },
  },
  {
    id: 'mistral-7b',
    name: 'Mistral 7B v0.1',
    family: 'Mistral',
    aliases: [
      'Mistral',
      'mistral-7b-v0.1',
      'mistralai/Mistral-7B-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.1',
    ],
    source:
      `https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json; copy: ${MLC_PRESETS} "mistral_7b" ` +
      '(sliding_window 4096, renamed sliding_window_size by MLC)',
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 32768,
    slidingWindow: 4096, // v0.1 only; later Mistral-7B releases dropped the window
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: false,
    publishedParameterCount: {
      value: 7.24e9,
      source: `${LLAMA_CPP_LOADER}7.24 B" for mistralai_mistral-7b-instruct-v0.1 GGUFs (public logs found via code search)`,
    },
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B v0.1',
    family: 'Mixtral',
    aliases: [
      'Mixtral',
      'mixtral-8x7b-v0.1',
      'mistralai/Mixtral-8x7B-v0.1',
      'mistralai/Mixtral-8x7B-Instruct-v0.1',
    ],
    // The published config has sliding_window null (an earlier revision said 4096; the notebook copied that).
    source:
      'https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json; verbatim copy: NVIDIA/TensorRT-LLM ' +
      'tests/unittest/_torch/modeling/test_modeling_mixtral.py @ 1aa6e3d4645f61bb7c93caa65caaec519ccd51ee ' +
      `(MIXTRAL_8X7B_CONFIG), identical to ${MLC_PRESETS}`,
    layers: 32,
    hiddenSize: 4096,
    intermediateSize: 14336, // per expert
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 32768,
    slidingWindow: null,
    experts: 8,
    expertsPerToken: 2,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU experts
    attentionBias: false,
    publishedParameterCount: {
      value: 46.7e9,
      source:
        'Mistral AI "Mixtral of experts" announcement (46.7B total), as quoted in the AutoAWQ README and ' +
        'Cerebras/modelzoo src/cerebras/modelzoo/models/nlp/mixtral/README.md ("A 46.7B parameter model")',
    },
    publishedActiveParameterCount: {
      value: 12.9e9,
      source:
        'Mistral AI "Mixtral of experts" announcement (12.9B active per token), as quoted in public code comments',
    },
  },
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral 8x22B v0.1',
    family: 'Mixtral',
    aliases: ['mixtral-8x22b-v0.1', 'mistralai/Mixtral-8x22B-v0.1', 'mistral-community/Mixtral-8x22B-v0.1'],
    // Verified: a verbatim-looking HF config (transformers 4.40.0.dev0) in the scaleapi/llm-engine test fixture gives
    // num_hidden_layers 56, num_local_experts 8, num_experts_per_tok 2, hidden 6144, intermediate 16384, 48 heads,
    // 8 KV heads, vocab 32000, max_position_embeddings 65536, rope_theta 1e6 and no sliding_window key. Two other
    // independent test fixtures agree on 56 layers / 8 experts / top-2. The Instruct-v0.1 release uses vocab 32768.
    source:
      `https://huggingface.co/mistralai/Mixtral-8x22B-v0.1/blob/main/config.json; verbatim copy: ${SCALE_LLM_ENGINE} ` +
      '("mixtral-8x22b" fixture); 65536 context also in Cerebras/modelzoo params_mixtral_8x22b.yaml',
    layers: 56,
    hiddenSize: 6144,
    intermediateSize: 16384, // per expert
    attentionHeads: 48,
    kvHeads: 8,
    headDim: 128,
    vocabSize: 32000,
    contextWindow: 65536,
    slidingWindow: null,
    experts: 8,
    expertsPerToken: 2,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU experts
    attentionBias: false,
    publishedParameterCount: {
      value: 141e9,
      source:
        'Mistral AI "Cheaper, Better, Faster, Stronger" (mistral.ai/news/mixtral-8x22b): 141B total, as quoted in ' +
        'Cerebras/modelzoo src/cerebras/modelzoo/models/nlp/mixtral/README.md and BudEcosystem/bud-connect docs',
    },
    publishedActiveParameterCount: {
      value: 39e9,
      source:
        'Mistral AI Mixtral 8x22B announcement: 39B active parameters (quoted in BudEcosystem/bud-connect docs)',
    },
  },
  {
    id: 'qwen2-7b',
    name: 'Qwen2 7B',
    family: 'Qwen2',
    aliases: ['qwen2', 'Qwen/Qwen2-7B', 'Qwen/Qwen2-7B-Instruct'],
    // use_sliding_window is false in the published config (sliding_window 131072 / max_window_layers 28 are inert).
    // The base config gives 131072 positions; the Instruct config gives 32768 (YaRN for longer).
    source:
      'https://huggingface.co/Qwen/Qwen2-7B/blob/main/config.json; verbatim copy: NVIDIA/TensorRT-LLM ' +
      'tests/unittest/_torch/modeling/test_modeling_qwen.py @ 2631f21089f2a30e2f1e1bf8cee8eac70e2296cd (Qwen_2_7B_CONFIG)',
    layers: 28,
    hiddenSize: 3584,
    intermediateSize: 18944,
    attentionHeads: 28,
    kvHeads: 4,
    headDim: 128,
    vocabSize: 152064,
    contextWindow: 131072,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // SwiGLU
    attentionBias: true, // q/k/v biases (Qwen2 architecture, not a config field)
    publishedParameterCount: {
      value: 7.62e9,
      source: `${LLAMA_CPP_LOADER}7.62 B" for qwen2-7b-instruct Q8_0 GGUF (public log found via code search)`,
    },
  },
  {
    id: 'gemma-7b',
    name: 'Gemma 7B',
    family: 'Gemma',
    aliases: ['gemma', 'google/gemma-7b', 'google/gemma-7b-it'],
    // head_dim is explicit (256): 16 heads x 256 = 4096 != hidden 3072.
    source:
      'https://huggingface.co/google/gemma-7b/blob/main/config.json; official file not seen verbatim, values = GemmaConfig ' +
      'defaults documented as "gemma-7b style" (huggingface/transformers src/transformers/models/gemma/configuration_gemma.py ' +
      '@ 008e574391258935f3ecc3035c882e73bbcac419), matching Gemma report Table 1 (d_model 3072, 28 layers, 16 heads, head size 256)',
    layers: 28,
    hiddenSize: 3072,
    intermediateSize: 24576,
    attentionHeads: 16,
    kvHeads: 16,
    headDim: 256,
    vocabSize: 256000,
    contextWindow: 8192,
    slidingWindow: null,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: true,
    gatedFfn: true, // GeGLU
    attentionBias: false,
    // The report's embedding count, 786,825,216 = 256,128 x 3072, counts a padded vocabulary; the config says
    // 256000, so a config-based count lands ~0.4M (0.005%) lower.
    publishedParameterCount: {
      value: 8_538_074_112,
      source:
        'Gemma technical report (arXiv:2403.08295) Table 2: 7B = 786,825,216 embedding + 7,751,248,896 non-embedding parameters',
    },
  },
  {
    id: 'phi-3-mini',
    name: 'Phi-3 mini 4k',
    family: 'Phi-3',
    aliases: ['phi3-mini', 'phi-3-mini-4k', 'microsoft/Phi-3-mini-4k-instruct'],
    // Verified: the official Phi-3-mini-4k-instruct config.json sets "sliding_window": 2047 (verbatim copy in the
    // TensorRT-LLM test below, transformers 4.40.2). Some implementations ignore the window at 4k context.
    source:
      'https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json; verbatim copy: NVIDIA/TensorRT-LLM ' +
      'tests/unittest/_torch/modeling/test_modeling_phi3.py @ 43b18bdf762a7df3f2c0d2611c7ad87e57802310 (PHI3_MINI_4K_CONFIG)',
    layers: 32,
    hiddenSize: 3072,
    intermediateSize: 8192,
    attentionHeads: 32,
    kvHeads: 32,
    headDim: 96,
    vocabSize: 32064,
    contextWindow: 4096,
    slidingWindow: 2047,
    experts: 1,
    expertsPerToken: 1,
    tiedEmbeddings: false,
    gatedFfn: true, // fused gate_up_proj (SwiGLU)
    attentionBias: false,
    publishedParameterCount: {
      value: 3.8e9,
      source:
        'Microsoft Phi-3 model card / technical report: "3.8 billion parameters" (keras-team/keras-hub phi3_presets.py ' +
        'lists params 3821079552)',
    },
  },
];

export const BUILTIN_MODELS: ModelSpec[] = UNIFORM_MODELS.map(uniformModel);
