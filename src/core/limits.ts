/**
 * Input limits shared by the core's own checks and the API's validation, so that an error
 * message and the documentation always quote the same numbers.
 */
export const LIMITS = {
  tokens: { min: 1, max: 10_000_000 },
  batchSize: { min: 1, max: 100_000 },
  gpuCount: { min: 1, max: 1_024 },
  /** Points of one serving curve. */
  servingCurvePoints: { min: 2, max: 64 },
  /** Speculative decoding: tokens proposed per step. */
  draftTokens: { min: 1, max: 16 },
  /** Each degree of parallelism (tensor, pipeline, expert, data) and GPUs per node. */
  parallelDegree: { min: 1, max: 1_024 },
  /**
   * Efficiency factors are fractions of a datasheet peak. The floor keeps every time finite: FLOPs
   * and bytes reach ~1e32 for the largest accepted model and workload.
   */
  efficiency: { min: 1e-6, max: 1 },
  /** Custom hardware rates (bytes/s, FLOP/s) have the same reason for a floor. */
  hardwareRate: { min: 1 },
  overheadSeconds: { min: 0, max: 3_600 },
  dequantizationOpsPerWeight: { min: 0, max: 1_000 },
  allReduceStepBytes: { min: 0, max: 1e9 },
  runtimeOverheadBytes: { min: 0, max: 1e15 },
  maxBatchedTokens: { min: 1, max: 10_000_000 },
  usableMemoryFraction: { min: 0.01, max: 1 },
  transientBytesPerElement: { min: 0, max: 16 },
  /** Custom hardware: positive and finite, below these sanity ceilings. */
  memoryBytes: { max: 1e15 },
  bandwidthBytesPerSecond: { max: 1e15 },
  flopsPerSecond: { max: 1e18 },
  tdpWatts: { min: 1, max: 100_000 },
  /** Custom models. */
  layers: { min: 1, max: 1_000 },
  hiddenSize: { min: 1, max: 1_000_000 },
  heads: { min: 1, max: 10_000 },
  vocabSize: { min: 1, max: 10_000_000 },
  experts: { min: 1, max: 10_000 },
  contextWindow: { min: 1, max: 100_000_000 },
  /** Names of custom models and GPUs, characters. */
  nameLength: { max: 200 },
  /** Most estimates one `compare` may ask for (models x GPUs x weight formats x KV cache formats). */
  compareEstimates: { max: 1_024 },
  /**
   * Plans: configurations one plan looks at (GPU types x layouts x weight formats x KV cache
   * formats; the whole catalog at up to 64 GPUs with every storage format is under it), the
   * candidates it returns, its request rate, latency targets and prices.
   */
  planConfigurations: { max: 100_000 },
  planCandidates: { min: 1, max: 100 },
  planRequestsPerSecond: { max: 1_000_000 },
  targetSeconds: { min: 1e-6, max: 3_600 },
  dollarsPerHour: { min: 0, max: 1_000_000 },
} as const;

/** An input the core cannot estimate; `field` names the input path, `limit` the rule broken. */
export class EstimateInputError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly limit: string,
  ) {
    super(
      `${field} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)} is out of range: ${limit}`,
    );
    this.name = 'EstimateInputError';
  }
}
