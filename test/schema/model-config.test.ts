/**
 * config.json through the API: Query.modelFromConfig, EstimateInput.modelConfig and
 * CompareInput.modelConfigs, and their BAD_USER_INPUT errors.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG_MODEL_ENTRIES } from '../../src/core/catalog/configs/index.js';
import { QWEN2_7B } from '../core/hf-configs.js';
import { runOperation, testApp } from './support.js';

const app = testApp();

function configOf(id: string): Record<string, unknown> {
  const entry = CONFIG_MODEL_ENTRIES.find((e) => e.id === id);
  if (!entry) throw new Error(`no config entry ${id}`);
  return structuredClone(entry.config);
}

const MODEL_FROM_CONFIG = /* GraphQL */ `
  query ($config: JSONObject!, $mtp: Boolean) {
    modelFromConfig(config: $config, includeMtpLayers: $mtp) {
      id
      name
      family
      source
      layers
      hiddenSize
      headDim
      experts
      expertsPerToken
      contextWindow
    }
  }
`;

const ESTIMATE = /* GraphQL */ `
  query ($input: EstimateInput!) {
    estimate(input: $input) {
      model { id }
      fits
      memory { weightsBytes kvCacheBytes totalBytes }
      timeToFirstTokenSeconds
      timePerOutputTokenSeconds
    }
  }
`;

