/**
 * API errors shown next to the input they name. The API's BAD_USER_INPUT and NOT_FOUND errors
 * carry `extensions.field`, an input path such as `input.inputTokens` or `input.gpus[1]`.
 */

export interface FieldError {
  message: string;
  /** The input path the API named, if any. */
  field?: string;
  code?: string;
}

/** The top-level input name in an API input path: 'input.gpus[1]' -> 'gpus'; none -> undefined. */
export function inputNameOf(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const match = /^input\.([A-Za-z_][A-Za-z0-9_]*)/.exec(field);
  return match?.[1];
}

/**
 * Splits errors between the form's inputs: `inputs` maps an API input name to the form input that
 * edits it (e.g. compare's `models` -> `model`); errors naming none of them are `general`.
 */
export function assignErrors(
  errors: readonly FieldError[],
  inputs: Readonly<Record<string, string>>,
): { byInput: Record<string, string[]>; general: string[] } {
  const byInput: Record<string, string[]> = {};
  const general: string[] = [];
  for (const error of errors) {
    const name = inputNameOf(error.field);
    const input = name === undefined ? undefined : inputs[name];
    if (input === undefined) general.push(error.message);
    else byInput[input] = [...(byInput[input] ?? []), error.message];
  }
  return { byInput, general };
}
