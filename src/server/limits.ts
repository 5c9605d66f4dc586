/**
 * What the public API refuses before doing any work, and how it says why:
 *
 * - operation shape (graphql-armor): depth, aliases, tokens, directives; "Did you mean ...?"
 *   suggestions hidden; introspection optionally off. The cost limit is the Pothos complexity
 *   plugin's (src/schema/builder.ts), which knows that a `compare` costs one unit per estimate.
 * - transport: bodies over the size limit (413, also for chunked bodies without a
 *   Content-Length) and POST bodies in a content type no parser reads (415), each with a JSON
 *   error that names the limit or the accepted types.
 *
 * Every refusal is a GraphQL error whose message names the limit and whose extensions carry
 * `code`, `field` (what was measured) and `limit`.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** Caps on the shape and cost of one operation; the environment overrides them (config.ts). */
export interface QueryLimitsConfig {
  /** Deepest field nesting (fragments count one level; introspection's __schema is exempt). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in the query document. */
  maxTokens: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Pothos complexity: 1 per field, x10 under list fields, a `compare` one per estimate. */
  maxCost: number;
}

/**
 * The deepest operation the schema answers is 4 levels (estimate > prefill > operators > name);
 * the examples use at most 3 aliases and 120 tokens, a query of every estimate field 7 aliases and
 * 285 tokens; a 1,000-estimate comparison selecting 20 fields per estimate costs 21,000 (the
 * server benchmark's), one selecting every field 280,000 (refused: ~0.5 s and 6.5 MB).
 */
export const DEFAULT_QUERY_LIMITS: QueryLimitsConfig = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxCost: 50_000,
};

/** 100 KiB: a document at the token limit plus variables for the largest comparison fit easily. */
export const DEFAULT_MAX_BODY_BYTES = 102_400;

function limitError(message: string, field: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, limit } });
}

/** The count graphql-armor found, from its message ("... exceeded, found 14."). */
function foundIn(error: GraphQLError): number | undefined {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

type Describe = (found: number | undefined, limit: number) => string;

/** Reports a validation-rule refusal as a BAD_USER_INPUT error of our wording. */
function reportAs(field: string, limit: number, describe: Describe) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = limitError(describe(foundIn(error), limit), field, limit);
        if (context === null) throw refusal;
        context.reportError(refusal);
      },
    ],
  };
}

export interface OperationLimitOptions {
  limits: QueryLimitsConfig;
  /** Keep graphql-js's "Did you mean ...?" hints (development only); default false. */
  fieldSuggestions?: boolean;
  /** Answer introspection queries; default true (GraphiQL needs them). */
  introspection?: boolean;
}

/** graphql-armor's operation limits with our messages, and the introspection switch. */
export function operationLimitPlugins(options: OperationLimitOptions): Plugin[] {
  const { limits } = options;
  const plural = (found: number | undefined) => (found === undefined ? 'too many' : String(found));
  const armor = EnvelopArmorPlugin({
    maxDepth: {
      ...reportAs('query.depth', limits.maxDepth, (found, n) =>
        found === undefined
          ? `Query is deeper than the limit of ${n}`
          : `Query depth ${found} exceeds the limit of ${n}`,
      ),
      ignoreIntrospection: true,
      flattenFragments: false,
    },
    maxAliases: {
      ...reportAs(
        'query.aliases',
        limits.maxAliases,
        (found, n) => `Query has ${plural(found)} aliases, over the limit of ${n}`,
      ),
      // Aliased __typename counts too: 300 aliases are refused whatever they select.
      allowList: [],
    },
    maxDirectives: reportAs(
      'query.directives',
      limits.maxDirectives,
      (found, n) => `Query has ${plural(found)} directives, over the limit of ${n}`,
    ),
    maxTokens: reportAs(
      'query.tokens',
      limits.maxTokens,
      (_found, n) => `Query document has more than ${n} tokens, over the limit of ${n}`,
    ),
    // Cost is the Pothos complexity limit, which counts `compare` per estimate.
    costLimit: { enabled: false },
    // Armor's suggestion filter misses enum values and variables; clientErrorsPlugin covers all.
    blockFieldSuggestion: { enabled: false },
  });
  const plugins: Plugin[] = [
    armor as Plugin,
    clientErrorsPlugin({ suggestions: options.fieldSuggestions === true }),
  ];
  if (options.introspection === false) {
    plugins.push({
      onValidate({ addValidationRule }) {
        addValidationRule(NoSchemaIntrospectionCustomRule);
      },
    });
  }
  return plugins;
}

