/** Plain shapes of a deployment plan: what is asked, what each candidate is, why others were rejected. */
import type { ServingPoint } from '../serving.js';
import type {
  EngineProfile,
  GpuSpec,
  MemoryAssumptions,
  ModelSpec,
  NumberFormat,
  Parallelism,
  Tuning,
  WeightFormat,
} from '../types.js';

export type { Parallelism, ServingPoint };

export const PLAN_OBJECTIVES = ['COST', 'GPU_COUNT', 'THROUGHPUT_PER_GPU', 'LATENCY'] as const;
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];

/** Why a configuration was rejected; each rejected configuration counts once, under the first reason in this order. */
export const REJECTION_REASONS = [
  'FORMAT_UNSUPPORTED',
  'SPLIT_NOT_ALLOWED',
  'WEIGHTS_DO_NOT_FIT',
  'KV_CAPACITY',
  'TIME_TO_FIRST_TOKEN',
  'TIME_PER_OUTPUT_TOKEN',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface PlanRequest {
  model: ModelSpec;
  inputTokens: number;
  outputTokens: number;
  /** Requests per second the whole fleet must carry; absent = one replica. */
  requestsPerSecond?: number;
  maxTimeToFirstTokenSeconds?: number;
  maxTimePerOutputTokenSeconds?: number;
  gpus: readonly GpuSpec[];
  /** Most GPUs in one deployment (one replica). */
  maxGpus: number;
  /** Only deployments of these GPU counts (the inverse shortcuts fix an estimate's own count); absent = every count. */
  gpuCounts?: readonly number[];
  /** Only this layout (the inverse shortcuts keep an estimate's own split); absent = every layout. */
  parallelism?: Parallelism;
  weightFormats: readonly WeightFormat[];
  kvCacheFormats: readonly NumberFormat[];
  /** Dollars per GPU-hour by GPU id; a GPU missing here has no price (null costs). */
  dollarsPerGpuHour: ReadonlyMap<string, number | null>;
  objective: PlanObjective;
  /** Candidates to return. */
  limit: number;
  engine?: EngineProfile;
  tuning?: Partial<Tuning>;
  memory?: Partial<MemoryAssumptions>;
}

export interface PlanCandidate {
  gpu: GpuSpec;
  /** GPUs of one replica (parallelism.gpuCount). */
  gpuCount: number;
  replicas: number;
  /** gpuCount x replicas. */
  totalGpus: number;
  parallelism: Parallelism;
  weightFormat: WeightFormat;
  kvCacheFormat: NumberFormat;
  /** The format the matmuls run in on this GPU (after any fallback). */
  computeFormat: NumberFormat;
  /** The fallback or unpacking this candidate relies on, in words; null when the GPU computes the format natively. */
  formatNote: string | null;
  concurrencyPerReplica: number;
  /** Most sequences of the workload one replica's KV cache holds. */
  maxConcurrencyPerReplica: number;
  serving: ServingPoint;
  /** Whole fleet (all replicas); null when the GPU has no price. */
  dollarsPerHour: number | null;
  /** One replica at its serving point; null when the GPU has no price. */
  dollarsPerMillionOutputTokens: number | null;
  /** Energy per output token at TDP, joules: an upper bound (GPUs rarely draw their full TDP); null without a TDP. */
  joulesPerOutputTokenAtTdp: number | null;
  /** What stops this deployment from carrying more per replica. */
  bindingConstraint: string;
}

export interface RejectionCount {
  reason: RejectionReason;
  count: number;
}

export interface Plan {
  candidates: PlanCandidate[];
  paretoFrontier: PlanCandidate[];
  /** Configurations looked at: GPU types x layouts x weight formats x KV cache formats. */
  evaluated: number;
  /** Counts by reason, in REJECTION_REASONS order, zero counts included. */
  rejected: RejectionCount[];
  /** Serving points computed (work done, for benchmarks). */
  servingPointsComputed: number;
}
