/**
 * Serving under load: continuous batching with a paged KV cache and chunked prefill, in closed form.
 *
 * Model (the assumptions, stated once):
 * - Every request has the estimate's prompt and output lengths; `concurrency` sequences are in
 *   flight across the estimate, split evenly over its data-parallel ranks.
 * - STAGGERED arrivals (the steady state): requests arrive spread out, one replacing each that
 *   finishes. Every engine step decodes the running sequences and admits prefill chunks into what
 *   is left of the token budget (maxBatchedTokens), first come first served, so one prompt takes
 *   ceil(computed prompt / budget) chunks. Over one sequence's lifetime of K = chunks + decode steps,
 *   the rank prefills every in-flight sequence once; the steps carrying prefill are spread over the
 *   cycle. When the prompts and decodes of all in-flight sequences need more than K full steps, the
 *   budget binds (compute-bound): the cycle stretches and new requests wait for it, in TTFT.
 * - SIMULTANEOUS arrivals: all sequences arrive at once, are prefilled together (in chunks) and
 *   then decoded together: the batch estimate, reached through the same steps.
 * - A step's cost is the roofline cost of its decode tokens and prefill tokens together (weights
 *   read once per step), at prefill's efficiencies when prefill tokens outnumber decode tokens.
 * - KV cache: blocks of 16 tokens (vLLM's default block size); a sequence reserves blocks for its
 *   whole prompt + output, so maxConcurrency is a floor. The prefix cache shares the cached part
 *   of each prompt's computation, not (conservatively) its memory.
 * - A request arriving while the others run waits for the step in progress to end (steps are not
 *   preempted): TTFT and e2e carry the mean remainder of a step hit at a random moment.
 * - A request rate is turned into a concurrency by Little's law: concurrency = rate x e2e latency.
 * - Disaggregated (a prefill pool of its own): the estimate's GPUs only decode; the pool serves the
 *   rate they complete as prompts with one output token, and each prompt's KV cache crosses the
 *   network (the smaller side's GPUs each sending their share). SIMULTANEOUS arrivals ignore it.
 */
import { type BatchLimit, maxBatchSize } from './memory.js';
import { analyzeModel, distinctExpertsTouched, kvCacheBytes, type ModelAnalysis } from './model.js';
import type { ResolvedRequest } from './resolve.js';
import type { Bound, GroupStep, Step } from './roofline.js';
import { sequencesPerRank } from './sharding.js';
import { attendedTokensInSpan, decodeCost, meanDecodeContext, type PhaseCost, stepCost } from './timing.js';

/** What serving needs of an estimate (estimate.ts's Estimate is one). */
export interface Servable {
  readonly request: ResolvedRequest;
  readonly analysis: ModelAnalysis;
  maxBatchSize(contextTokens: number): BatchLimit;
}
type Estimate = Servable;

/** Tokens per KV cache block (vLLM's default block size; TensorRT-LLM's default is 32, SGLang pages by 1). */
export const KV_BLOCK_TOKENS = 16;

export type ServingArrivals = 'STAGGERED' | 'SIMULTANEOUS';
export type ServingLimit = 'COMPUTE' | 'MEMORY_BANDWIDTH' | 'KV_CAPACITY' | 'INTERCONNECT' | 'LATENCY';

export interface ServingPoint {
  /** Sequences in flight across the estimate (mean, when derived from a request rate). */
  concurrency: number;
  requestsPerSecond: number;
  timeToFirstTokenSeconds: number;
  timePerOutputTokenSeconds: number;
  e2eSeconds: number;
  outputTokensPerSecond: number;
  outputTokensPerSecondPerGpu: number;
  outputTokensPerSecondPerUser: number;
  /** concurrency / maxConcurrency. */
  kvCacheUtilization: number;
  limitedBy: ServingLimit;
  /** False when a requested rate exceeds what maxConcurrency sequences carry: the point shown is at maxConcurrency. */
  sustainable: boolean;
}

const LIMIT_OF_BOUND: Record<Bound, ServingLimit> = {
  COMPUTE: 'COMPUTE',
  MEMORY: 'MEMORY_BANDWIDTH',
  INTERCONNECT: 'INTERCONNECT',
  OVERHEAD: 'LATENCY',
};

