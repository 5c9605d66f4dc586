/**
 * Published inference measurements (shared/calibration/measurements.json) turned into cases the estimator can be
 * run on. Each case states the request that reproduces the published setup and the measured value of one metric,
 * in SI units, under the estimator's definitions:
 *   TTFT  = prefill of inputTokens (x batch) + the first token;
 *   TPOT  = mean decode step over the generation: outputTokens - 1 steps at contexts
 *           inputTokens + 1 ... inputTokens + outputTokens - 1;
 *   total = TTFT + (outputTokens - 1) * TPOT;  output tokens/s = batch * outputTokens / total.
 * So a published "N decode steps" rate maps to outputTokens N + 1, and a rate that includes the prefill maps to
 * OUTPUT_TOKENS_PER_SECOND. Every measurement id appears either as the prefix of a case id (`id` or `id/suffix`)
 * or in EXCLUDED_MEASUREMENTS (`id` when wholly excluded, `id/suffix` when one of its numbers is).
 */
import type { EngineProfile, EstimateRequest, GpuSpec, ModelSpec, NumberFormat } from '../types.js';
import {
  A100_SXM4_80GB_X4_LAYER_SPLIT,
  FT_GPT_6_7B,
  FT_GPT_175B,
  GPT_J_6B,
  H100_PCIE_80GB_X4_LAYER_SPLIT,
  KIPPLY_GPT_13B,
  LLAMA_13B_V1,
  LLAMA_33B_V1,
  MI250X_GCD,
  RTX_3090_TI,
  RTX_4090_X2_LAYER_SPLIT,
} from './custom-hardware.js';

export type CalibrationMetric =
  | 'TPOT_SECONDS'
  | 'TTFT_SECONDS'
  | 'TOTAL_SECONDS'
  | 'OUTPUT_TOKENS_PER_SECOND'
  | 'MEMORY_BYTES';

/** The published setup as an estimate request (model and GPU by catalog id where they are in it), and what was measured. */
export interface CalibrationCase extends Omit<EstimateRequest, 'model' | 'gpu' | 'engine' | 'tuning'> {
  /** Measurement id, with a suffix when one measurement yields several cases (e.g. 'awq-01/tpot'). */
  id: string;
  /** The measurements.json source key plus its repo/path or url. */
  source: string;
  /** Quality grade of the measurement ('B/C' is graded 'C'). */
  quality: 'A' | 'B' | 'C';
  engine: Exclude<EngineProfile, 'IDEAL'>;
  /** Engine as published. */
  engineName: string;
  /** Catalog id, or a full ModelSpec for a model not in the catalog. */
  model: string | ModelSpec;
  /** Catalog id, or a GpuSpec for a GPU (or GPU group) not in the catalog. */
  gpu: string | GpuSpec;
  metric: CalibrationMetric;
  /** SI units: seconds, tokens/s, bytes. */
  measured: number;
  /** How the published number maps to this metric. */
  note: string;
}

export interface ExcludedMeasurement {
  /** Measurement id, or `id/suffix` when only one of the measurement's numbers is excluded. */
  id: string;
  reason: string;
}

const GiB = 2 ** 30;
const MiB = 2 ** 20;

const SOURCES = {
  gptfast:
    'gptfast: pytorch-labs/gpt-fast README.md (also mixtral-moe/README.md) ' +
    '@32971d3129541c5bfb4f715abc33d1c5f408d204, https://github.com/pytorch-labs/gpt-fast',
  trt_h100vsa100:
    'trt_h100vsa100: NVIDIA/TensorRT-LLM docs/source/blogs/H100vsA100.md @15ed78097ea2c14b3831ca017935a32dec54476e',
  perfbench: 'perfbench: mlc-ai/llm-perf-bench README.md @d401356f84fa9cfb564b353ca39fb31cc47d61ea',
  autoawq:
    'autoawq: casper-hansen/AutoAWQ README.md (Benchmarks section) @88e4c76b20755db275574e6a03c83c84ba3bece5',
  exllama:
    "exllama: turboderp/exllama README.md ('Results so far') @3b013cd53c7d413cf99ca04c7c28dd5c95117c0d",
  exllamav2:
    'exllamav2: turboderp/exllamav2 README.md (Performance) @01d01a14feb2a3dc40a9c3a9aafbf581984bab36',
  llamacpp6017: 'llamacpp6017: https://github.com/ggml-org/llama.cpp/pull/6017',
  xdai: 'xdai: XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md @aa72e0ec86c356c41f8281c9733e9a13c3675800',
  xdai_old:
    'xdai_old: XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md @75fee526163750603c049b74a2af1900af05dbd6^ ' +
    '(runs in "LLaMA 2/*/*_v2.ipynb")',
  ft_gpt:
    'ft_gpt: NVIDIA/FasterTransformer docs/gpt_guide.md (## Performance) @df4a7534860137e060e18d2ebf019906120ea204',
  kipply_ft:
    'kipply_ft: cli99/llm-analysis examples/fastertransformer/README.md, ' +
    'https://kipp.ly/blog/transformer-inference-arithmetic/#comparing-against-real-benchmarks',
  lmdeploy210: 'lmdeploy210: https://github.com/InternLM/lmdeploy/issues/210',
} as const;

type SourceKey = keyof typeof SOURCES;

type CaseInput = Omit<CalibrationCase, 'source' | 'gpuCount' | 'batchSize'> & {
  src: SourceKey;
  gpuCount?: number;
  batchSize?: number;
};

function mk({ src, gpuCount = 1, batchSize = 1, ...rest }: CaseInput): CalibrationCase {
  return { ...rest, source: SOURCES[src], gpuCount, batchSize };
}

// ---------------------------------------------------------------------------------------------------------------
// gpt-fast (source gptfast, quality A)
// ---------------------------------------------------------------------------------------------------------------

const GPT_FAST = 'gpt-fast (PyTorch, torch.compile)';
const GF_MAPPING =
  'gpt-fast tokens/s = 200 generated tokens / wall time of generate() including the prefill of the ~5-token ' +
  "prompt ('Hello, my name is'), batch 1, torch.compile, greedy-ish top_k 200 -> OUTPUT_TOKENS_PER_SECOND with " +
  'inputTokens 5, outputTokens 200.';
const GF_A100 =
  'GPUs: A100-SXM4-80GB power-limited to 330 W (catalog a100-sxm4-80gb is the 400 W part; the cap lowers ' +
  'sustained clocks, mostly affecting compute), tensor parallel over NVLink (hybrid cube mesh).';

