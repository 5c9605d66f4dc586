/**
 * Errors as clients see them outside development: a stable message and an `extensions.code` on
 * every error, no `originalError` (a parser's text, an echo of the body), and user input echoed in
 * a message or an extension cut to ECHO_LIMIT characters with its original length, so that a
 * 100 KB id is not sent back twice.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Characters of an echoed value kept in an error. */
export const ECHO_LIMIT = 40;

/** `text` if short, else its first ECHO_LIMIT characters, an ellipsis and the original length. */
export function shortened(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}

/** A quoted string in a message, with JSON escapes (graphql-js and our messages quote values so). */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

function shortenQuoted(message: string): string {
  return message.replace(QUOTED, (whole, inner: string) =>
    inner.length <= ECHO_LIMIT ? whole : `"${inner.slice(0, ECHO_LIMIT)}…" (${inner.length} characters)`,
  );
}

/** Extensions that carry a value the client sent (NOT_FOUND's `id`); the others are ours. */
const ECHOED_EXTENSIONS = new Set(['id', 'value']);

/** graphql-js's words when it stops validating at 100 errors, which say neither limit nor remedy. */
const VALIDATION_ABORTED = 'Too many validation errors, error limit reached. Validation aborted.';
export const VALIDATION_ERROR_LIMIT = 100;

function publicMessage(error: GraphQLError): string {
  if (error.message === VALIDATION_ABORTED) {
    return `Too many validation errors: the first ${VALIDATION_ERROR_LIMIT} are listed and the rest were not checked; fix these and send the document again`;
  }
  return shortenQuoted(error.message);
}

/** Errors that graphql-js raises without a code, all caused by what the client sent. */
function defaultCode(error: GraphQLError): string {
  if (error.message === VALIDATION_ABORTED) return 'GRAPHQL_VALIDATION_FAILED';
  return 'BAD_REQUEST';
}

export function publicError(error: GraphQLError, development: boolean): GraphQLError {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.extensions ?? {})) {
    if (key === 'originalError' && !development) continue;
    extensions[key] = ECHOED_EXTENSIONS.has(key) && typeof value === 'string' ? shortened(value) : value;
  }
  const http = extensions.http as { spec?: boolean } | undefined;
  if (!development && error.extensions?.originalError !== undefined && http?.spec) {
    // Yoga answers such an error with its HTTP status (not 200) because of the originalError it
    // carried; without it, `spec: false` keeps that status.
    extensions.http = { ...http, spec: false };
  }
  if (typeof extensions.code !== 'string') extensions.code = defaultCode(error);
  if (error.message === VALIDATION_ABORTED) {
    extensions.field = 'query.validationErrors';
    extensions.limit = VALIDATION_ERROR_LIMIT;
  }
  return new GraphQLError(publicMessage(error), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError;
}

/** Applies publicError to every error of every result (request, validation and execution errors). */
export function publicErrorsPlugin(options: { development: boolean }): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (result === null || typeof result !== 'object' || Array.isArray(result) || !('errors' in result))
        return;
      const errors = result.errors;
      if (!Array.isArray(errors) || errors.length === 0) return;
      setResult({
        ...result,
        errors: errors.map((error) =>
          isGraphQLError(error) ? publicError(error, options.development) : error,
        ),
      });
    },
  };
}
