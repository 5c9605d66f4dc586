import { describe, expect, it } from 'vitest';
import { assignErrors, inputNameOf } from '../../web/src/lib/errors.js';
import { COMPARE_INPUTS, ESTIMATE_INPUTS } from '../../web/src/lib/requests.js';

describe('API errors go next to the input they name', () => {
  it('reads the top-level input name from the API path', () => {
    expect(inputNameOf('input.inputTokens')).toBe('inputTokens');
    expect(inputNameOf('input.gpus[1]')).toBe('gpus');
    expect(inputNameOf('input.memoryAssumptions.overheadBytes')).toBe('memoryAssumptions');
    expect(inputNameOf('query.aliases')).toBeUndefined();
    expect(inputNameOf(undefined)).toBeUndefined();
  });

  it('assigns each error to its form input, the rest to the general list', () => {
    const { byInput, general } = assignErrors(
      [
        { message: 'input.models[0]: unknown model "x"', field: 'input.models[0]', code: 'NOT_FOUND' },
        {
          message: 'input.inputTokens = 0 is out of range',
          field: 'input.inputTokens',
          code: 'BAD_USER_INPUT',
        },
        { message: 'input.inputTokens too long for the window', field: 'input.inputTokens' },
        { message: 'Unexpected error.' },
        { message: 'tuning is not on this form', field: 'input.tuning.prefillComputeEfficiency' },
      ],
      COMPARE_INPUTS,
    );
    expect(byInput).toEqual({
      model: ['input.models[0]: unknown model "x"'],
      inputTokens: ['input.inputTokens = 0 is out of range', 'input.inputTokens too long for the window'],
    });
    expect(general).toEqual(['Unexpected error.', 'tuning is not on this form']);
  });

  it('maps every estimate input the forms edit to a form input of the same name', () => {
    for (const [apiName, formInput] of Object.entries(ESTIMATE_INPUTS)) expect(formInput).toBe(apiName);
  });
});