/** Tokens a sequence reserves in the paged cache: its prompt + output rounded up to whole blocks. */
export function reservedTokens(inputTokens: number, outputTokens: number): number {
  return Math.ceil((inputTokens + outputTokens) / KV_BLOCK_TOKENS) * KV_BLOCK_TOKENS;
}

/** Sequences of the estimate's prompt + output (in whole KV blocks) its memory holds at once, across its ranks. */
export function maxConcurrency(e: Estimate): number {
  const r = e.request;
  const tokens = reservedTokens(r.inputTokens, r.outputTokens);
  return e.maxBatchSize(Math.min(tokens, e.analysis.model.contextWindow)).batchSize;
}

/** Per-sequence quantities of the workload that every step shares. */
interface Workload {
  analysis: ModelAnalysis;
  r: ResolvedRequest;
  /** Prompt tokens computed per sequence (not in the prefix cache). */
  computed: number;
  /** Decode steps per sequence after its first token. */
  decodeSteps: number;
  /** Positions each decoding sequence adds per step (draft tokens + 1 with speculative decoding). */
  tokensPerDecode: number;
  /** Output tokens per decode step. */
  accepted: number;
  /** Mean context of a decode step, per layer group. */
  decodeContexts: number[];
  /** Mean attention pairs per computed prompt token, per layer group. */
  prefillPairsPerToken: number[];
  /** Prefill chunks per prompt when a prompt has the whole budget. */
  chunks: number;
  /** Seconds the draft model's proposals take per step for `sequences` decoding sequences; null without a draft. */
  draftSecondsPerStep: ((sequences: number) => number) | null;
}

function workload(e: Estimate): Workload {
  const { analysis } = e;
  const r = e.request;
  const computed = r.inputTokens - r.cachedPromptTokens;
  const accepted = r.speculative?.acceptedTokensPerStep ?? 1;
  const generated = Math.max(r.outputTokens - 1, 1);
  const decodeContexts = meanDecodeContext(analysis, r.inputTokens, generated);
  const spec = r.speculative;
  let draft: Workload['draftSecondsPerStep'] = null;
  if (spec?.draft) {
    const draftR = spec.draft;
    const draftAnalysis = analyzeModel(draftR.model);
    const contexts = draftAnalysis.groups.map(() => Math.max(...decodeContexts));
    draft = (sequences) => spec.draftTokens * decodeCost(draftAnalysis, draftR, sequences, contexts).seconds;
  }
  return {
    analysis,
    r,
    computed,
    decodeSteps: Math.ceil((r.outputTokens - 1) / accepted),
    tokensPerDecode: spec ? spec.draftTokens + 1 : 1,
    accepted,
    decodeContexts,
    prefillPairsPerToken: analysis.groups.map(
      (g) => attendedTokensInSpan(r.cachedPromptTokens, computed, g.group.attention.span) / computed,
    ),
    chunks: Math.max(1, Math.ceil(computed / r.memory.maxBatchedTokens)),
    draftSecondsPerStep: draft,
  };
}

/**
 * One step of a rank: `decoding` sequences adding `perDecode` positions each, and `prefill` prompt
 * tokens of prompts computed in `chunks` chunks (as prefillCost builds its chunks).
 */
function mixedStep(w: Workload, decoding: number, prefill: number, chunks: number): Step {
  const { analysis, r } = w;
  const decodeTokens = decoding * w.tokensPerDecode;
  const tokens = decodeTokens + prefill;
  // A chunk reads (chunks + 1) / 2 chunks of its prompt's keys on average, and the cached prefix.
  const prefillKvPerToken = (chunks + 1) / 2 + r.cachedPromptTokens / w.computed;
  const groups = analysis.groups.map(
    (g, gi): GroupStep => ({
      attentionPairs:
        decodeTokens * (w.decodeContexts[gi] as number) + prefill * (w.prefillPairsPerToken[gi] as number),
      kvTokensRead: decoding * (w.decodeContexts[gi] as number) + prefill * prefillKvPerToken,
      distinctExperts: distinctExpertsTouched(
        g.experts,
        g.expertsPerToken,
        tokens * r.sharding.expertTokenScale,
      ),
    }),
  );
  return {
    tokens,
    // Logits: every verified decode position, and the last position of each prompt finishing.
    sequences: decodeTokens + prefill / w.computed,
    groups,
    mlaForm: prefill > decodeTokens ? 'EXPANDED' : 'ABSORBED',
    decodePart: {
      tokens: decodeTokens,
      groups: analysis.groups.map((_, gi) => ({
        attentionPairs: decodeTokens * (w.decodeContexts[gi] as number),
        kvTokensRead: decoding * (w.decodeContexts[gi] as number),
      })),
    },
  };
}

