/**
 * The Serving view's setups: each a fieldset with its GPU, how the model is split over its GPUs
 * (tensor, pipeline, data; expert for MoE models), the weight and KV cache formats, and a Remove
 * button; the API's errors for a setup show beside its inputs (a refused split under the split).
 */
import { useId } from 'preact/hooks';
import type { UpdateState } from '../app-state.js';
import type { Catalog } from '../catalog.js';
import type { NumberFormat } from '../gql/graphql.js';
import { newSetup } from '../lib/serving.js';
import type { Setup } from '../lib/url-state.js';
import { NumberField, SearchField, SelectField } from './field.js';
import { FORMAT_OPTIONS } from './setup-fields.js';

const KV_FORMAT_OPTIONS = FORMAT_OPTIONS.filter((option) => option.value !== 'NATIVE');

/** The split's degrees, in the order the API multiplies them. */
const DEGREES = [
  { key: 'tensor', label: 'Tensor', hint: undefined },
  { key: 'pipeline', label: 'Pipeline', hint: undefined },
  { key: 'data', label: 'Data', hint: undefined },
  { key: 'expert', label: 'Expert', hint: 'MoE only' },
] as const;

/** The view's model, then every catalog model by name (and an id from a link the catalog does not list). */
function modelOptions(catalog: Catalog, current: string) {
  const models = catalog.models.map((model) => ({
    value: model.value,
    label: model.label.split(' · ')[0] ?? model.value,
  }));
  const listed = current === '' || models.some((model) => model.value === current);
  return [
    { value: '', label: 'The model above' },
    ...(listed ? [] : [{ value: current, label: current }]),
    ...models,
  ];
}

interface SetupListProps {
  setups: Setup[];
  update: UpdateState;
  catalog: Catalog;
  /** The API's errors per setup (by index), keyed by the setup's input. */
  errors: Record<string, string[]>[];
}

function SetupFieldset({
  setup,
  index,
  errors,
  catalog,
  change,
  remove,
}: {
  setup: Setup;
  index: number;
  errors: Record<string, string[]>;
  catalog: Catalog;
  change: (next: Partial<Setup>) => void;
  remove: () => void;
}) {
  const splitErrorId = `${useId()}-split-error`;
  const splitErrors = errors.parallelism ?? [];
  const gpus = setup.tensor * setup.pipeline * setup.data;
  return (
    <fieldset class="setup" data-testid={`setup-${index + 1}`}>
      <legend>Setup {index + 1}</legend>
      <SelectField
        name={`setup-${index + 1}-model`}
        label="Model"
        value={setup.model}
        options={modelOptions(catalog, setup.model)}
        errors={errors.model}
        onChange={(model) => change({ model })}
      />
      <SearchField
        name={`setup-${index + 1}-gpu`}
        label="GPU"
        value={setup.gpu}
        options={catalog.gpus}
        errors={errors.gpu}
        onChange={(gpu) => change({ gpu })}
      />
      <fieldset
        class={`split${splitErrors.length ? ' field-invalid' : ''}`}
        aria-describedby={splitErrors.length ? splitErrorId : undefined}
      >
        <legend>
          GPUs split: {gpus} GPU{gpus === 1 ? '' : 's'}
        </legend>
        <div class="split-degrees">
          {DEGREES.map((degree) => (
            <NumberField
              key={degree.key}
              name={`setup-${index + 1}-${degree.key}`}
              label={degree.label}
              hint={degree.hint}
              value={setup[degree.key]}
              onChange={(value) => change({ [degree.key]: value })}
            />
          ))}
        </div>
        {splitErrors.length > 0 && (
          <p id={splitErrorId} class="field-error" role="alert">
            {splitErrors.join(' ')}
          </p>
        )}
      </fieldset>
      <div class="split-degrees">
        <SelectField
          name={`setup-${index + 1}-weightFormat`}
          label="Weights"
          value={setup.weightFormat}
          options={FORMAT_OPTIONS}
          errors={errors.weightFormat}
          onChange={(format) => change({ weightFormat: format as NumberFormat })}
        />
        <SelectField
          name={`setup-${index + 1}-kvCacheFormat`}
          label="KV cache"
          value={setup.kvCacheFormat}
          options={KV_FORMAT_OPTIONS}
          errors={errors.kvCacheFormat}
          onChange={(format) => change({ kvCacheFormat: format as NumberFormat })}
        />
      </div>
      <button type="button" class="remove-setup" onClick={remove}>
        Remove setup {index + 1}
      </button>
    </fieldset>
  );
}

export function SetupList({ setups, update, catalog, errors }: SetupListProps) {
  const replace = (next: Setup[]) => update({ setups: next });
  return (
    <div class="setup-list">
      {setups.map((setup, i) => (
        <SetupFieldset
          // Setups have no identity but their place; a removed one shifts the rest up.
          key={i}
          setup={setup}
          index={i}
          errors={errors[i] ?? {}}
          catalog={catalog}
          change={(change) => replace(setups.map((s, j) => (j === i ? { ...s, ...change } : s)))}
          remove={() => replace(setups.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        class="add-setup"
        onClick={() => replace([...setups, setups.at(-1) ?? newSetup('h100-sxm5-80gb')])}
      >
        Add a setup
      </button>
    </div>
  );
}
