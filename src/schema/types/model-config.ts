import { JSONObjectResolver } from 'graphql-scalars';
import { SUPPORTED_MODEL_TYPES } from '../../core/architecture/index.js';
import { builder } from '../builder.js';
import { configModelSpec } from '../model-config.js';
import { ModelRef } from './model.js';

builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object, such as a HuggingFace config.json pasted as published.',
});

builder.queryField('modelFromConfig', (t) =>
  t.field({
    type: ModelRef,
    description: `How a HuggingFace config.json is read: the model it describes, with its layer groups and counts. Multimodal configs use their text_config. Supported model_type values: ${SUPPORTED_MODEL_TYPES.join(', ')}. An unknown model_type, a missing or a contradictory field is a BAD_USER_INPUT error naming the config field.`,
    args: {
      config: t.arg({ type: 'JSONObject', required: true, description: 'config.json, as published.' }),
      includeMtpLayers: t.arg.boolean({
        defaultValue: false,
        description:
          "Count DeepSeek's multi-token-prediction modules (num_nextn_predict_layers) as extra MoE layers. Engines load them only for MTP speculative decoding, and published parameter counts leave them out.",
      }),
    },
    resolve: (_root, { config, includeMtpLayers }) =>
      configModelSpec('config', config, { includeMtpLayers: includeMtpLayers ?? false }),
  }),
);
