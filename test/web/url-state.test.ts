import { describe, expect, it } from 'vitest';
import { type AppState, DEFAULT_STATE, parseState, serializeState } from '../../web/src/lib/url-state.js';

describe('the query string holds the whole state', () => {
  it('is empty at the defaults, and parsing nothing gives the defaults', () => {
    expect(serializeState({ ...DEFAULT_STATE })).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('writes only what differs from the defaults, view first, lists comma-separated', () => {
    const state: AppState = {
      ...DEFAULT_STATE,
      view: 'compare',
      gpus: ['l4', 'a10'],
      weightFormats: ['FP16', 'INT4'],
      batchSize: 8,
      sort: 'throughput',
      sortDescending: true,
    };
    expect(serializeState(state)).toBe(
      '?view=compare&gpus=l4,a10&weightFormats=FP16,INT4&batchSize=8&sort=-throughput',
    );
  });

  it('reads back every field it writes (a link reproduces the view)', () => {
    const state: AppState = {
      view: 'roofline',
      modelSource: 'config',
      model: 'mixtral-8x7b',
      config: '00c0ffee',
      gpu: 'a100-sxm4-80gb',
      gpuCount: 2,
      pipeline: 2,
      data: 4,
      weightFormat: 'INT8',
      kvCacheFormat: 'FP8',
      inputTokens: 32_000,
      outputTokens: 1,
      batchSize: 64,
      prefixCachePercent: 62.5,
      servingRequestsPerSecond: 0.75,
      gpus: [],
      weightFormats: ['INT4'],
      sort: 'gpu',
      sortDescending: false,
      setups: [
        {
          model: 'llama-3.1-70b',
          gpu: 'h200-sxm-141gb',
          tensor: 8,
          pipeline: 1,
          data: 2,
          expert: 4,
          weightFormat: 'FP8',
          kvCacheFormat: 'FP8',
        },
        {
          model: '',
          gpu: 'l4',
          tensor: 1,
          pipeline: 2,
          data: 1,
          expert: 1,
          weightFormat: 'INT4',
          kvCacheFormat: 'FP16',
        },
      ],
      maxTtftMs: 0,
      maxTpotMs: 25,
      requestsPerSecond: 2.5,
      maxGpus: 16,
      objective: 'THROUGHPUT_PER_GPU',
      planGpus: ['h100-sxm5-80gb'],
      planWeightFormats: ['FP8', 'INT4'],
    };
    expect(parseState(serializeState(state))).toEqual(state);
  });

  it('writes the prefix-cache percent only off its default 0, and keeps 100 (the API refuses it beside the field)', () => {
    expect(serializeState({ ...DEFAULT_STATE, prefixCachePercent: 0 })).toBe('');
    expect(serializeState({ ...DEFAULT_STATE, prefixCachePercent: 12.5 })).toBe('?prefixCachePercent=12.5');
    expect(parseState('?prefixCachePercent=100').prefixCachePercent).toBe(100);
    expect(parseState('?prefixCachePercent=half').prefixCachePercent).toBe(0);
    expect(serializeState({ ...DEFAULT_STATE, servingRequestsPerSecond: 4 })).toBe(
      '?servingRequestsPerSecond=4',
    );
  });

  it('writes a setup as gpu:tensor:weights:kv:pipeline:data:expert, leaving out trailing defaults', () => {
    const setup = {
      model: '',
      gpu: 'l4',
      tensor: 2,
      pipeline: 1,
      data: 1,
      expert: 1,
      weightFormat: 'INT8' as const,
      kvCacheFormat: 'FP16' as const,
    };
    expect(serializeState({ ...DEFAULT_STATE, setups: [setup] })).toBe('?setups=l4:2:INT8');
    // A data degree keeps the fields before it, even at their defaults.
    expect(serializeState({ ...DEFAULT_STATE, setups: [{ ...setup, data: 2 }] })).toBe(
      '?setups=l4:2:INT8:FP16:1:2',
    );
    expect(serializeState({ ...DEFAULT_STATE, setups: [{ ...setup, expert: 8 }] })).toBe(
      '?setups=l4:2:INT8:FP16:1:1:8',
    );
    // A model of its own comes last, after every other field.
    expect(serializeState({ ...DEFAULT_STATE, setups: [{ ...setup, model: 'mistral-7b' }] })).toBe(
      '?setups=l4:2:INT8:FP16:1:1:1:mistral-7b',
    );
  });

  it('reads a setup with fields left out at their defaults, and drops malformed ones', () => {
    expect(
      parseState('?setups=l4,a10::x,:2:FP8,h100:2:FP8:bogus,h100:two,l4:1:FP8:FP8:1:1:1:a<b').setups,
    ).toEqual([
      {
        model: '',
        gpu: 'l4',
        tensor: 1,
        pipeline: 1,
        data: 1,
        expert: 1,
        weightFormat: 'FP16',
        kvCacheFormat: 'FP16',
      },
    ]);
    // An older link's gpu:count:format is the same deployment: count tensor-parallel GPUs.
    expect(parseState('?setups=h100-sxm5-80gb:4:fp8:fp8:1:2').setups).toEqual([
      {
        model: '',
        gpu: 'h100-sxm5-80gb',
        tensor: 4,
        pipeline: 1,
        data: 2,
        expert: 1,
        weightFormat: 'FP8',
        kvCacheFormat: 'FP8',
      },
    ]);
  });

  it('keeps an empty GPU list (the empty state) apart from the default list', () => {
    const empty = serializeState({ ...DEFAULT_STATE, gpus: [] });
    expect(empty).toBe('?gpus=');
    expect(parseState(empty).gpus).toEqual([]);
  });

  it('falls back to the defaults for unknown views, formats and malformed numbers', () => {
    const state = parseState(
      '?view=nope&weightFormat=FP7&inputTokens=12abc&sort=cost&weightFormats=int4,bogus,INT4',
    );
    expect(state.view).toBe(DEFAULT_STATE.view);
    expect(state.weightFormat).toBe(DEFAULT_STATE.weightFormat);
    expect(state.inputTokens).toBe(DEFAULT_STATE.inputTokens);
    expect(state.sort).toBe(DEFAULT_STATE.sort);
    // Case-insensitive, unknown entries dropped, duplicates once.
    expect(state.weightFormats).toEqual(['INT4']);
  });

  it('keeps whole numbers the API will refuse, so its error shows next to the input', () => {
    expect(parseState('?inputTokens=0&batchSize=-3').inputTokens).toBe(0);
    expect(parseState('?inputTokens=0&batchSize=-3').batchSize).toBe(-3);
  });

  it('does not let the caller mutate the defaults through a parsed state', () => {
    const state = parseState('');
    state.gpus.push('l4');
    expect(DEFAULT_STATE.gpus).not.toContain('l4');
  });
});