/** One engine step of a rank (a round of micro-batches under pipeline parallelism), with its fixed overhead and any draft work. */
function stepSeconds(w: Workload, decoding: number, prefill: number, chunks: number): PhaseCost {
  const { analysis, r } = w;
  const prefillDominates = prefill > decoding * w.tokensPerDecode;
  // Under pipeline parallelism the decoding sequences run as up to `pipeline` micro-batches; a step
  // carrying a prefill chunk crosses the stages as one (conservative: its decodes wait for the chunk).
  const microBatches =
    prefill > 0 ? 1 : Math.max(1, Math.min(r.sharding.parallelism.pipeline, Math.floor(decoding)));
  const cost = stepCost(
    analysis,
    r,
    mixedStep(w, decoding / microBatches, prefill / microBatches, chunks),
    prefillDominates ? 'PREFILL' : 'DECODE',
    r.tuning.perStepOverheadSeconds,
    microBatches,
    'ROUND',
  );
  if (w.draftSecondsPerStep === null || decoding === 0) return cost;
  return { ...cost, seconds: cost.seconds + w.draftSecondsPerStep(decoding) };
}

/** The cycle of one sequence's lifetime on a rank holding `perRank` sequences. */
function cycle(w: Workload, perRank: number, arrivals: ServingArrivals) {
  const M = w.r.memory.maxBatchedTokens;
  const S = w.decodeSteps;
  if (arrivals === 'SIMULTANEOUS') {
    // All prompts first, in chunks of the budget, then every sequence decodes in every step.
    // The chunks pipeline through the stages one after another (fill and drain): their mean time is a step.
    const chunks = Math.max(1, Math.ceil((perRank * w.computed) / M));
    const all = stepCost(
      w.analysis,
      w.r,
      mixedStep(w, 0, (perRank * w.computed) / chunks, chunks),
      'PREFILL',
      chunks * w.r.tuning.perStepOverheadSeconds,
      chunks,
      'FILL_AND_DRAIN',
    );
    const prefill = { ...all, seconds: all.seconds / chunks };
    const decode = stepSeconds(w, perRank, 0, chunks);
    return { K: chunks + S, prefillSteps: chunks, ownPrefillSteps: chunks, prefill, decode };
  }
  const x = w.chunks;
  let K = x + S;
  let prefillSteps = Math.min(K, perRank * x);
  let ownPrefillSteps = x;
  const work = perRank * (w.computed + S * w.tokensPerDecode);
  if (work > K * M) {
    // The budget binds: every step is full, and a sequence waits its turn for prefill.
    K = work / M;
    prefillSteps = K;
    ownPrefillSteps = K - S;
  }
  const decodingInPrefillSteps = Math.max((perRank * S - (K - prefillSteps) * perRank) / prefillSteps, 0);
  const prefill = stepSeconds(w, decodingInPrefillSteps, (perRank * w.computed) / prefillSteps, x);
  const decode = stepSeconds(w, perRank, 0, x);
  return { K, prefillSteps, ownPrefillSteps, prefill, decode };
}

type Cycle = ReturnType<typeof cycle>;

/**
 * Mean wait of a request that arrives at a random moment for the step in progress to end: engines do
 * not preempt a step, so a new prompt joins the next one. A step is hit in proportion to its length,
 * so the mean remainder is sum(S^2) / (2 sum(S)) over the cycle's prefill-carrying and decode steps.
 * The other sequences keep the engine busy only in proportion (n - 1) / n: a sequence alone on its
 * rank arrives to an idle engine.
 */
