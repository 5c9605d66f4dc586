/** The views' inputs bound to the app state: one model on one GPU type, the formats, the workload, the limits. */
import type { UpdateState } from '../app-state.js';
import type { Catalog } from '../catalog.js';
import type { NumberFormat } from '../gql/graphql.js';
import type { JsonObject } from '../lib/config-store.js';
import { type AppState, FORMATS } from '../lib/url-state.js';
import { CheckboxGroup, NumberField, SearchField, SelectField } from './field.js';
import { ModelField } from './model-field.js';

/** The app state's numeric inputs. */
type NumberKey = { [K in keyof AppState]: AppState[K] extends number ? K : never }[keyof AppState];

export const FORMAT_OPTIONS = FORMATS.map((format) => ({ value: format, label: format }));
/** KV cache formats: every format but NATIVE, which only weights have. */
const KV_FORMAT_OPTIONS = FORMAT_OPTIONS.filter((option) => option.value !== 'NATIVE');

/** What every group of fields gets: the state, the catalog, the pasted config if any, and the API's errors by input. */
export interface FieldsProps {
  state: AppState;
  update: UpdateState;
  catalog: Catalog;
  modelConfig?: JsonObject;
  errors: Record<string, string[]>;
}

interface StateNumberFieldProps extends FieldsProps {
  /** The state key it edits, which is also the input's name and the key of its errors. */
  name: NumberKey;
  label: string;
  hint?: string;
  min?: number;
  decimal?: boolean;
}

/** A number input bound to one key of the app state, with the API's errors for that key. */
export function StateNumberField({ state, update, errors, name, ...field }: StateNumberFieldProps) {
  return (
    <NumberField
      {...field}
      name={name}
      value={state[name]}
      errors={errors[name]}
      onChange={(value) => update({ [name]: value })}
    />
  );
}

/** The model, GPU, GPU count and formats; with `split`, pipeline stages and data replicas too (errors for the split under them). */
export function SetupFields({ split = false, ...props }: FieldsProps & { split?: boolean }) {
  const { state, update, catalog, errors } = props;
  return (
    <>
      <ModelField {...props} />
      <SearchField
        name="gpu"
        label="GPU"
        value={state.gpu}
        options={catalog.gpus}
        errors={errors.gpu}
        onChange={(gpu) => update({ gpu })}
      />
      <StateNumberField {...props} name="gpuCount" label="GPUs (tensor parallel)" />
      {split && (
        <>
          <StateNumberField {...props} name="pipeline" label="Pipeline stages" />
          {/* Below the last of the split's inputs: the API's message for a refused split. */}
          <StateNumberField
            {...props}
            name="data"
            label="Data-parallel replicas"
            errors={{ ...errors, data: [...(errors.data ?? []), ...(errors.parallelism ?? [])] }}
          />
        </>
      )}
      <FormatField {...props} name="weightFormat" label="Weight format" />
      <KvCacheFormatField {...props} />
    </>
  );
}

/** The weight or the KV cache format (only weights may be NATIVE). */
function FormatField({
  state,
  update,
  errors,
  name,
  label,
}: FieldsProps & { name: 'weightFormat' | 'kvCacheFormat'; label: string }) {
  return (
    <SelectField
      name={name}
      label={label}
      value={state[name]}
      options={name === 'weightFormat' ? FORMAT_OPTIONS : KV_FORMAT_OPTIONS}
      errors={errors[name]}
      onChange={(format) => update({ [name]: format as NumberFormat })}
    />
  );
}

export function KvCacheFormatField(props: FieldsProps) {
  return <FormatField {...props} name="kvCacheFormat" label="KV cache format" />;
}

/** Prompt and output lengths, per sequence. */
export function PromptOutputFields(props: FieldsProps) {
  return (
    <>
      <StateNumberField {...props} name="inputTokens" label="Prompt length, tokens" />
      <StateNumberField {...props} name="outputTokens" label="Output length, tokens" />
    </>
  );
}

/** Serving: the share of each prompt already in the prefix cache, percent. */
export function PrefixCacheField(props: FieldsProps) {
  return (
    <StateNumberField
      {...props}
      name="prefixCachePercent"
      label="Prefix-cache hit rate, %"
      hint="share of each prompt found in the prefix cache, 0 to under 100"
      min={0}
      decimal
    />
  );
}

/** Serving: a target rate whose serving point each setup shows; 0: none. */
export function TargetRateField(props: FieldsProps) {
  return (
    <StateNumberField
      {...props}
      name="servingRequestsPerSecond"
      label="Target rate, requests/s"
      hint="0: none; else each setup's serving point at this rate"
      min={0}
      decimal
    />
  );
}

/** Prompt and output lengths and the batch. */
export function WorkloadFields(props: FieldsProps) {
  return (
    <>
      <PromptOutputFields {...props} />
      <StateNumberField {...props} name="batchSize" label="Batch size, sequences" />
    </>
  );
}

/** The latency limits Serving draws and Plan plans for, milliseconds (0: none). */
export function LatencyLimitFields(props: FieldsProps) {
  return (
    <>
      <StateNumberField {...props} name="maxTtftMs" label="TTFT limit, ms" hint="0: no limit" min={0} />
      <StateNumberField {...props} name="maxTpotMs" label="TPOT limit, ms" hint="0: no limit" min={0} />
    </>
  );
}

interface CheckboxesProps extends FieldsProps {
  legend: string;
}

/** Several catalog GPUs, by name, with All and None: Compare's GPUs or the ones Plan searches. */
export function GpuCheckboxes({
  state,
  update,
  catalog,
  errors,
  legend,
  name,
}: CheckboxesProps & { name: 'gpus' | 'planGpus' }) {
  return (
    <CheckboxGroup
      legend={legend}
      name={name}
      bulk
      values={state[name]}
      options={catalog.gpus.map((gpu) => ({
        value: gpu.value,
        label: catalog.gpuNames.get(gpu.value) ?? gpu.value,
      }))}
      errors={errors[name]}
      onChange={(values) => update({ [name]: values })}
    />
  );
}

/** Several weight formats: Compare's or the ones Plan searches. */
export function FormatCheckboxes({
  state,
  update,
  errors,
  legend,
  name,
}: CheckboxesProps & { name: 'weightFormats' | 'planWeightFormats' }) {
  return (
    <CheckboxGroup
      legend={legend}
      name={name}
      values={state[name]}
      options={FORMAT_OPTIONS}
      errors={errors[name]}
      onChange={(values) => update({ [name]: values as NumberFormat[] })}
    />
  );
}