describe('Query.modelFromConfig', () => {
  it('reads a published config: gpt-oss-120b (36 layers, 128 experts, top-4, explicit head_dim 64)', async () => {
    const { data, errors } = await runOperation(app, MODEL_FROM_CONFIG, { config: configOf('gpt-oss-120b') });
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      modelFromConfig: {
        id: 'config:gpt_oss',
        name: 'gpt_oss',
        family: 'gpt-oss',
        source: 'config.json given in the request',
        layers: 36,
        hiddenSize: 2880,
        headDim: 64,
        experts: 128,
        expertsPerToken: 4,
        contextWindow: 131072,
      },
    });
  });

  it("names the model after the config's _name_or_path when it has one", async () => {
    const config = { ...configOf('deepseek-v3'), _name_or_path: 'deepseek-ai/DeepSeek-V3' };
    const { data } = await runOperation(app, MODEL_FROM_CONFIG, { config });
    expect(data).toMatchObject({
      modelFromConfig: { id: 'config:deepseek-ai/DeepSeek-V3', family: 'DeepSeek-V3', layers: 61 },
    });
    const withMtp = await runOperation(app, MODEL_FROM_CONFIG, { config, mtp: true });
    expect(withMtp.data).toMatchObject({ modelFromConfig: { layers: 62 } });
  });

  it('an unknown model_type is BAD_USER_INPUT naming the field and listing the supported types', async () => {
    const { errors } = await runOperation(app, MODEL_FROM_CONFIG, {
      config: { ...QWEN2_7B, model_type: 'falcon' },
    });
    expect(errors).toHaveLength(1);
    const error = errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.model_type' });
    expect(error?.extensions?.supportedModelTypes).toContain('deepseek_v3');
    expect(error?.message).toMatch(
      /^config\.model_type: is "falcon", which has no adapter; supported model types: llama, /,
    );
  });

  it('a missing field is named, with the supported types listed after the problem', async () => {
    const { num_hidden_layers: _, ...config } = QWEN2_7B;
    const { errors } = await runOperation(app, MODEL_FROM_CONFIG, { config });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'config.num_hidden_layers',
    });
    expect(errors?.[0]?.message).toContain(
      'is missing (number of decoder layers). Supported model types: llama',
    );
  });

  it('a config that is not an object is refused by the JSONObject scalar', async () => {
    const { errors } = await runOperation(app, MODEL_FROM_CONFIG, { config: [QWEN2_7B] });
    expect(errors?.[0]?.message).toMatch(/JSONObject/);
  });

  it('a 200-entry layer_types for a 36-layer model is BAD_USER_INPUT, not a crash', async () => {
    const config = configOf('gpt-oss-120b');
    config.layer_types = Array.from({ length: 200 }, () => 'sliding_attention');
    const { errors } = await runOperation(app, MODEL_FROM_CONFIG, { config });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.layer_types' });
  });

  it('a 1 MB config is refused by the body limit (413) before it is parsed', async () => {
    const config = { ...QWEN2_7B, padding: 'x'.repeat(1_000_000) };
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: MODEL_FROM_CONFIG, variables: { config } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('EstimateInput.modelConfig and CompareInput.modelConfigs', () => {
  const workload = { gpu: 'a100-sxm4-80gb', inputTokens: 1000, outputTokens: 200 };

  it("Qwen2-7B's config.json estimates exactly as the catalog's qwen2-7b", async () => {
    const fromConfig = await runOperation(app, ESTIMATE, { input: { ...workload, modelConfig: QWEN2_7B } });
    const fromCatalog = await runOperation(app, ESTIMATE, { input: { ...workload, model: 'qwen2-7b' } });
    expect(fromConfig.errors).toBeUndefined();
    const { model: configModel, ...configAnswer } = (fromConfig.data as { estimate: Record<string, unknown> })
      .estimate;
    const { model: catalogModel, ...catalogAnswer } = (
      fromCatalog.data as { estimate: Record<string, unknown> }
    ).estimate;
    expect(configModel).toEqual({ id: 'config:qwen2' });
    expect(catalogModel).toEqual({ id: 'qwen2-7b' });
    expect(configAnswer).toEqual(catalogAnswer);
  });

  it('model and modelConfig together are refused', async () => {
    const { errors } = await runOperation(app, ESTIMATE, {
      input: { ...workload, model: 'qwen2-7b', modelConfig: QWEN2_7B },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.model' });
    expect(errors?.[0]?.message).toContain('input.customModel or input.modelConfig');
  });

  it('a config error names its path inside the input', async () => {
    const { errors } = await runOperation(app, ESTIMATE, {
      input: { ...workload, modelConfig: { ...QWEN2_7B, num_key_value_heads: 5 } },
    });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.modelConfig.num_key_value_heads',
    });
  });

  it('compare: config models come after catalog ones, and errors carry the list index', async () => {
    const query = /* GraphQL */ `
      query ($input: CompareInput!) {
        compare(input: $input) { model { id } gpu { id } }
      }
    `;
    const input = {
      models: ['llama-2-7b'],
      modelConfigs: [QWEN2_7B, configOf('qwen3-8b')],
      gpus: ['h100', 'l4'],
      inputTokens: 100,
      outputTokens: 10,
    };
    const { data, errors } = await runOperation(app, query, { input });
    expect(errors).toBeUndefined();
    const rows = (data as { compare: { model: { id: string }; gpu: { id: string } }[] }).compare;
    // 3 models x 2 GPUs = 6 rows, models outermost.
    expect(rows.map((r) => `${r.model.id}@${r.gpu.id}`)).toEqual([
      'llama-2-7b@h100-sxm5-80gb',
      'llama-2-7b@l4',
      'config:qwen2@h100-sxm5-80gb',
      'config:qwen2@l4',
      'config:qwen3@h100-sxm5-80gb',
      'config:qwen3@l4',
    ]);
    const bad = await runOperation(app, query, {
      input: { ...input, modelConfigs: [QWEN2_7B, { ...QWEN2_7B, hidden_size: -1 }] },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.modelConfigs[1].hidden_size',
    });
  });
});

describe('published counts on Model say their convention', () => {
  it('DeepSeek-V3 publishes 36.6B active without the input embedding, Qwen3-30B-A3B 3.3B with it', async () => {
    const query = /* GraphQL */ `
      {
        deepseek: model(id: "deepseek-v3") {
          publishedActiveParameterCount
          publishedActiveCountExcludesEmbedding
          activeParameterCountExcludingEmbedding
        }
        qwen: model(id: "qwen3-30b-a3b") {
          publishedActiveParameterCount
          publishedActiveCountExcludesEmbedding
          activeParameterCount
        }
        dense: model(id: "llama-2-7b") {
          publishedActiveParameterCount
          publishedActiveCountExcludesEmbedding
        }
      }
    `;
    const { data, errors } = await runOperation(app, query);
    expect(errors).toBeUndefined();
    const { deepseek, qwen, dense } = data as Record<string, Record<string, number | boolean | null>>;
    expect(deepseek).toMatchObject({
      publishedActiveParameterCount: 36.6e9,
      publishedActiveCountExcludesEmbedding: true,
    });
    expect(qwen).toMatchObject({
      publishedActiveParameterCount: 3.3e9,
      publishedActiveCountExcludesEmbedding: false,
    });
    expect(dense).toEqual({
      publishedActiveParameterCount: null,
      publishedActiveCountExcludesEmbedding: null,
    });
    // Each within 2% of the count in its own convention.
    expect(Math.abs((deepseek?.activeParameterCountExcludingEmbedding as number) / 36.6e9 - 1)).toBeLessThan(
      0.02,
    );
    expect(Math.abs((qwen?.activeParameterCount as number) / 3.3e9 - 1)).toBeLessThan(0.02);
  });
});