function stepInProgressSeconds(c: Cycle, perRank: number): number {
  if (perRank <= 1) return 0;
  const p = c.prefill.seconds;
  const d = c.decode.seconds;
  const decodeSteps = c.K - c.prefillSteps;
  const busy = c.prefillSteps * p + decodeSteps * d;
  const residual = (c.prefillSteps * p * p + decodeSteps * d * d) / (2 * busy);
  return ((perRank - 1) / perRank) * residual;
}

const workloads = new WeakMap<Estimate, Workload>();
const prefillPools = new WeakMap<Estimate, Servable>();

/** The prefill pool of a disaggregated estimate as an estimate of its own (prompts with one output token). */
function prefillPoolOf(e: Estimate, pool: ResolvedRequest): Servable {
  let servable = prefillPools.get(e);
  if (servable === undefined) {
    const analysis = e.analysis;
    servable = {
      request: pool,
      analysis,
      maxBatchSize: (contextTokens: number) => maxBatchSize(analysis, pool, contextTokens),
    };
    prefillPools.set(e, servable);
  }
  return servable;
}

/**
 * Seconds to send one sequence's prompt KV cache (every layer) from the prefill pool to the decode
 * GPUs: over the network, each of the smaller side's tensor x pipeline GPUs sending its share.
 */
export function kvTransferSeconds(e: Estimate, pool: ResolvedRequest): number {
  const r = e.request;
  const bytes = kvCacheBytes(e.analysis, r.kvCacheFormat, r.inputTokens);
  const lanes = (p: ResolvedRequest) => p.sharding.parallelism.tensor * p.sharding.parallelism.pipeline;
  return bytes / (Math.min(lanes(r), lanes(pool)) * r.sharding.networkBytesPerSecond);
}

/**
 * Disaggregated serving at `concurrency` sequences decoding: the decode GPUs run decode steps only,
 * completing concurrency / (decode steps x step) requests per second; the prefill pool serves that
 * rate as an estimate of prompts with one output token (its own steady state), and the KV cache
 * crosses the network before the first token can be followed by a second.
 */
function disaggregatedPoint(
  e: Estimate,
  w: Workload,
  pool: ResolvedRequest,
  concurrency: number,
  perRank: number,
  capacity: number,
): ServingPoint {
  const r = e.request;
  const decode = stepSeconds(w, perRank, 0, w.chunks);
  const decodeSeconds = Math.max(w.decodeSteps, 1) * decode.seconds;
  const requestsPerSecond = concurrency / decodeSeconds;
  const prefillPool = prefillPoolOf(e, pool);
  const prefill = servingAtRate(prefillPool, requestsPerSecond, maxConcurrency(prefillPool));
  const ttft = prefill.timeToFirstTokenSeconds + kvTransferSeconds(e, pool);
  const tpot = decode.seconds / w.accepted;
  const outputTokensPerSecond = requestsPerSecond * r.outputTokens;
  return {
    concurrency,
    requestsPerSecond,
    timeToFirstTokenSeconds: ttft,
    timePerOutputTokenSeconds: tpot,
    e2eSeconds: ttft + (r.outputTokens - 1) * tpot,
    outputTokensPerSecond,
    outputTokensPerSecondPerGpu: outputTokensPerSecond / (r.gpuCount + pool.gpuCount),
    outputTokensPerSecondPerUser: 1 / tpot,
    kvCacheUtilization: capacity > 0 ? concurrency / capacity : 1,
    limitedBy:
      concurrency >= capacity
        ? 'KV_CAPACITY'
        : !prefill.sustainable
          ? 'COMPUTE'
          : LIMIT_OF_BOUND[decode.bound],
    sustainable: prefill.sustainable && concurrency <= capacity,
  };
}

