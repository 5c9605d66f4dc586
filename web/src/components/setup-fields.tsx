/** The inputs Fit and Roofline share: one model on one GPU type, the formats, and the workload. */
import type { UpdateState } from '../app-state.js';
import type { Catalog } from '../catalog.js';
import type { NumberFormat } from '../gql/graphql.js';
import { type AppState, FORMATS } from '../lib/url-state.js';
import { CheckboxGroup, NumberField, SearchField, SelectField } from './field.js';

export const FORMAT_OPTIONS = FORMATS.map((format) => ({ value: format, label: format }));
/** KV cache formats: every format but NATIVE, which only weights have. */
const KV_FORMAT_OPTIONS = FORMAT_OPTIONS.filter((option) => option.value !== 'NATIVE');

interface Props {
  state: AppState;
  update: UpdateState;
  catalog: Catalog;
  errors: Record<string, string[]>;
}

export function ModelField({ state, update, catalog, errors }: Props) {
  return (
    <SearchField
      name="model"
      label="Model"
      hint="Type to search the catalog; any catalog id or alias works."
      value={state.model}
      options={catalog.models}
      errors={errors.model}
      onChange={(model) => update({ model })}
    />
  );
}

export function SetupFields({ state, update, catalog, errors }: Props) {
  return (
    <>
      <ModelField state={state} update={update} catalog={catalog} errors={errors} />
      <SearchField
        name="gpu"
        label="GPU"
        value={state.gpu}
        options={catalog.gpus}
        errors={errors.gpu}
        onChange={(gpu) => update({ gpu })}
      />
      <NumberField
        name="gpuCount"
        label="GPUs (tensor parallel)"
        value={state.gpuCount}
        errors={errors.gpuCount}
        onChange={(gpuCount) => update({ gpuCount })}
      />
      <SelectField
        name="weightFormat"
        label="Weight format"
        value={state.weightFormat}
        options={FORMAT_OPTIONS}
        errors={errors.weightFormat}
        onChange={(weightFormat) => update({ weightFormat: weightFormat as NumberFormat })}
      />
      <KvCacheFormatField state={state} update={update} catalog={catalog} errors={errors} />
    </>
  );
}

export function KvCacheFormatField({ state, update, errors }: Props) {
  return (
    <SelectField
      name="kvCacheFormat"
      label="KV cache format"
      value={state.kvCacheFormat}
      options={KV_FORMAT_OPTIONS}
      errors={errors.kvCacheFormat}
      onChange={(kvCacheFormat) => update({ kvCacheFormat: kvCacheFormat as NumberFormat })}
    />
  );
}

/** Prompt and output lengths, per sequence. */
export function PromptOutputFields({ state, update, errors }: Props) {
  return (
    <>
      <NumberField
        name="inputTokens"
        label="Prompt length, tokens"
        value={state.inputTokens}
        errors={errors.inputTokens}
        onChange={(inputTokens) => update({ inputTokens })}
      />
      <NumberField
        name="outputTokens"
        label="Output length, tokens"
        value={state.outputTokens}
        errors={errors.outputTokens}
        onChange={(outputTokens) => update({ outputTokens })}
      />
    </>
  );
}

/** Prompt and output lengths and the batch. */
export function WorkloadFields(props: Props) {
  const { state, update, errors } = props;
  return (
    <>
      <PromptOutputFields {...props} />
      <NumberField
        name="batchSize"
        label="Batch size, sequences"
        value={state.batchSize}
        errors={errors.batchSize}
        onChange={(batchSize) => update({ batchSize })}
      />
    </>
  );
}

/** The latency limits Serving draws and Plan plans for, milliseconds (0: none). */
export function LatencyLimitFields({ state, update, errors }: Props) {
  return (
    <>
      <NumberField
        name="maxTtftMs"
        label="TTFT limit, ms"
        hint="0: no limit"
        min={0}
        value={state.maxTtftMs}
        errors={errors.maxTtftMs}
        onChange={(maxTtftMs) => update({ maxTtftMs })}
      />
      <NumberField
        name="maxTpotMs"
        label="TPOT limit, ms"
        hint="0: no limit"
        min={0}
        value={state.maxTpotMs}
        errors={errors.maxTpotMs}
        onChange={(maxTpotMs) => update({ maxTpotMs })}
      />
    </>
  );
}

interface GpuCheckboxesProps {
  legend: string;
  name: string;
  values: string[];
  catalog: Catalog;
  errors?: string[];
  onChange: (values: string[]) => void;
}

/** Several catalog GPUs, by name, with All and None. */
export function GpuCheckboxes({ legend, name, values, catalog, errors, onChange }: GpuCheckboxesProps) {
  return (
    <CheckboxGroup
      legend={legend}
      name={name}
      bulk
      values={values}
      options={catalog.gpus.map((gpu) => ({
        value: gpu.value,
        label: catalog.gpuNames.get(gpu.value) ?? gpu.value,
      }))}
      errors={errors}
      onChange={onChange}
    />
  );
}