type GfWeights = 'bf16' | 'int8' | 'int4';
const GF_FORMAT: Record<GfWeights, { format: NumberFormat; text: string }> = {
  bf16: { format: 'BF16', text: 'bf16 weights' },
  int8: { format: 'INT8', text: "'int8 weight-only' (per-channel) -> INT8 weights, default 16-bit compute" },
  int4: { format: 'INT4', text: "'int4 weight-only g32' (group 32) -> INT4 weights, default 16-bit compute" },
};

const GF_ROWS: ReadonlyArray<[id: string, model: string, weights: GfWeights, gpus: number, tokPerS: number]> =
  [
    ['gf-01', 'llama-2-7b', 'bf16', 1, 104.9],
    ['gf-02', 'llama-2-7b', 'int8', 1, 155.58],
    ['gf-03', 'llama-2-7b', 'int4', 1, 196.8],
    ['gf-04', 'llama-2-70b', 'int8', 1, 19.13],
    ['gf-05', 'llama-2-70b', 'int4', 1, 25.25],
    ['gf-06', 'llama-3.1-8b', 'bf16', 1, 93.89],
    ['gf-07', 'llama-3.1-8b', 'int8', 1, 137.64],
    ['gf-08', 'llama-3.1-70b', 'int8', 1, 18.04],
    ['gf-09', 'llama-2-7b', 'bf16', 2, 168.84],
    ['gf-10', 'llama-2-7b', 'bf16', 8, 328.43],
    ['gf-11', 'llama-2-70b', 'bf16', 2, 21.32],
    ['gf-12', 'llama-2-70b', 'bf16', 4, 38.01],
    ['gf-13', 'llama-2-70b', 'bf16', 8, 62.5],
    ['gf-14', 'llama-2-70b', 'int4', 8, 90.77],
    ['gf-15', 'llama-3.1-70b', 'bf16', 8, 58.78],
    ['gf-16', 'llama-3.1-405b', 'int8', 8, 15.6],
    ['gf-17', 'mixtral-8x7b', 'bf16', 2, 96.67],
    ['gf-18', 'mixtral-8x7b', 'bf16', 4, 155.35],
    ['gf-19', 'mixtral-8x7b', 'bf16', 8, 227.82],
    ['gf-20', 'mixtral-8x7b', 'int8', 1, 97.92],
    ['gf-21', 'mixtral-8x7b', 'int8', 8, 279.35],
  ];

const GPT_FAST_CASES: CalibrationCase[] = [
  ...GF_ROWS.map(([id, model, weights, gpus, tokPerS]) =>
    mk({
      id,
      src: 'gptfast',
      quality: 'A',
      engine: 'OPTIMIZED',
      engineName: GPT_FAST,
      model,
      gpu: 'a100-sxm4-80gb',
      gpuCount: gpus,
      weightFormat: GF_FORMAT[weights].format,
      kvCacheFormat: 'BF16',
      inputTokens: 5,
      outputTokens: 200,
      metric: 'OUTPUT_TOKENS_PER_SECOND',
      measured: tokPerS,
      note:
        `${GF_MAPPING} ${GF_FORMAT[weights].text}, bf16 KV cache; ${gpus === 1 ? 'single GPU' : `TP${gpus}`}. ` +
        `${GF_A100}${model === 'mixtral-8x7b' ? ' Mixtral row from mixtral-moe/README.md.' : ''}`,
    }),
  ),
  ...(
    [
      ['gf-22/bf16', 'bf16', 76.33, 'the row itself'],
      ['gf-22/int8', 'int8', 101.86, "the row's note ('int8: 101.86 tok/s (700.06 GB/s)')"],
    ] as const
  ).map(([id, weights, tokPerS, where]) =>
    mk({
      id,
      src: 'gptfast',
      quality: 'A',
      engine: 'OPTIMIZED',
      engineName: GPT_FAST,
      model: 'llama-2-7b',
      gpu: MI250X_GCD,
      weightFormat: GF_FORMAT[weights].format,
      kvCacheFormat: 'BF16',
      inputTokens: 5,
      outputTokens: 200,
      metric: 'OUTPUT_TOKENS_PER_SECOND',
      measured: tokPerS,
      note:
        `${GF_MAPPING} ${GF_FORMAT[weights].text}, bf16 KV cache. AMD MI250X, one GCD (custom GpuSpec: half of ` +
        `the package's 128 GB / 3.2768 TB/s / 383 TFLOPS). Value from ${where}.`,
    }),
  ),
];

// ---------------------------------------------------------------------------------------------------------------
// TensorRT-LLM H100 vs A100 (source trt_h100vsa100, quality A)
// ---------------------------------------------------------------------------------------------------------------

