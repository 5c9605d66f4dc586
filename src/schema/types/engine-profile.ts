import { DEFAULT_ENGINE, ENGINE_DESCRIPTIONS, ENGINE_PROFILES } from '../../core/index.js';
import { builder } from '../builder.js';
import { EngineProfileEnum } from './enums.js';

export const EngineProfileInfoRef = builder.simpleObject('EngineProfileInfo', {
  description: 'An engine profile: a class of inference engine with its own calibrated efficiencies.',
  fields: (t) => ({
    engine: t.field({
      type: EngineProfileEnum,
      description: 'The profile, as EstimateInput.engine takes it.',
    }),
    description: t.string({ description: 'Which engines the profile stands for.' }),
    isDefault: t.boolean({ description: 'Whether estimates use this profile when the input names none.' }),
  }),
});

export const engineProfiles = () =>
  ENGINE_PROFILES.map((engine) => ({
    engine,
    description: ENGINE_DESCRIPTIONS[engine],
    isDefault: engine === DEFAULT_ENGINE,
  }));
