import { TUNING_FIELD_NAMES, type TuningField, tuningDescription } from '../../core/index.js';
import { builder } from '../builder.js';

/** One GraphQL field per entry of the core's TUNING_FIELDS table, described from it. */
function tuningFields<F>(field: (description: string) => F): Record<TuningField, F> {
  return Object.fromEntries(
    TUNING_FIELD_NAMES.map((name) => [name, field(tuningDescription(name))]),
  ) as Record<TuningField, F>;
}

export const TuningRef = builder.simpleObject('Tuning', {
  description:
    "Efficiency factors and fixed costs of the timing model: the engine profile's calibrated values for the GPU generation, with any TuningInput overrides applied. IDEAL is 1 for every efficiency and 0 for every overhead.",
  fields: (t) => tuningFields((description) => t.float({ description })),
});

export const TuningInput = builder.inputType('TuningInput', {
  description:
    "Overrides of the engine profile's calibrated efficiencies and overheads; omitted fields keep the profile's values. Not accepted with engine IDEAL, which is the roofline bound.",
  fields: (t) => tuningFields((description) => t.float({ description })),
});