/** The serving point at `concurrency` sequences in flight across the estimate. */
export function servingAtConcurrency(
  e: Estimate,
  concurrency: number,
  capacity: number,
  arrivals: ServingArrivals = 'STAGGERED',
): ServingPoint {
  let w = workloads.get(e);
  if (w === undefined) {
    w = workload(e);
    workloads.set(e, w);
  }
  const r = e.request;
  // Latency of the most loaded rank; under a light rate (under one sequence per rank) a request runs alone.
  const perRank =
    arrivals === 'SIMULTANEOUS' || Number.isInteger(concurrency)
      ? sequencesPerRank(concurrency, r.sharding)
      : Math.max(concurrency / r.sharding.parallelism.data, 1);
  if (r.prefillPool !== null && arrivals === 'STAGGERED') {
    return disaggregatedPoint(e, w, r.prefillPool, concurrency, perRank, capacity);
  }
  const c = cycle(w, perRank, arrivals);
  const t = r.tuning;
  const prefillTime = c.prefillSteps * c.prefill.seconds;
  const decodeTime = (c.K - c.prefillSteps) * c.decode.seconds;
  // A sequence's first step pays the per-request overhead instead of a step's.
  const firstStep = t.perRequestOverheadSeconds - t.perStepOverheadSeconds;
  const wait = arrivals === 'STAGGERED' ? stepInProgressSeconds(c, perRank) : 0;
  const e2e = wait + prefillTime + decodeTime + firstStep;
  const ttft = wait + c.ownPrefillSteps * c.prefill.seconds + firstStep;
  const tpot = r.outputTokens > 1 ? (e2e - ttft) / (r.outputTokens - 1) : c.decode.seconds / w.accepted;
  const requestsPerSecond = concurrency / e2e;
  const outputTokensPerSecond = requestsPerSecond * r.outputTokens;
  const budgetBinds = arrivals === 'STAGGERED' && c.ownPrefillSteps > w.chunks;
  const slowest = prefillTime >= decodeTime ? c.prefill : c.decode;
  return {
    concurrency,
    requestsPerSecond,
    timeToFirstTokenSeconds: ttft,
    timePerOutputTokenSeconds: tpot,
    e2eSeconds: e2e,
    outputTokensPerSecond,
    outputTokensPerSecondPerGpu: outputTokensPerSecond / r.gpuCount,
    outputTokensPerSecondPerUser: 1 / tpot,
    kvCacheUtilization: capacity > 0 ? concurrency / capacity : 1,
    limitedBy:
      concurrency >= capacity ? 'KV_CAPACITY' : budgetBinds ? 'COMPUTE' : LIMIT_OF_BOUND[slowest.bound],
    sustainable: concurrency <= capacity,
  };
}

/** Bisection steps of servingAtRate: the concurrency to 2^-30 of maxConcurrency. */
export const RATE_BISECTIONS = 30;

/**
 * The steady state carrying `requestsPerSecond` across the estimate: the concurrency at which
 * concurrency / e2e latency equals the rate (Little's law), found by bisection (the rate a
 * concurrency carries rises with it). A rate above what maxConcurrency carries is not sustainable.
 */
export function servingAtRate(e: Estimate, requestsPerSecond: number, capacity: number): ServingPoint {
  const top = servingAtConcurrency(e, capacity, capacity);
  if (top.requestsPerSecond < requestsPerSecond) return { ...top, sustainable: false };
  let lo = 0;
  let hi = capacity;
  for (let i = 0; i < RATE_BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (servingAtConcurrency(e, mid, capacity).requestsPerSecond < requestsPerSecond) lo = mid;
    else hi = mid;
  }
  return servingAtConcurrency(e, hi, capacity);
}

/** `points` concurrencies from 1 to maxConcurrency, spaced evenly in log scale, whole and distinct. */
export function curveConcurrencies(capacity: number, points: number): number[] {
  if (capacity < 1) return [];
  const out = new Set<number>([1]);
  for (let i = 1; i < points; i++) out.add(Math.round(capacity ** (i / (points - 1))));
  out.add(capacity);
  return [...out].sort((a, b) => a - b);
}

export function servingCurve(e: Estimate, points: number, capacity = maxConcurrency(e)): ServingPoint[] {
  return curveConcurrencies(capacity, points).map((c) => servingAtConcurrency(e, c, capacity));
}