/** graphql-js's hints: 'Did you mean "model"?', 'Did you mean the enum value "FP16" or "FP8"?'. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function hideSuggestions(errors: readonly Error[]): void {
  for (const error of errors) {
    if (error.message.includes('Did you mean')) error.message = error.message.replace(SUGGESTION, '');
  }
}

/** graphql-js reports bad variable values without a code; they are the client's input errors. */
function codeVariableErrors(errors: readonly Error[]): void {
  for (const error of errors) {
    if (!(error instanceof GraphQLError) || !error.message.startsWith('Variable "$')) continue;
    const extensions = error.extensions as Record<string, unknown>;
    if (extensions.code === undefined) extensions.code = 'BAD_USER_INPUT';
  }
}

/**
 * Client errors as clients should see them: "Did you mean ...?" stripped from validation errors
 * and from the variable-coercion errors execution returns (unless `suggestions`), so that the
 * schema cannot be enumerated by typos with introspection off; variable errors coded
 * BAD_USER_INPUT.
 */
export function clientErrorsPlugin(options: { suggestions: boolean }): Plugin {
  return {
    onValidate:
      () =>
      ({ result }) => {
        if (!options.suggestions) hideSuggestions(result);
      },
    onExecutionResult({ result }) {
      if (result === null || typeof result !== 'object' || !('errors' in result) || !result.errors) return;
      if (!options.suggestions) hideSuggestions(result.errors);
      codeVariableErrors(result.errors);
    },
  };
}

function bodyTooLarge(limit: number, length?: number): GraphQLError {
  const size = length === undefined ? 'Request body' : `Request body of ${length} bytes`;
  return createGraphQLError(`${size} exceeds the limit of ${limit} bytes`, {
    extensions: {
      http: { status: 413 },
      code: 'REQUEST_ENTITY_TOO_LARGE',
      field: 'request.body',
      limit,
    },
  });
}

const ACCEPTED_CONTENT_TYPES = [
  'application/json',
  'application/graphql',
  'application/x-www-form-urlencoded',
];

function unsupportedMediaType(contentType: string | null): GraphQLError {
  const given = contentType === null ? 'no Content-Type' : `Content-Type ${JSON.stringify(contentType)}`;
  return createGraphQLError(
    `Unsupported ${given}: POST a body of ${ACCEPTED_CONTENT_TYPES.join(', ')} (application/json: {"query": "...", "variables": {...}}), or use GET`,
    {
      extensions: {
        http: { status: 415 },
        code: 'UNSUPPORTED_MEDIA_TYPE',
        field: 'request.headers.content-type',
        accepted: ACCEPTED_CONTENT_TYPES,
      },
    },
  );
}

/**
 * yoga 5.24 lets JSON.parse errors of GET / form `variables` and `extensions` escape as 500s. The
 * parser's own text is left out: it echoes the parameter.
 */
function invalidJsonParameter(): GraphQLError {
  return createGraphQLError('The variables and extensions parameters must be JSON objects', {
    extensions: { http: { status: 400 }, code: 'BAD_REQUEST', field: 'request.params' },
  });
}

function isBodyTooLarge(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions?.code === 'REQUEST_ENTITY_TOO_LARGE';
}

/**
 * Transport refusals with clear messages. Yoga itself enforces `maxRequestBodySize` on the body
 * stream (which also covers chunked bodies) and answers 415 with an empty body; this plugin
 * refuses a declared Content-Length over the limit up front, renames yoga's "Request body too
 * large" to name the limit, gives 415 a message listing the accepted types, and turns malformed
 * JSON in GET / form parameters into 400 instead of yoga's 500.
 */
export function requestGuardPlugin(maxBodyBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method === 'POST') {
        const declared = request.headers.get('content-length');
        if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBodyBytes) {
          throw bodyTooLarge(maxBodyBytes, Number(declared));
        }
        if (requestParser === undefined) throw unsupportedMediaType(request.headers.get('content-type'));
      }
      if (requestParser === undefined) return;
      setRequestParser(async (parsed) => {
        try {
          return await requestParser(parsed);
        } catch (error) {
          if (isBodyTooLarge(error)) throw bodyTooLarge(maxBodyBytes);
          if (error instanceof SyntaxError) throw invalidJsonParameter();
          throw error;
        }
      });
    },
  };
}
