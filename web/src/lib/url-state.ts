/**
 * The whole app state lives in the query string, so a link reproduces the view. Values equal to the
 * defaults are left out of the URL; unknown or malformed values fall back to the defaults. Numbers
 * out of the API's range are kept, so that the API's error for them shows next to their input.
 */
import type { NumberFormat } from '../gql/graphql.js';

export const VIEWS = ['fit', 'compare', 'roofline', 'serving', 'plan'] as const;
export type View = (typeof VIEWS)[number];

/** Every NumberFormat, in the schema's order (the Record makes tsc name any the schema adds). */
const FORMAT_ORDER: Record<NumberFormat, number> = {
  FP32: 0,
  TF32: 1,
  BF16: 2,
  FP16: 3,
  FP8: 4,
  INT8: 5,
  INT4: 6,
  NVFP4: 7,
  MXFP4: 8,
  NATIVE: 9, // weights only: the checkpoint's own formats
};
export const FORMATS = Object.keys(FORMAT_ORDER) as NumberFormat[];

export const OBJECTIVES = ['COST', 'GPU_COUNT', 'THROUGHPUT_PER_GPU', 'LATENCY'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/**
 * One deployment on the Serving view: a GPU type, how the model is split over its GPUs (tensor x
 * pipeline x data GPUs; expert ranks for MoE models), the weights' and the KV cache's formats.
 */
export interface Setup {
  /** A catalog model id or alias for this setup alone; '' for the view's model (catalog or pasted). */
  model: string;
  gpu: string;
  tensor: number;
  pipeline: number;
  data: number;
  expert: number;
  weightFormat: NumberFormat;
  kvCacheFormat: NumberFormat;
}

/** A setup's fields after the GPU, in their URL order, and the defaults trailing ones may be left out at. */
const SETUP_DEFAULTS = {
  tensor: 1,
  weightFormat: 'FP16',
  kvCacheFormat: 'FP16',
  pipeline: 1,
  data: 1,
  expert: 1,
  model: '',
} as const;

/** Where the model comes from: the catalog (by id), or a config.json pasted into this browser. */
export const MODEL_SOURCES = ['catalog', 'config'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

export const SORT_KEYS = ['gpu', 'ttft', 'tpot', 'throughput', 'price'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface AppState {
  view: View;
  /** Every view's model: from the catalog (`model`, an id or alias) or a pasted config.json (`config`, its key in config-store.ts). */
  modelSource: ModelSource;
  model: string;
  config: string;
  /** Fit and Roofline: one GPU. */
  gpu: string;
  /** GPUs in one tensor-parallel group. */
  gpuCount: number;
  /** Fit: pipeline stages and data-parallel replicas of that group (1: none). */
  pipeline: number;
  data: number;
  weightFormat: NumberFormat;
  kvCacheFormat: NumberFormat;
  inputTokens: number;
  outputTokens: number;
  batchSize: number;
  /** Serving: the share of each prompt found in the prefix cache, percent (0: none; sent as prefixCacheHitRate = percent / 100). */
  prefixCachePercent: number;
  /** Serving: a target rate, requests per second across each setup, whose serving point the view shows (0: none). */
  servingRequestsPerSecond: number;
  /** Compare: the GPUs and weight formats side by side, and the table's order. */
  gpus: string[];
  weightFormats: NumberFormat[];
  sort: SortKey;
  sortDescending: boolean;
  /** Serving: the setups whose curves are drawn. */
  setups: Setup[];
  /** Serving and Plan: latency limits, milliseconds; 0 is no limit. */
  maxTtftMs: number;
  maxTpotMs: number;
  /** Plan: the load, the largest deployment, what to rank by, and the GPUs and formats searched (empty: the API's defaults). */
  requestsPerSecond: number;
  maxGpus: number;
  objective: Objective;
  planGpus: string[];
  planWeightFormats: NumberFormat[];
}

/** A setup with every parallel degree at 1 and FP16 throughout: what "Add a setup" starts from. */
export function newSetup(gpu: string): Setup {
  return {
    model: '',
    gpu,
    tensor: 1,
    pipeline: 1,
    data: 1,
    expert: 1,
    weightFormat: 'FP16',
    kvCacheFormat: 'FP16',
  };
}

export const DEFAULT_STATE: Readonly<AppState> = Object.freeze<AppState>({
  view: 'fit',
  modelSource: 'catalog',
  model: 'llama-3.1-8b',
  config: '',
  gpu: 'h100-sxm5-80gb',
  gpuCount: 1,
  pipeline: 1,
  data: 1,
  weightFormat: 'FP16',
  kvCacheFormat: 'FP16',
  inputTokens: 2048,
  outputTokens: 256,
  batchSize: 1,
  prefixCachePercent: 0,
  servingRequestsPerSecond: 0,
  gpus: ['a100-sxm4-80gb', 'h100-sxm5-80gb', 'h200-sxm-141gb', 'l40s', 'rtx-4090', 'mi300x'],
  weightFormats: ['FP16'],
  sort: 'tpot',
  sortDescending: false,
  setups: [
    newSetup('h100-sxm5-80gb'),
    newSetup('a100-sxm4-80gb'),
    { ...newSetup('l40s'), weightFormat: 'FP8', kvCacheFormat: 'FP8' },
  ],
  maxTtftMs: 2000,
  maxTpotMs: 50,
  requestsPerSecond: 10,
  maxGpus: 8,
  objective: 'COST',
  planGpus: [],
  planWeightFormats: [],
});

type Key = keyof AppState;
/** URL parameter order: the view first, then as a reader would name them. */
const KEYS: Key[] = [
  'view',
  'modelSource',
  'model',
  'config',
  'gpu',
  'gpus',
  'gpuCount',
  'pipeline',
  'data',
  'weightFormat',
  'weightFormats',
  'kvCacheFormat',
  'inputTokens',
  'outputTokens',
  'batchSize',
  'prefixCachePercent',
  'servingRequestsPerSecond',
  'sort',
  'setups',
  'maxTtftMs',
  'maxTpotMs',
  'requestsPerSecond',
  'maxGpus',
  'objective',
  'planGpus',
  'planWeightFormats',
];

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function parseInteger(text: string): number | undefined {
  return /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
}

function parseDecimal(text: string): number | undefined {
  return /^\d{1,12}(\.\d{1,6})?$/.test(text) ? Number(text) : undefined;
}

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseFormats(text: string): NumberFormat[] {
  const formats = parseList(text.toUpperCase()).filter((item) => isOneOf(FORMATS, item));
  return [...new Set(formats)];
}

/**
 * 'gpu:tensor:weightFormat:kvCacheFormat:pipeline:data:expert:model' -> a setup; trailing fields may
 * be left out (1, FP16, FP16, 1, 1, 1, the view's model), so 'h100-sxm5-80gb:2:FP8' is two
 * tensor-parallel H100s with FP8 weights serving the view's model.
 */
function parseSetup(text: string): Setup | undefined {
  const [gpu, ...rest] = text.split(':');
  const field = (i: number, fallback: string | number) =>
    rest[i] === undefined || rest[i] === '' ? String(fallback) : rest[i];
  const weightFormat = field(1, SETUP_DEFAULTS.weightFormat).toUpperCase();
  const kvCacheFormat = field(2, SETUP_DEFAULTS.kvCacheFormat).toUpperCase();
  const [tensor, pipeline, data, expert] = [0, 3, 4, 5].map((i) => parseInteger(field(i, 1)));
  const model = field(6, '');
  if (
    !gpu ||
    !/^[\w.\-/]*$/.test(model) ||
    tensor === undefined ||
    pipeline === undefined ||
    data === undefined ||
    expert === undefined ||
    !isOneOf(FORMATS, weightFormat) ||
    !isOneOf(FORMATS, kvCacheFormat)
  )
    return undefined;
  return { model, gpu, tensor, pipeline, data, expert, weightFormat, kvCacheFormat };
}

function setupText(setup: Setup): string {
  const fields = [
    setup.tensor,
    setup.weightFormat,
    setup.kvCacheFormat,
    setup.pipeline,
    setup.data,
    setup.expert,
    setup.model,
  ].map(String);
  const defaults = Object.values(SETUP_DEFAULTS).map(String);
  // Leave out the trailing fields at their defaults (the tensor degree and weight format always stay).
  let length = fields.length;
  while (length > 2 && fields[length - 1] === defaults[length - 1]) length--;
  return [setup.gpu, ...fields.slice(0, length)].join(':');
}

/** The state a query string describes (with or without the leading '?'). */
export function parseState(search: string): AppState {
  const params = new URLSearchParams(search);
  const state: AppState = {
    ...DEFAULT_STATE,
    gpus: [...DEFAULT_STATE.gpus],
    weightFormats: [...DEFAULT_STATE.weightFormats],
  };
  const text = (key: Key) => params.get(key);

  const view = text('view');
  if (view !== null && isOneOf(VIEWS, view)) state.view = view;
  const source = text('modelSource') ?? '';
  if (isOneOf(MODEL_SOURCES, source)) state.modelSource = source;
  const config = text('config') ?? '';
  if (/^[0-9a-f]{8}$/.test(config)) state.config = config;
  for (const key of ['model', 'gpu'] as const) {
    const value = text(key)?.trim();
    if (value) state[key] = value;
  }
  for (const key of [
    'gpuCount',
    'pipeline',
    'data',
    'inputTokens',
    'outputTokens',
    'batchSize',
    'maxTtftMs',
    'maxTpotMs',
    'maxGpus',
  ] as const) {
    const value = parseInteger(text(key) ?? '');
    if (value !== undefined) state[key] = value;
  }
  for (const key of ['weightFormat', 'kvCacheFormat'] as const) {
    const value = text(key)?.toUpperCase() ?? '';
    if (isOneOf(FORMATS, value)) state[key] = value;
  }
  const gpus = text('gpus');
  if (gpus !== null) state.gpus = [...new Set(parseList(gpus))];
  const weightFormats = text('weightFormats');
  if (weightFormats !== null) state.weightFormats = parseFormats(weightFormats);
  for (const key of ['requestsPerSecond', 'prefixCachePercent', 'servingRequestsPerSecond'] as const) {
    const value = parseDecimal(text(key) ?? '');
    if (value !== undefined) state[key] = value;
  }
  const objective = text('objective')?.toUpperCase() ?? '';
  if (isOneOf(OBJECTIVES, objective)) state.objective = objective;
  const setups = text('setups');
  if (setups !== null) state.setups = parseList(setups).flatMap((item) => parseSetup(item) ?? []);
  const planGpus = text('planGpus');
  if (planGpus !== null) state.planGpus = [...new Set(parseList(planGpus))];
  const planWeightFormats = text('planWeightFormats');
  if (planWeightFormats !== null) state.planWeightFormats = parseFormats(planWeightFormats);
  const sort = text('sort') ?? '';
  const sortKey = sort.replace(/^-/, '');
  if (isOneOf(SORT_KEYS, sortKey)) {
    state.sort = sortKey;
    state.sortDescending = sort.startsWith('-');
  }
  return state;
}

function valueText(state: AppState, key: Key): string {
  if (key === 'sort') return `${state.sortDescending ? '-' : ''}${state.sort}`;
  if (key === 'setups') return state.setups.map(setupText).join(',');
  const value = state[key];
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The query string for a state, '?'-prefixed, or '' when everything is at its default. */
export function serializeState(state: AppState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = valueText(state, key);
    if (value !== valueText(DEFAULT_STATE as AppState, key)) params.set(key, value);
  }
  const query = params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return query === '' ? '' : `?${query}`;
}
