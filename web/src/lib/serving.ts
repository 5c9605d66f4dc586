/**
 * The Serving view's logic: one EstimateInput per setup (shared model and workload), which form input
 * shows each API error, the latency limits as checks on a serving point, the best point within them,
 * and the setups' labels.
 */
import type { ServingCurveQueryVariables } from '../gql/graphql.js';
import type { JsonObject } from './config-store.js';
import { assignErrors, type FieldError, inputNameOf } from './errors.js';
import { type Layout, layoutLabel } from './plan.js';
import { modelOf } from './requests.js';
import type { AppState } from './url-state.js';

export { newSetup } from './url-state.js';

/** Points of each serving curve the view asks for (the API's default). */
export const CURVE_POINTS = 16;

/**
 * One request per setup, each its own catalog model or else the view's, and the shared workload, on
 * that setup's GPUs (gpuCount left out: the API takes tensor x pipeline x data); null while there is
 * nothing to ask (no setup, or a setup without a model of its own while the view's is missing).
 */
export function servingVariables(
  state: AppState,
  modelConfig: JsonObject | undefined,
): ServingCurveQueryVariables[] | null {
  const shared = modelOf(state, modelConfig);
  const models = state.setups.map((setup) => (setup.model === '' ? shared : { model: setup.model }));
  if (state.setups.length === 0 || models.some((model) => model === null)) return null;
  const atRate = state.servingRequestsPerSecond > 0;
  return state.setups.map((setup, i) => ({
    points: CURVE_POINTS,
    atRate,
    ...(atRate ? { requestsPerSecond: state.servingRequestsPerSecond } : {}),
    input: {
      ...models[i],
      gpu: setup.gpu,
      parallelism: {
        tensor: setup.tensor,
        pipeline: setup.pipeline,
        data: setup.data,
        expert: setup.expert,
      },
      weightFormat: setup.weightFormat,
      kvCacheFormat: setup.kvCacheFormat,
      inputTokens: state.inputTokens,
      outputTokens: state.outputTokens,
      prefixCacheHitRate: state.prefixCachePercent / 100,
    },
  }));
}

/** API inputs every setup shares: their errors show once, beside the shared input. */
export const SHARED_INPUTS: Record<string, string> = {
  model: 'model',
  modelConfig: 'modelConfig',
  inputTokens: 'inputTokens',
  outputTokens: 'outputTokens',
  prefixCacheHitRate: 'prefixCachePercent',
  servingRequestsPerSecond: 'servingRequestsPerSecond',
};

/** The API names the target rate's errors by the serving point's argument; the form's field is the shared rate. */
function rateAsInput(error: FieldError): FieldError {
  return error.field === 'serving.requestsPerSecond'
    ? { ...error, field: 'input.servingRequestsPerSecond' }
    : error;
}

/** API inputs of one setup: their errors show beside that setup's input (and `model` too, for a setup with its own). */
export const SETUP_INPUTS: Record<string, string> = {
  gpu: 'gpu',
  parallelism: 'parallelism',
  weightFormat: 'weightFormat',
  kvCacheFormat: 'kvCacheFormat',
};

/** The latency limits in seconds; null: no limit (the state's 0). */
export interface Limits {
  ttftSeconds: number | null;
  tpotSeconds: number | null;
}

export function limitsOf(state: Pick<AppState, 'maxTtftMs' | 'maxTpotMs'>): Limits {
  return {
    ttftSeconds: state.maxTtftMs > 0 ? state.maxTtftMs / 1000 : null,
    tpotSeconds: state.maxTpotMs > 0 ? state.maxTpotMs / 1000 : null,
  };
}

/**
 * The TPOT limit on the chart's x axis: a user who waits at most t seconds per token sees at least
 * 1/t tokens per second (outputTokensPerSecondPerUser is 1 / timePerOutputTokenSeconds), so the
 * points left of 1/t miss it. Null without a limit.
 */
export function tpotLimitTokensPerSecond(limits: Limits): number | null {
  return limits.tpotSeconds === null ? null : 1 / limits.tpotSeconds;
}

export interface LatencyPoint {
  timeToFirstTokenSeconds: number;
  timePerOutputTokenSeconds: number;
}

/** Which limits a point meets (a missing limit is always met). */
export function meetsLimits(point: LatencyPoint, limits: Limits): { ttft: boolean; tpot: boolean } {
  return {
    ttft: limits.ttftSeconds === null || point.timeToFirstTokenSeconds <= limits.ttftSeconds,
    tpot: limits.tpotSeconds === null || point.timePerOutputTokenSeconds <= limits.tpotSeconds,
  };
}

