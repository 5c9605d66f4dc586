/**
 * Labelled inputs with their API errors beside them (aria-describedby, aria-invalid), so a screen
 * reader reads the error with the input and the keyboard reaches every control.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';

interface FieldProps {
  label: string;
  /** Messages for this input (the API's BAD_USER_INPUT or NOT_FOUND text, or the form's own). */
  errors?: string[];
  hint?: string;
  children: (ids: { inputId: string; describedBy?: string; invalid: boolean }) => ComponentChildren;
}

export function Field({ label, errors = [], hint, children }: FieldProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy =
    [hint ? hintId : '', errors.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${errors.length ? ' field-invalid' : ''}`}>
      <label for={inputId}>{label}</label>
      {children({ inputId, describedBy, invalid: errors.length > 0 })}
      {hint && (
        <small id={hintId} class="hint">
          {hint}
        </small>
      )}
      {errors.length > 0 && (
        <p id={errorId} class="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  errors?: string[];
  hint?: string;
  name: string;
  /** Accept a decimal fraction (a request rate), not only whole numbers. */
  decimal?: boolean;
}

/** A number (whole unless `decimal`); the text is kept while it is not one yet (an empty box, a stray letter). */
export function NumberField({
  label,
  value,
  onChange,
  min = 1,
  errors = [],
  hint,
  name,
  decimal = false,
}: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // Only an outside change (Back, a link) replaces what is being typed.
  }, [value]);
  const pattern = decimal ? /^\d+(\.\d+)?$/ : /^-?\d+$/;
  const typedError = pattern.test(text.trim()) ? [] : [decimal ? 'Enter a number.' : 'Enter a whole number.'];
  return (
    <Field label={label} errors={[...typedError, ...errors]} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          name={name}
          type="number"
          inputMode={decimal ? 'decimal' : 'numeric'}
          min={min}
          step={decimal ? 'any' : 1}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(event) => {
            const next = event.currentTarget.value;
            setText(next);
            if (pattern.test(next.trim())) onChange(Number(next));
          }}
        />
      )}
    </Field>
  );
}

interface ChoiceFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  errors?: string[];
  hint?: string;
  name: string;
}

/** A catalog pick: type to search ids and names (a datalist), or paste any id or alias. */
export function SearchField({ label, value, onChange, options, errors = [], hint, name }: ChoiceFieldProps) {
  const listId = `${useId()}-options`;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== '' && trimmed !== value) onChange(trimmed);
  };
  return (
    <Field label={label} errors={errors} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <>
          <input
            id={inputId}
            name={name}
            type="search"
            list={listId}
            autoComplete="off"
            spellcheck={false}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(event) => {
              const next = event.currentTarget.value;
              setText(next);
              // Picking from the list commits at once; free typing commits on Enter or leaving the box.
              if (options.some((option) => option.value === next)) commit(next);
            }}
            onChange={(event) => commit(event.currentTarget.value)}
          />
          <datalist id={listId}>
            {options.map((option) => (
              <option key={option.value} value={option.value} label={option.label} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** A closed choice (number formats). */
export function SelectField({ label, value, onChange, options, errors = [], hint, name }: ChoiceFieldProps) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          name={name}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckboxGroupProps {
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  options: { value: string; label: string }[];
  errors?: string[];
  name: string;
  /** Show "All" and "None" buttons. */
  bulk?: boolean;
}

/** Several picks from a closed list, in the list's order. */
export function CheckboxGroup({
  legend,
  values,
  onChange,
  options,
  errors = [],
  name,
  bulk = false,
}: CheckboxGroupProps) {
  const errorId = `${useId()}-error`;
  const toggle = (value: string, checked: boolean) => {
    const chosen = new Set(values);
    if (checked) chosen.add(value);
    else chosen.delete(value);
    // Keep ids the catalog does not list (typed into a link) so their NOT_FOUND error still shows.
    const unknown = values.filter((v) => !options.some((option) => option.value === v));
    onChange([
      ...options.map((option) => option.value).filter((v) => chosen.has(v)),
      ...unknown.filter((v) => chosen.has(v)),
    ]);
  };
  return (
    <fieldset
      class={`checkbox-group${errors.length ? ' field-invalid' : ''}`}
      aria-describedby={errors.length ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {bulk && (
        <div class="bulk">
          <button type="button" onClick={() => onChange(options.map((option) => option.value))}>
            All
          </button>
          <button type="button" onClick={() => onChange([])}>
            None
          </button>
        </div>
      )}
      <div class="checkboxes">
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {errors.length > 0 && (
        <p id={errorId} class="field-error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
