import { GraphQLError } from 'graphql';
import { EstimateInputError } from '../core/index.js';

/** Error codes clients can rely on (`extensions.code`). */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND';

/** A core input error at an API input path: the core's message (field, value, limit) with that path. */
function outOfRange(field: string, { value, limit }: EstimateInputError): GraphQLError {
  return new GraphQLError(new EstimateInputError(field, value, limit).message, {
    extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field, limit },
  });
}

/** An input that is malformed as a whole (missing alternative, contradictory fields, too large). */
export function invalidInput(field: string, problem: string, limit?: number): GraphQLError {
  return new GraphQLError(`${field}: ${problem}`, {
    extensions: {
      code: 'BAD_USER_INPUT' satisfies ErrorCode,
      field,
      ...(limit === undefined ? {} : { limit }),
    },
  });
}

/** An id that is neither a catalog id nor an alias; lists the valid ids. */
export function notFound(field: string, kind: 'model' | 'GPU', id: string, validIds: string[]): GraphQLError {
  return new GraphQLError(
    `${field}: unknown ${kind} "${id}". Valid ${kind} ids (aliases are accepted too, case-insensitive): ${validIds.join(', ')}`,
    { extensions: { code: 'NOT_FOUND' satisfies ErrorCode, field, id, validIds } },
  );
}

/** Core field names are paths in EstimateRequest; the API names `memory` `memoryAssumptions`. */
function apiFieldOf(coreField: string, inputPath: string): string {
  const field = coreField.replace(/^memory\./, 'memoryAssumptions.');
  return inputPath === '' ? field : `${inputPath}.${field}`;
}

/**
 * Runs core code (an estimate, or one of the core's input checks), turning its EstimateInputError
 * into the API's BAD_USER_INPUT error with the field named at `inputPath` ('' for a top-level name).
 */
export function withCoreInputErrors<T>(inputPath: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof EstimateInputError) {
      throw outOfRange(apiFieldOf(error.field, inputPath), error);
    }
    throw error;
  }
}