/** The point with the most tokens/s per GPU among those meeting both limits; null when none does. */
export function bestWithinLimits<T extends LatencyPoint & { outputTokensPerSecondPerGpu: number }>(
  curve: readonly T[],
  limits: Limits,
): T | null {
  let best: T | null = null;
  for (const point of curve) {
    const meets = meetsLimits(point, limits);
    if (!meets.ttft || !meets.tpot) continue;
    if (best === null || point.outputTokensPerSecondPerGpu > best.outputTokensPerSecondPerGpu) best = point;
  }
  return best;
}

/** What names a setup: as the API answered it (so a label never mixes an old answer with new inputs). */
export interface SetupName {
  modelName: string;
  gpuName: string;
  parallelism: Layout;
  weightFormat: string;
  kvCacheFormat: string;
}

/**
 * 'H100 SXM5 80GB · TP2 × DP2 · FP8' (with ', KV FP8' when the KV cache is not FP16, and the model's
 * name first when the setups serve more than one model); a label that repeats an earlier one gets
 * ' (2)', ' (3)', ... so every line and row has its own name.
 */
export function setupLabels(names: readonly SetupName[]): string[] {
  const seen = new Map<string, number>();
  const severalModels = new Set(names.map((name) => name.modelName)).size > 1;
  return names.map((name) => {
    const kv = name.kvCacheFormat === 'FP16' ? '' : `, KV ${name.kvCacheFormat}`;
    const model = severalModels ? `${name.modelName} · ` : '';
    const label = `${model}${name.gpuName} · ${layoutLabel(name.parallelism)} · ${name.weightFormat}${kv}`;
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/**
 * Splits each setup's API errors between the setup's own inputs, the shared ones (each message once,
 * however many setups it came back for) and the rest (general, prefixed with the setup they came from).
 */
export function servingErrors(
  errorsPerSetup: readonly (readonly FieldError[])[],
  ownModel: readonly boolean[] = [],
): {
  shared: Record<string, string[]>;
  perSetup: Record<string, string[]>[];
  general: string[];
} {
  const shared: Record<string, string[]> = {};
  const general: string[] = [];
  const perSetup = errorsPerSetup.map((answered, i) => {
    const errors = answered.map(rateAsInput);
    const inputs = ownModel[i] ? { ...SETUP_INPUTS, model: 'model' } : SETUP_INPUTS;
    const own = assignErrors(errors, inputs);
    const common = assignErrors(
      errors.filter((error) => inputs[inputNameOf(error.field) ?? ''] === undefined),
      SHARED_INPUTS,
    );
    for (const [input, messages] of Object.entries(common.byInput))
      shared[input] = [...new Set([...(shared[input] ?? []), ...messages])];
    for (const message of common.general) general.push(`Setup ${i + 1}: ${message}`);
    return own.byInput;
  });
  return { shared, perSetup, general };
}

/**
 * Which points of one curve get their users written beside them: walking the curve, a point is
 * labelled when it lies at least `minGap` (a share of the plot's width or height; x on a log axis)
 * from the last labelled one, so labels do not pile up where the points crowd. The first and the
 * last point (one user, the most users) are always labelled; the last one takes the place of a
 * labelled point too close to it.
 */
export function spacedLabels(
  points: readonly { x: number; y: number }[],
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  minGap = 0.05,
): boolean[] {
  const logSpan = Math.log(xDomain[1] / xDomain[0]) || 1;
  const ySpan = yDomain[1] - yDomain[0] || 1;
  const at = (p: { x: number; y: number }) => [
    Math.log(p.x / xDomain[0]) / logSpan,
    (p.y - yDomain[0]) / ySpan,
  ];
  const far = (a: { x: number; y: number }, b: { x: number; y: number }) => {
    const [ax, ay] = at(a);
    const [bx, by] = at(b);
    return Math.hypot(ax - bx, ay - by) >= minGap;
  };
  const labelled = points.map(() => false);
  let last = -1;
  points.forEach((point, i) => {
    if (last === -1 || far(point, points[last])) {
      labelled[i] = true;
      last = i;
    }
  });
  const end = points.length - 1;
  if (end > 0 && !labelled[end]) {
    if (last > 0) labelled[last] = false;
    labelled[end] = true;
  }
  return labelled;
}
