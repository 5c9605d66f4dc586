/**
 * The per-request estimate budget: however a request spreads its work over fields, aliases and
 * fragments, it may ask for at most MAX_ESTIMATES estimates, counted from the fields' own
 * declarations (src/schema/estimate-cost.ts) before any resolver runs. Over the budget, the
 * request is refused with BAD_USER_INPUT naming the budget, and nothing is computed.
 */
import {
  type ExecutionArgs,
  type FieldNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { COMPARE_LIMIT, estimateCountOf } from '../schema/index.js';

/** About one full-size comparison. */
export const DEFAULT_MAX_ESTIMATES = COMPARE_LIMIT;

interface Walk {
  schema: GraphQLSchema;
  args: ExecutionArgs;
  variables: Record<string, unknown>;
  /** Fragments already counted on this path (validation refuses cycles; this is a guard). */
  seen: Set<string>;
}

function countSelection(
  walk: Walk,
  type: GraphQLObjectType,
  selections: SelectionSetNode,
  times: number,
): number {
  let total = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) total += countField(walk, type, selection, times);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : type;
      if (isObjectType(condition)) total += countSelection(walk, condition, selection.selectionSet, times);
    } else {
      const name = selection.name.value;
      const fragment = walk.args.document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
      );
      if (fragment?.kind !== Kind.FRAGMENT_DEFINITION || walk.seen.has(name)) continue;
      const condition = walk.schema.getType(fragment.typeCondition.name.value);
      if (!isObjectType(condition)) continue;
      walk.seen.add(name);
      total += countSelection(walk, condition, fragment.selectionSet, times);
      walk.seen.delete(name);
    }
  }
  return total;
}

function countField(walk: Walk, type: GraphQLObjectType, node: FieldNode, times: number): number {
  const field = type.getFields()[node.name.value];
  if (field === undefined) return 0;
  const count = estimateCountOf(field.extensions);
  let own = 0;
  let below = times;
  if (count !== undefined) {
    const each = Math.max(0, count(getArgumentValues(field, node, walk.variables)));
    own = times * each;
    below = times * each;
  }
  const child = getNamedType(field.type);
  if (node.selectionSet === undefined || !isObjectType(child)) return own;
  return own + countSelection(walk, child, node.selectionSet, below);
}

/**
 * Estimates an operation asks for, from the fields' declared counts; undefined when its variables
 * do not coerce (execution then refuses the request without running anything); the error when a
 * field's count refused its input.
 */
export function estimatesAsked(args: ExecutionArgs): number | undefined | GraphQLError {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'query') return 0;
  const root = args.schema.getQueryType();
  if (!root) return 0;
  const coerced = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    (args.variableValues ?? {}) as Record<string, unknown>,
  );
  if (coerced.errors) return undefined;
  try {
    return countSelection(
      { schema: args.schema, args, variables: coerced.coerced, seen: new Set() },
      root,
      operation.selectionSet,
      1,
    );
  } catch (error) {
    // A count may refuse its field with a message of its own (compare names its dimensions).
    if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') return error;
    // An argument that does not coerce: execution reports it without computing anything.
    return undefined;
  }
}

const counted = new WeakMap<object, ReturnType<typeof estimatesAsked>>();

/** estimatesAsked, once per request (the budget and fair use both ask). */
export function estimatesOf(args: ExecutionArgs): ReturnType<typeof estimatesAsked> {
  const context = args.contextValue;
  if (typeof context !== 'object' || context === null) return estimatesAsked(args);
  if (!counted.has(context)) counted.set(context, estimatesAsked(args));
  return counted.get(context);
}

export function budgetError(asked: number, budget: number): GraphQLError {
  return new GraphQLError(
    `Request asks for ${asked} estimates, over the budget of ${budget} estimates per request (MAX_ESTIMATES), counted over all its fields and aliases; split it into several requests`,
    { extensions: { code: 'BAD_USER_INPUT', field: 'request.estimates', limit: budget } },
  );
}

/** Refuses operations over `maxEstimates` before execution. */
export function estimateBudgetPlugin(maxEstimates: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const asked = estimatesOf(args as ExecutionArgs);
      if (asked === undefined) return;
      // data: null, as for the cost limit: the operation was valid but is not run.
      if (asked instanceof GraphQLError) {
        setResultAndStopExecution({ data: null, errors: [asked] });
        return;
      }
      if (asked > maxEstimates) {
        setResultAndStopExecution({ data: null, errors: [budgetError(asked, maxEstimates)] });
      }
    },
  };
}