const TRT_CASES: CalibrationCase[] = [
  mk({
    id: 'trt-17',
    src: 'trt_h100vsa100',
    quality: 'A',
    engine: 'OPTIMIZED',
    engineName: 'TensorRT-LLM v0.5.0',
    model: GPT_J_6B,
    gpu: 'h100-sxm5-80gb',
    weightFormat: 'FP8',
    kvCacheFormat: 'FP8',
    computeFormat: 'FP8',
    inputTokens: 128,
    outputTokens: 1,
    metric: 'TTFT_SECONDS',
    measured: 7.1e-3,
    note:
      'Published TTFT 7.1 ms for GPT-J 6B, input 128, output 1, batch 1, TP1 on H100 SXM 80GB with FP8 weights, ' +
      'KV cache and GEMMs (TensorRT 9.1) -> TTFT_SECONDS 0.0071.',
  }),
  mk({
    id: 'trt-18',
    src: 'trt_h100vsa100',
    quality: 'A',
    engine: 'OPTIMIZED',
    engineName: 'TensorRT-LLM v0.5.0',
    model: GPT_J_6B,
    gpu: 'a100-sxm4-80gb',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 128,
    outputTokens: 1,
    metric: 'TTFT_SECONDS',
    measured: 12.5e-3,
    note:
      'Published TTFT 12.5 ms for GPT-J 6B, input 128, output 1, batch 1, TP1 on A100 SXM 80GB in FP16 ' +
      '-> TTFT_SECONDS 0.0125.',
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// mlc-ai/llm-perf-bench (source perfbench, quality B)
// ---------------------------------------------------------------------------------------------------------------

const PB_SETUP =
  "perfbench: prompt 'What is the meaning of life?' (7 tokens), 256 generated tokens, batch 1, fp16 " +
  'activations, commits of 2023-10-02..06.';
const PB_DECODE =
  'The table is a decode rate (MLC mlc_chat benchmark decode tok/s; llama.cpp ./main eval rate over the 255 ' +
  'single-token steps of -n 256) -> TPOT_SECONDS = 1/value with inputTokens 7, outputTokens 256.';
const PB_TOTAL_VLLM =
  "vLLM's number is output_len / mean latency of benchmark_latency.py (--input-len 7 --output-len 256), i.e. it " +
  'includes the prefill -> OUTPUT_TOKENS_PER_SECOND with inputTokens 7, outputTokens 256.';
const PB_TOTAL_EXL2 =
  "ExLlamaV2's number is test_inference.py -p ... -t 256: 256 tokens / time of generate_simple, which prints " +
  "'tokens/second (includes prompt eval.)' -> OUTPUT_TOKENS_PER_SECOND with inputTokens 7, outputTokens 256 " +
  '(sampling with repetition penalty and token healing included).';
const PB_A100 =
  "'A100 x N (PCIe)': variant not stated; a100-pcie-80gb assumed (fp16 Llama-2-70B, 138 GB, fits two GPUs only if " +
  "they have 80 GB). Tensor parallel over PCIe: the README says 'all numbers are based on PCIe, not NVLink'.";

type PbEngine = 'mlc' | 'vllm' | 'exl2' | 'lcpp';
const PB_ENGINE: Record<PbEngine, { engine: CalibrationCase['engine']; name: string }> = {
  mlc: { engine: 'OPTIMIZED', name: 'MLC LLM' },
  vllm: { engine: 'OPTIMIZED', name: 'vLLM (2023-10-06 commit)' },
  exl2: { engine: 'EXLLAMA', name: 'ExLlamaV2' },
  lcpp: { engine: 'LLAMA_CPP', name: 'llama.cpp' },
};

const PB_ROWS: ReadonlyArray<
  [
    id: string,
    engine: PbEngine,
    model: string,
    gpu: string | GpuSpec,
    gpus: number,
    int4: boolean,
    tokPerS: number,
  ]
> = [
  ['pb-01', 'mlc', 'llama-2-7b', 'rtx-4090', 1, true, 204.8],
  ['pb-02', 'exl2', 'llama-2-7b', 'rtx-4090', 1, true, 177.46],
  ['pb-03', 'lcpp', 'llama-2-7b', 'rtx-4090', 1, true, 151.1],
  ['pb-04', 'mlc', 'llama-2-7b', RTX_3090_TI, 1, true, 186.7],
  ['pb-05', 'mlc', 'llama-2-13b', 'rtx-4090', 1, true, 113.5],
  ['pb-06', 'mlc', 'llama-2-70b', 'a100-pcie-80gb', 2, false, 17.0],
  ['pb-07', 'vllm', 'llama-2-70b', 'a100-pcie-80gb', 2, false, 15.27],
  ['pb-08', 'mlc', 'llama-2-70b', 'a100-pcie-80gb', 4, false, 26.6],
  ['pb-09', 'vllm', 'llama-2-70b', 'a100-pcie-80gb', 4, false, 17.64],
  ['pb-10', 'mlc', 'llama-2-70b', 'a100-pcie-80gb', 8, false, 38.8],
  ['pb-11', 'mlc', 'llama-2-70b', 'a100-pcie-80gb', 2, true, 40.9],
  ['pb-12', 'mlc', 'llama-2-70b', 'rtx-4090', 2, true, 34.5],
  ['pb-13', 'mlc', 'llama-2-70b', 'a10g', 8, false, 21.8],
];

const PB_WEIGHTS: Record<PbEngine, string> = {
  mlc: 'MLC q4f16_1 (4-bit, group 32, fp16 scales) -> INT4',
  exl2: '4-bit GPTQ (TheBloke/Llama-2-7B-GPTQ) -> INT4',
  lcpp: 'Q4_0 (4.5 bits per weight including the block scales) -> INT4',
  vllm: '4-bit -> INT4',
};

const PERFBENCH_CASES: CalibrationCase[] = PB_ROWS.map(([id, engine, model, gpu, gpus, int4, tokPerS]) => {
  const total = engine === 'vllm' || engine === 'exl2';
  const gpuNote =
    gpu === 'a100-pcie-80gb'
      ? ` ${PB_A100}`
      : gpu === RTX_3090_TI
        ? ' RTX 3090 Ti is a custom GpuSpec (not in the catalog).'
        : gpus > 1
          ? ` Tensor parallel over PCIe on ${gpus} GPUs.`
          : '';
  return mk({
    id,
    src: 'perfbench',
    quality: 'B',
    engine: PB_ENGINE[engine].engine,
    engineName: PB_ENGINE[engine].name,
    model,
    gpu,
    gpuCount: gpus,
    weightFormat: int4 ? 'INT4' : 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 7,
    outputTokens: 256,
    metric: total ? 'OUTPUT_TOKENS_PER_SECOND' : 'TPOT_SECONDS',
    measured: total ? tokPerS : 1 / tokPerS,
    note:
      `${PB_SETUP} ${engine === 'vllm' ? PB_TOTAL_VLLM : engine === 'exl2' ? PB_TOTAL_EXL2 : PB_DECODE} ` +
      `Weights: ${int4 ? PB_WEIGHTS[engine] : 'fp16'}; fp16 KV cache.${gpuNote}`,
  });
});

// ---------------------------------------------------------------------------------------------------------------
// AutoAWQ v0.1.6 benchmark (source autoawq, quality B)
// ---------------------------------------------------------------------------------------------------------------

const AWQ_SETUP =
  'AutoAWQ v0.1.6 examples/benchmark.py, RTX 4090 + Ryzen 9 7950X, fused modules, random prompt of `context` ' +
  'tokens x batch, n_generate iterations: one prefill model() call, then n_generate - 1 single-token steps ' +
  '(greedy) -> inputTokens = context, outputTokens = n_generate. 4-bit AWQ (group 128) weights -> INT4; fp16 KV.';

type AwqRow = [
  id: string,
  model: string,
  modelNote: string,
  kernel: 'GEMM' | 'GEMV',
  batch: number,
  context: number,
  prefillTokPerS: number,
  decodeTokPerS: number,
  peakGiB: number,
];

const AWQ_ROWS: readonly AwqRow[] = [
  ['awq-01', 'mistral-7b', 'Mistral-7B (AWQ)', 'GEMM', 1, 64, 1093.35, 156.317, 4.35],
  ['awq-02', 'mistral-7b', 'Mistral-7B (AWQ)', 'GEMM', 1, 2048, 3897.02, 114.355, 5.55],
  ['awq-03', 'mistral-7b', 'Mistral-7B (AWQ)', 'GEMM', 8, 64, 4199.18, 1185.25, 4.35],
  ['awq-04', 'mistral-7b', 'Mistral-7B (AWQ)', 'GEMM', 8, 2048, 3661.46, 829.754, 16.82],
  ['awq-05', 'mistral-7b', 'Mistral-7B (AWQ)', 'GEMV', 1, 64, 531.99, 188.29, 4.28],
  ['awq-06', 'llama-2-7b', 'Vicuna-7B v1.5 = Llama-2-7B architecture', 'GEMV', 1, 64, 639.65, 198.848, 4.5],
  [
    'awq-07',
    'llama-2-7b',
    'Vicuna-7B v1.5 = Llama-2-7B architecture',
    'GEMV',
    1,
    2048,
    1123.63,
    133.191,
    6.15,
  ],
  ['awq-08', 'llama-2-13b', 'Llama-2-13B (AWQ)', 'GEMM', 1, 64, 820.34, 96.74, 8.47],
  ['awq-09', 'llama-2-13b', 'Llama-2-13B (AWQ)', 'GEMM', 1, 2048, 2279.41, 73.8213, 10.28],
  ['awq-10', 'mixtral-8x7b', 'Mixtral-8x7B (46.7B, AWQ)', 'GEMM', 1, 128, 2082.95, 92.9444, 25.33],
  ['awq-11', 'mixtral-8x7b', 'Mixtral-8x7B (46.7B, AWQ)', 'GEMM', 1, 2048, 2446.15, 77.0516, 27.98],
  ['awq-12', 'mixtral-8x7b', 'Mixtral-8x7B (46.7B, AWQ)', 'GEMM', 1, 4096, 1985.78, 77.5689, 34.65],
];

const AWQ_SPLIT =
  ' 2x RTX 4090 with the layers split by accelerate (device_map): at batch 1 the GPUs run one after another, ' +
  'modelled as one custom device with the summed memory and one 4090 bandwidth/compute (gpuCount 1).';

const AWQ_CASES: CalibrationCase[] = AWQ_ROWS.flatMap(
  ([id, model, modelNote, kernel, batch, context, prefillTokPerS, decodeTokPerS, peakGiB]) => {
    const split = model === 'mixtral-8x7b';
    const common = {
      src: 'autoawq' as const,
      quality: 'B' as const,
      engine: 'EXLLAMA' as const,
      engineName: `AutoAWQ v0.1.6 (fused modules, ${kernel} kernel)`,
      model,
      gpu: split ? RTX_4090_X2_LAYER_SPLIT : 'rtx-4090',
      weightFormat: 'INT4' as const,
      kvCacheFormat: 'FP16' as const,
      inputTokens: context,
      outputTokens: context,
      batchSize: batch,
    };
    const head = `${AWQ_SETUP} Model: ${modelNote}; batch ${batch}, context ${context}, n_generate ${context}.${
      split ? AWQ_SPLIT : ''
    }`;
    // The GEMV kernel's prefill is excluded (see GEMV_PREFILL below).
    const ttft = kernel === 'GEMM' ? [`${id}/ttft`] : [];
    return [
      ...ttft.map((caseId) =>
        mk({
          ...common,
          id: caseId,
          metric: 'TTFT_SECONDS',
          measured: (context * batch) / prefillTokPerS,
          note:
            `${head} Prefill tokens/s = context x batch / time of the first model() call (a forward over all ` +
            `positions, logits for every position, then argmax) -> TTFT = ${context} x ${batch} / ${prefillTokPerS} s.`,
        }),
      ),
      mk({
        ...common,
        id: `${id}/tpot`,
        metric: 'TPOT_SECONDS',
        measured: batch / decodeTokPerS,
        note:
          `${head} Decode tokens/s = batch / MEDIAN single-token step time -> TPOT = ${batch} / ${decodeTokPerS} s ` +
          '(steps grow near-linearly with context, so the median is close to the mean step).',
      }),
      mk({
        ...common,
        id: `${id}/memory`,
        metric: 'MEMORY_BYTES',
        measured: peakGiB * GiB,
        memory: { runtimeOverheadBytes: 0 },
        note:
          `${head} Memory = torch.cuda.max_memory_allocated / 1024^3 (printed as GB) = ${peakGiB} x 2^30 bytes; a ` +
          'torch allocator peak excludes the CUDA context -> runtimeOverheadBytes 0. The fused modules ' +
          'pre-allocate the KV cache for context + n_generate (= inputTokens + outputTokens), and the prefill ' +
          'forward materialises logits for all batch x context positions (not only the last).' +
          (split ? ' Sum over both GPUs (the printed share is of 2 x 23.65 GiB).' : ''),
      }),
    ];
  },
);

// ---------------------------------------------------------------------------------------------------------------
// ExLlama v1 (source exllama, quality B)
// ---------------------------------------------------------------------------------------------------------------

const EXL_SETUP =
  'ExLlama test_benchmark_inference.py -p on a stock RTX 4090 (desktop running), GPTQ 4-bit g128 -> INT4, fp16 KV, ' +
  'max_seq_len 2048 (KV cache allocated for all 2048 positions).';

const EXL_ROWS: ReadonlyArray<
  [
    id: string,
    model: string | ModelSpec,
    vramMiB: number,
    promptTokPerS: number,
    bestTokPerS: number,
    worstTokPerS: number,
  ]
> = [
  ['exl-01', 'llama-7b', 5194, 13918, 173, 140],
  ['exl-02', LLAMA_13B_V1, 9127, 7507, 102, 86],
  ['exl-03', LLAMA_33B_V1, 20795, 2959, 47, 40],
];

const EXLLAMA_CASES: CalibrationCase[] = EXL_ROWS.flatMap(
  ([id, model, vramMiB, _promptTokPerS, bestTokPerS, worstTokPerS]) => {
    const common = {
      src: 'exllama' as const,
      quality: 'B' as const,
      engine: 'EXLLAMA' as const,
      engineName: 'ExLlama (v1)',
      model,
      gpu: 'rtx-4090',
      weightFormat: 'INT4' as const,
      kvCacheFormat: 'FP16' as const,
    };
    return [
      // The prompt-speed (TTFT) figure is excluded: see HGEMM_PREFILL below.
      mk({
        ...common,
        id: `${id}/tpot-best`,
        inputTokens: 4,
        outputTokens: 129,
        metric: 'TPOT_SECONDS',
        measured: 1 / bestTokPerS,
        note:
          `${EXL_SETUP} 'Best' = 128 greedy single-token steps after the cache is cut back to 4 tokens ` +
          `(README: 'first 128 tokens in empty sequence'), contexts 5..132 -> TPOT = 1/${bestTokPerS} s with ` +
          'inputTokens 4, outputTokens 129.',
      }),
      mk({
        ...common,
        id: `${id}/tpot-worst`,
        inputTokens: 1919,
        outputTokens: 129,
        metric: 'TPOT_SECONDS',
        measured: 1 / worstTokPerS,
        note:
          `${EXL_SETUP} 'Worst' = the 128 single-token steps after the 1920-token prompt (contexts 1921..2048) ` +
          `-> TPOT = 1/${worstTokPerS} s; modelled one token earlier (inputTokens 1919, outputTokens 129, contexts ` +
          '1920..2047) so that the request stays within the 2048-token context window.',
      }),
      mk({
        ...common,
        id: `${id}/memory`,
        inputTokens: 1920,
        outputTokens: 128,
        metric: 'MEMORY_BYTES',
        measured: vramMiB * MiB,
        memory: { runtimeOverheadBytes: 0 },
        note:
          `${EXL_SETUP} VRAM = torch.cuda.max_memory_allocated / 1024^2 (printed as MB) over the run: weights, ` +
          `the 2048-position cache and the 1920-token prefill -> ${vramMiB} x 2^20 bytes at inputTokens 1920 + ` +
          'outputTokens 128 = 2048. PyTorch-reported, so no CUDA context -> runtimeOverheadBytes 0.',
      }),
    ];
  },
);

// ---------------------------------------------------------------------------------------------------------------
// ExLlamaV2 README quick tests (source exllamav2, quality B/C -> C)
// ---------------------------------------------------------------------------------------------------------------

const EXL2_NOTE =
  "ExLlamaV2 README 'quick tests', batch 1; prompt and generation lengths not stated -> assumed a short-context " +
  'decode (inputTokens 1, outputTokens 129: 128 steps from an almost empty cache, as ExLlama v1 ' +
  "'best' with which the table compares). If the numbers came from test_inference.py -p (default 128 tokens, " +
  "'includes prompt eval') the few-token prefill changes them by about one step (<1%). TPOT = 1/value.";

const EXL2_ROWS: ReadonlyArray<
  [id: string, model: string, weights: string, rtx4090: number, rtx3090ti: number]
> = [
  ['exl2-01', 'llama-7b', 'GPTQ 4-bit g128 -> INT4', 198, 177],
  ['exl2-02', 'llama-2-7b', 'EXL2 4.0 bits per weight -> INT4', 207, 179],
];

const EXLLAMAV2_CASES: CalibrationCase[] = EXL2_ROWS.flatMap(([id, model, weights, rtx4090, rtx3090ti]) =>
  (
    [
      ['tpot-4090', 'rtx-4090', rtx4090, 'RTX 4090 column'],
      ['tpot-3090ti', RTX_3090_TI, rtx3090ti, 'RTX 3090 Ti column (custom GpuSpec)'],
    ] as const
  ).map(([suffix, gpu, tokPerS, column]) =>
    mk({
      id: `${id}/${suffix}`,
      src: 'exllamav2',
      quality: 'C',
      engine: 'EXLLAMA',
      engineName: 'ExLlamaV2',
      model,
      gpu,
      weightFormat: 'INT4',
      kvCacheFormat: 'FP16',
      inputTokens: 1,
      outputTokens: 129,
      metric: 'TPOT_SECONDS',
      measured: 1 / tokPerS,
      note: `${EXL2_NOTE} ${column}: ${tokPerS} t/s. Weights: ${weights}; fp16 KV.`,
    }),
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// llama.cpp PR #6017 llama-bench (source llamacpp6017, quality A)
// ---------------------------------------------------------------------------------------------------------------

const LCPP_SETUP =
  "llama-bench on one A100 80GB PCIe, codellama-7b F16 GGUF ('llama 7B F16', 12.55 GiB, 6.74 B params; " +
  'Llama-2-7B architecture, vocab 32016 vs 32000 ignored), -ngl 99, n_batch 8192, fp16 KV.';

const LLAMACPP_PR_CASES: CalibrationCase[] = [
  mk({
    id: 'lcpp-01/tpot',
    src: 'llamacpp6017',
    quality: 'A',
    engine: 'LLAMA_CPP',
    engineName: 'llama.cpp (CUDA, 2024-03)',
    model: 'llama-2-7b',
    gpu: 'a100-pcie-80gb',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 1,
    outputTokens: 129,
    metric: 'TPOT_SECONDS',
    measured: 1 / 74.77,
    note:
      `${LCPP_SETUP} tg128 = 128 single-token steps from an empty context -> TPOT = 1/74.77 s with inputTokens 1, ` +
      'outputTokens 129 so that the steps span contexts 2..129.',
  }),
  mk({
    id: 'lcpp-01/ttft-pp2048',
    src: 'llamacpp6017',
    quality: 'A',
    engine: 'LLAMA_CPP',
    engineName: 'llama.cpp (CUDA, 2024-03)',
    model: 'llama-2-7b',
    gpu: 'a100-pcie-80gb',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 2048,
    outputTokens: 1,
    metric: 'TTFT_SECONDS',
    measured: 2048 / 7592.36,
    note:
      `${LCPP_SETUP} From the row's note ('same table: ... pp2048 = 7592.36 t/s'): prompt processing of 2048 ` +
      'tokens, no generation -> TTFT = 2048 / 7592.36 s with outputTokens 1.',
  }),
  mk({
    id: 'lcpp-02',
    src: 'llamacpp6017',
    quality: 'A',
    engine: 'LLAMA_CPP',
    engineName: 'llama.cpp (CUDA, 2024-03)',
    model: 'llama-2-7b',
    gpu: 'a100-pcie-80gb',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 512,
    outputTokens: 1,
    metric: 'TTFT_SECONDS',
    measured: 512 / 8668.24,
    note: `${LCPP_SETUP} pp512 = prompt processing of 512 tokens -> TTFT = 512 / 8668.24 s with outputTokens 1.`,
  }),
];

// ---------------------------------------------------------------------------------------------------------------
// XiongjieDai llama-bench, May 2024 (source xdai, quality B)
// ---------------------------------------------------------------------------------------------------------------

const XD_SETUP =
  'llama.cpp llama-bench (May 2024) on RunPod, Llama 3, fp16 KV, batch 1, tg and pp as separate runs.';
const XD_Q4KM = 'Q4_K_M (about 4.9 bits per weight incl. scales: 4.58 GB for 8.03B params) -> INT4';

type XdRow = [
  id: string,
  model: string,
  gpu: string | GpuSpec,
  gpuNote: string,
  q4km: boolean,
  tg1024: number,
  pp1024: number | null,
];

const XD_ROWS: readonly XdRow[] = [
  ['xd-01', 'llama-3-8b', 'rtx-4090', 'RTX 4090', false, 54.34, 9056.26],
  ['xd-02', 'llama-3-8b', 'rtx-4090', 'RTX 4090', true, 127.74, 6898.71],
  ['xd-03', 'llama-3-8b', 'rtx-3090', 'RTX 3090', false, 46.51, 4239.64],
  ['xd-04', 'llama-3-8b', 'a100-pcie-80gb', 'A100 PCIe 80GB', false, 54.56, 7504.24],
  ['xd-05', 'llama-3-8b', 'a100-sxm4-80gb', 'A100 SXM 80GB', false, 53.18, null],
  ['xd-06', 'llama-3-8b', 'h100-pcie-80gb', 'H100 PCIe 80GB', false, 67.79, 10342.63],
  ['xd-07', 'llama-3-8b', 'l40s', 'L40S 48GB', false, 43.42, null],
  ['xd-08', 'llama-3-70b', 'a100-pcie-80gb', 'A100 PCIe 80GB', true, 22.11, 726.65],
  ['xd-09', 'llama-3-70b', 'h100-pcie-80gb', 'H100 PCIe 80GB', true, 25.01, 984.06],
  [
    'xd-10',
    'llama-3-70b',
    H100_PCIE_80GB_X4_LAYER_SPLIT,
    '4x H100 PCIe 80GB, llama.cpp layer split: decode runs the GPUs one after another, modelled as one custom ' +
      'device with 4x the memory and one H100 PCIe bandwidth/compute (gpuCount 1)',
    false,
    9.63,
    null,
  ],
  [
    'xd-11',
    'llama-3-70b',
    A100_SXM4_80GB_X4_LAYER_SPLIT,
    '4x A100 SXM 80GB, llama.cpp layer split: decode runs the GPUs one after another, modelled as one custom ' +
      'device with 4x the memory and one A100 SXM bandwidth/compute (gpuCount 1)',
    false,
    6.92,
    null,
  ],
];

const XDAI_CASES: CalibrationCase[] = XD_ROWS.flatMap(([id, model, gpu, gpuNote, q4km, tg1024, pp1024]) => {
  const common = {
    src: 'xdai' as const,
    quality: 'B' as const,
    engine: 'LLAMA_CPP' as const,
    engineName: 'llama.cpp llama-bench (May 2024)',
    model,
    gpu,
    weightFormat: q4km ? ('INT4' as const) : ('FP16' as const),
    kvCacheFormat: 'FP16' as const,
  };
  const head = `${XD_SETUP} GPU: ${gpuNote}. Weights: ${q4km ? XD_Q4KM : 'F16'}.`;
  const cases = [
    mk({
      ...common,
      id: `${id}/tpot`,
      inputTokens: 1,
      outputTokens: 1025,
      metric: 'TPOT_SECONDS',
      measured: 1 / tg1024,
      note:
        `${head} tg1024 = mean t/s of 1024 single-token steps from an EMPTY context -> TPOT = 1/${tg1024} s ` +
        'with inputTokens 1, outputTokens 1025 (steps at contexts 2..1025).',
    }),
  ];
  if (pp1024 !== null) {
    cases.push(
      mk({
        ...common,
        id: `${id}/ttft`,
        inputTokens: 1024,
        outputTokens: 1,
        memory: { maxBatchedTokens: 512 },
        metric: 'TTFT_SECONDS',
        measured: 1024 / pp1024,
        note:
          `${head} pp1024 = prompt processing t/s of a 1024-token prompt, no generation -> TTFT = 1024 / ` +
          `${pp1024} s with outputTokens 1. llama-bench defaults n_batch 2048 / n_ubatch 512, so the prompt runs ` +
          'as two 512-token micro-batches (maxBatchedTokens 512).' +
          (gpu === 'rtx-4090' || gpu === 'rtx-3090'
            ? " llama.cpp's cuBLAS fp16 path accumulates in FP16 (CUBLAS_COMPUTE_16F), which on GeForce runs at " +
              'twice the FP32-accumulate peak the catalog lists.'
            : ''),
      }),
    );
  }
  return cases;
});

// ---------------------------------------------------------------------------------------------------------------
// XiongjieDai llama.cpp ./main, Dec 2023 (source xdai_old, quality B/C -> C)
// ---------------------------------------------------------------------------------------------------------------

const XDO_SETUP =
  'llama.cpp ./main (build 1680, Dec 2023), as run in the "LLaMA 2/*/*_v2.ipynb" notebooks: -ngl 10000 ' +
  '--no-mmap --temp 1.1 --repeat_penalty 1.1 -n 1024 --ignore-eos with a 494-token prompt (the opening of ' +
  "A Tale of Two Cities), no -c, so n_ctx = 512 (the default), n_keep 0. The README's TG = mean over 3 runs of " +
  "llama_print_timings 'eval' tokens/s (1023 single-token steps). With n_ctx 512 the context is shifted back to " +
  '~256 tokens whenever it reaches 512, so the steps see contexts cycling between ~256 and 512: modelled as ' +
  'steps spanning contexts 257..512 (inputTokens 256, outputTokens 257). TPOT = 1/TG.';

const XDO_ROWS: ReadonlyArray<
  [id: string, model: string, gpu: string, gpuNote: string, q4_0: boolean, tokPerS: number]
> = [
  [
    'xdo-01',
    'llama-2-7b',
    'a100-pcie-80gb',
    "'A100 80GB': nvidia-smi in A100_v2.ipynb shows 'NVIDIA A100 80GB PCIe'",
    false,
    73.83,
  ],
  [
    'xdo-02',
    'llama-2-7b',
    'a100-pcie-80gb',
    "'A100 80GB': nvidia-smi in A100_v2.ipynb shows 'NVIDIA A100 80GB PCIe'",
    true,
    136.24,
  ],
  ['xdo-03', 'llama-2-7b', 'h100-pcie-80gb', 'H100 PCIe 80GB', false, 83.32],
  ['xdo-04', 'llama-2-7b', 'rtx-4090', 'RTX 4090', false, 60.78],
  ['xdo-05', 'llama-2-7b', 'rtx-4090', 'RTX 4090', true, 149.37],
  ['xdo-06', 'llama-2-7b', 'rtx-3090', 'RTX 3090', false, 51.85],
  [
    'xdo-07',
    'llama-2-13b',
    'a100-pcie-80gb',
    "'A100 80GB': nvidia-smi in A100_v2.ipynb shows 'NVIDIA A100 80GB PCIe'",
    false,
    45.01,
  ],
  ['xdo-08', 'llama-2-70b', 'h100-pcie-80gb', 'H100 PCIe 80GB', true, 25.88],
];

const XDAI_OLD_CASES: CalibrationCase[] = XDO_ROWS.map(([id, model, gpu, gpuNote, q4_0, tokPerS]) =>
  mk({
    id,
    src: 'xdai_old',
    quality: 'C',
    engine: 'LLAMA_CPP',
    engineName: 'llama.cpp ./main (Dec 2023)',
    model,
    gpu,
    weightFormat: q4_0 ? 'INT4' : 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 256,
    outputTokens: 257,
    metric: 'TPOT_SECONDS',
    measured: 1 / tokPerS,
    note: `${XDO_SETUP} GPU: ${gpuNote}. Weights: ${
      q4_0 ? 'q4_0 (4.5 bits per weight incl. scales; output matrix q6_K) -> INT4' : 'f16'
    }; f16 KV. TG ${tokPerS} t/s.`,
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// FasterTransformer GPT guide (source ft_gpt, quality A)
// ---------------------------------------------------------------------------------------------------------------

const FT_SETUP =
  'FasterTransformer on Triton, A100-SXM4-80GB (SuperPod, mclk 1593 MHz, pclk 1410 MHz), FP16 weights/KV, ' +
  'top_p 0.9 sampling.';

const FT_ROWS: ReadonlyArray<
  [
    id: string,
    model: ModelSpec,
    gpus: number,
    batch: number,
    input: number,
    output: number,
    ms: number,
    gb: number | null,
  ]
> = [
  ['ft-01', FT_GPT_6_7B, 1, 1, 128, 8, 98.29, 15.55],
  ['ft-02', FT_GPT_6_7B, 1, 1, 512, 32, 384.7, 15.96],
  ['ft-03', FT_GPT_6_7B, 1, 64, 512, 32, 3306.41, 41.84],
  ['ft-04', FT_GPT_175B, 8, 1, 128, 8, 488.86, null],
  ['ft-05', FT_GPT_175B, 8, 1, 512, 32, 1719.96, null],
];

const FT_CASES: CalibrationCase[] = FT_ROWS.flatMap(([id, model, gpus, batch, input, output, ms, gb]) => {
  const common = {
    src: 'ft_gpt' as const,
    quality: 'A' as const,
    engine: 'OPTIMIZED' as const,
    engineName: 'FasterTransformer (Triton)',
    model,
    gpu: 'a100-sxm4-80gb',
    gpuCount: gpus,
    weightFormat: 'FP16' as const,
    kvCacheFormat: 'FP16' as const,
    inputTokens: input,
    outputTokens: output,
    batchSize: batch,
  };
  const head =
    `${FT_SETUP} ${model.name}, ${gpus === 1 ? 'TP1' : `TP${gpus} over NVLink`}, batch ${batch}, input ` +
    `${input}, output ${output}.`;
  const totalCase = mk({
    ...common,
    id: gb === null ? id : `${id}/total`,
    metric: 'TOTAL_SECONDS',
    measured: ms / 1000,
    note:
      `${head} 'FT Latency' = end-to-end latency of the whole request (context phase + all output tokens) -> ` +
      `TOTAL_SECONDS ${ms} / 1000.` +
      (gb === null ? ' No memory figure is published for this row.' : ''),
  });
  if (gb === null) return [totalCase];
  return [
    totalCase,
    mk({
      ...common,
      id: `${id}/memory`,
      metric: 'MEMORY_BYTES',
      measured: gb * GiB,
      note:
        `${head} 'Memory Usage (GB)' per GPU, taken as GiB (FT's print_mem_usage divides cudaMemGetInfo bytes by ` +
        `1024^3): ${gb} x 2^30 bytes. It is device-wide used memory, so it includes the CUDA context (default ` +
        'runtime overhead kept), and FT pre-allocates its buffers for the maximum batch and sequence length, so ' +
        'it can exceed what this request alone needs.',
    }),
  ];
});

// ---------------------------------------------------------------------------------------------------------------
// kipply's FasterTransformer benchmark (source kipply_ft, quality B)
// ---------------------------------------------------------------------------------------------------------------

const KIPPLY_SETUP =
  "kipply's FasterTransformer benchmark of a 13B GPT-style model on A100 40GB (SXM4 assumed: form factor not " +
  'stated; both 40GB forms have 1.555 TB/s and 312 TFLOPS), FP16, context 512, batch 1, 10 generated tokens.';
const KIPPLY_STEPS =
  'The published total equals prefill + 10 x per-token latency (63.17 + 10 x 22.0 = 283.2 ~ 283.6 ms; TP2 ' +
  '45.45 + 10 x 13.5 = 180.5 ~ 180.86 ms): this FT ran one decoder step for each of the 10 tokens after the ' +
  'context phase. In our definitions (first token from the prefill, then outputTokens - 1 steps) that work is ' +
  'outputTokens 11.';

const KIPPLY_ROWS: ReadonlyArray<[tp: number, prefillMs: number, decodeMs: number, totalMs: number]> = [
  [1, 63.17, 22.0, 283.6],
  [2, 45.45, 13.5, 180.86],
];

const KIPPLY_CASES: CalibrationCase[] = KIPPLY_ROWS.flatMap(([tp, prefillMs, decodeMs, totalMs]) => {
  const prefix = tp === 1 ? 'ft-06' : 'ft-06/tp2';
  const common = {
    src: 'kipply_ft' as const,
    quality: 'B' as const,
    engine: 'OPTIMIZED' as const,
    engineName: 'FasterTransformer',
    model: KIPPLY_GPT_13B,
    gpu: 'a100-sxm4-40gb',
    gpuCount: tp,
    weightFormat: 'FP16' as const,
    kvCacheFormat: 'FP16' as const,
    inputTokens: 512,
  };
  const head = `${KIPPLY_SETUP} ${tp === 1 ? 'Single GPU' : "TP2 on 2x A100 40GB (from the row's note)"}.`;
  return [
    mk({
      ...common,
      id: `${prefix}/ttft`,
      outputTokens: 1,
      metric: 'TTFT_SECONDS',
      measured: prefillMs / 1000,
      note: `${head} Prefill (context phase) latency ${prefillMs} ms for 512 tokens -> TTFT_SECONDS, outputTokens 1.`,
    }),
    mk({
      ...common,
      id: `${prefix}/tpot`,
      outputTokens: 11,
      metric: 'TPOT_SECONDS',
      measured: decodeMs / 1000,
      note: `${head} Decode latency ${decodeMs} ms per token at contexts 513..522 -> TPOT_SECONDS. ${KIPPLY_STEPS}`,
    }),
    mk({
      ...common,
      id: `${prefix}/total`,
      outputTokens: 11,
      metric: 'TOTAL_SECONDS',
      measured: totalMs / 1000,
      note: `${head} Total latency ${totalMs} ms -> TOTAL_SECONDS. ${KIPPLY_STEPS}`,
    }),
  ];
});

// ---------------------------------------------------------------------------------------------------------------
// lmdeploy issue #210 (source lmdeploy210, quality C)
// ---------------------------------------------------------------------------------------------------------------

const A10_SETUP =
  'User report (2023-08-08): Llama-2-7b-chat-hf on one A10 24GB, fp16 weights and KV, batch 1, prompt 20 tokens, ' +
  '267 generated tokens.';

const LMDEPLOY_CASES: CalibrationCase[] = [
  mk({
    id: 'a10-01/hf-tpot',
    src: 'lmdeploy210',
    quality: 'C',
    engine: 'HF_TRANSFORMERS',
    engineName: 'HF transformers (eager, 2023-08)',
    model: 'llama-2-7b',
    gpu: 'a10',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 20,
    outputTokens: 267,
    metric: 'TPOT_SECONDS',
    measured: 34e-3,
    note: `${A10_SETUP} HF transformers 'about 34ms per token' -> TPOT_SECONDS 0.034.`,
  }),
  mk({
    id: 'a10-01/lmdeploy-tpot',
    src: 'lmdeploy210',
    quality: 'C',
    engine: 'OPTIMIZED',
    engineName: 'lmdeploy TurboMind (2023-08)',
    model: 'llama-2-7b',
    gpu: 'a10',
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
    inputTokens: 20,
    outputTokens: 267,
    metric: 'TPOT_SECONDS',
    measured: 27e-3,
    note: `${A10_SETUP} lmdeploy TurboMind 'about 27ms per token' -> TPOT_SECONDS 0.027.`,
  }),
];

// ---------------------------------------------------------------------------------------------------------------

export const CALIBRATION_CASES: readonly CalibrationCase[] = [
  ...GPT_FAST_CASES,
  ...TRT_CASES,
  ...PERFBENCH_CASES,
  ...AWQ_CASES,
  ...EXLLAMA_CASES,
  ...EXLLAMAV2_CASES,
  ...LLAMACPP_PR_CASES,
  ...XDAI_CASES,
  ...XDAI_OLD_CASES,
  ...FT_CASES,
  ...KIPPLY_CASES,
  ...LMDEPLOY_CASES,
];

const NEMO_REASON =
  "NeMo Framework 'Llama-2 Results' (quality C): weight and KV precision are not stated, so the request cannot be " +
  'reproduced, and measurements.json flags the rows as anomalous (13B TP1 bs1 latency lower than 7B TP1 bs1 on ' +
  'both A100 and H100).';
const XD_PP_ANOMALY =
  'pp1024 (F16 prompt processing) is flagged in measurements.json as an anomaly, far below its peers (likely no ' +
  'tensor-core path on that machine) - excluded from fits; the tg1024 value of the row is kept as a case.';
const XD_PP_PIPELINED =
  'pp1024 on a llama.cpp layer split is not sequential: since llama.cpp PR #6017 (2024-03) a prompt batch ' +
  '(n_batch 2048) is cut into 512-token micro-batches that are pipelined across the GPUs, so it cannot be ' +
  'modelled as the one-device equivalent of the split (the 70B F16 rate is ~2x what the single-GPU 8B F16 rate ' +
  'implies for a sequential run of an 8.8x larger model). The tg1024 value of the row is kept as a case.';

const GEMV_PREFILL =
  "AutoAWQ's GEMV kernel is a batch-1 decode kernel; its prefill runs the prompt through matrix-vector products " +
  '(3.5x slower than the GEMM kernel on the same 2,048-token prompt: awq-07 1,823 ms vs awq-02 525 ms for a ' +
  'model of the same size), which a batched-prefill roofline does not describe. Its TPOT and memory are kept.';
const HGEMM_PREFILL =
  "ExLlama v1's prompt pass multiplies with cublasHgemm (FP16 accumulate), which on GeForce cards runs at twice " +
  'the FP32-accumulate rate the catalog lists for the RTX 4090 (165.2 TFLOPS): the measured prompt speed needs ' +
  'more than 100% of that peak, which no physical efficiency can express. Its TPOT and memory are kept.';

export const EXCLUDED_MEASUREMENTS: readonly ExcludedMeasurement[] = [
  { id: 'awq-05/ttft', reason: GEMV_PREFILL },
  { id: 'awq-06/ttft', reason: GEMV_PREFILL },
  { id: 'awq-07/ttft', reason: GEMV_PREFILL },
  { id: 'exl-01/ttft', reason: HGEMM_PREFILL },
  { id: 'exl-02/ttft', reason: HGEMM_PREFILL },
  { id: 'exl-03/ttft', reason: HGEMM_PREFILL },
  { id: 'nemo-01', reason: NEMO_REASON },
  { id: 'nemo-02', reason: NEMO_REASON },
  { id: 'nemo-03', reason: NEMO_REASON },
  {
    id: 'exl-04',
    reason:
      'Mixed-GPU layer split (RTX 4090 + RTX 3090 Ti, -gs 17.2,24): the two GPUs differ in bandwidth and compute, ' +
      'so the split has no single-device equivalent.',
  },
  {
    id: 'exl2-03',
    reason:
      'EXL2 2.5 bits per weight cannot be expressed with our number formats (INT4 is the smallest, 4 bits plus ' +
      'scales); modelling it as INT4 would overstate the weight bytes by about 60%.',
  },
  { id: 'xd-05/ttft', reason: `A100 SXM 80GB: ${XD_PP_ANOMALY}` },
  { id: 'xd-07/ttft', reason: `L40S 48GB: ${XD_PP_ANOMALY}` },
  { id: 'xd-10/ttft', reason: `4x H100 PCIe 80GB: ${XD_PP_PIPELINED}` },
  { id: 'xd-11/ttft', reason: `4x A100 SXM 80GB: ${XD_PP_PIPELINED}` },
];
