/**
 * The model every view asks about: a catalog pick, or a HuggingFace config.json pasted (or dropped,
 * or opened) into the form. Invalid JSON is reported at once; the API's errors for the config
 * (a missing field, an unsupported model_type) appear under the same box.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { configKey, parseConfig } from '../lib/config-store.js';
import type { ModelSource } from '../lib/url-state.js';
import { rememberConfig } from '../model-config.js';
import { Field, SearchField } from './field.js';
import type { FieldsProps } from './setup-fields.js';

const SOURCES: { value: ModelSource; label: string }[] = [
  { value: 'catalog', label: 'Catalog' },
  { value: 'config', label: 'Pasted config.json' },
];

const pretty = (config: object) => JSON.stringify(config, null, 2);

function ConfigField({ state, update, errors, modelConfig }: FieldsProps) {
  const fileId = useId();
  const [text, setText] = useState(() => (modelConfig ? pretty(modelConfig) : ''));
  const [parseError, setParseError] = useState<string>();

  // A config named from outside (Back, a link) replaces the box's text; the one just typed does not.
  useEffect(() => {
    if (modelConfig === undefined) return;
    const shown = parseConfig(text);
    if (!('config' in shown) || configKey(shown.config) !== state.config) {
      setText(pretty(modelConfig));
      setParseError(undefined);
    }
  }, [modelConfig]);

  const accept = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setParseError(undefined);
      update({ config: '' });
      return;
    }
    const parsed = parseConfig(next);
    if ('error' in parsed) {
      setParseError(parsed.error);
      return;
    }
    setParseError(undefined);
    update({ config: rememberConfig(parsed.config) });
  };
  const openFile = (file: File | undefined) => {
    file?.text().then(accept, (error) => setParseError(`The file could not be read: ${String(error)}`));
  };

  const missing =
    state.config !== '' && modelConfig === undefined && text.trim() === ''
      ? ['This link names a config.json pasted in another browser; paste it here again.']
      : [];
  const shownErrors = parseError ? [parseError] : [...missing, ...(errors.modelConfig ?? [])];
  return (
    <>
      <Field
        label="config.json"
        hint="Paste a model's config.json or drop the file here. It stays in this browser: the link keeps only a key to it, so it opens here but not elsewhere."
        errors={shownErrors}
      >
        {({ inputId, describedBy, invalid }) => (
          <textarea
            id={inputId}
            name="modelConfig"
            class="config-text"
            rows={8}
            spellcheck={false}
            autoComplete="off"
            placeholder='{ "model_type": "llama", "hidden_size": 4096, ... }'
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(event) => accept(event.currentTarget.value)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              const file = event.dataTransfer?.files[0];
              if (!file) return;
              event.preventDefault();
              openFile(file);
            }}
          />
        )}
      </Field>
      <div class="field">
        <label for={fileId}>Or open a config.json file</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => openFile(event.currentTarget.files?.[0])}
        />
      </div>
    </>
  );
}

export function ModelField(props: FieldsProps) {
  const { state, update, catalog, errors } = props;
  const name = `${useId()}-source`;
  return (
    <>
      <fieldset class="checkbox-group">
        <legend>Model from</legend>
        <div class="choices">
          {SOURCES.map((source) => (
            <label key={source.value}>
              <input
                type="radio"
                name={name}
                value={source.value}
                checked={state.modelSource === source.value}
                onChange={() => update({ modelSource: source.value })}
              />
              {source.label}
            </label>
          ))}
        </div>
      </fieldset>
      {state.modelSource === 'catalog' ? (
        <SearchField
          name="model"
          label="Model"
          hint="Type to search the catalog; any catalog id or alias works."
          value={state.model}
          options={catalog.models}
          errors={errors.model}
          onChange={(model) => update({ model })}
        />
      ) : (
        <ConfigField {...props} />
      )}
    </>
  );
}
