/**
 * How many estimates a field asks for, declared next to the field: the one place a field that
 * computes estimates says so.
 *
 *   t.field({ ..., extensions: estimateCost((args) => compareSize(args.input)) })
 *
 * Before anything runs, the server (src/server/estimate-budget.ts) adds up the declared counts of
 * every selected field, alias and fragment, a field below a counted one once per estimate above
 * it, and refuses a request over its budget (MAX_ESTIMATES) with BAD_USER_INPUT. The count gets
 * the field's arguments with variables applied. Keep it cheap; it may throw a BAD_USER_INPUT
 * GraphQLError to refuse the request with a message of its own (compare names its dimensions).
 */
export const ESTIMATE_COST = 'estimateCost';

export type EstimateCount = (args: Record<string, unknown>) => number;

export function estimateCost<Args>(count: (args: Args) => number): { [ESTIMATE_COST]: EstimateCount } {
  return { [ESTIMATE_COST]: count as unknown as EstimateCount };
}

/** The declared count of a field (its `extensions`), if it has one. */
export function estimateCountOf(extensions: Readonly<Record<string, unknown>> | null | undefined) {
  const count = extensions?.[ESTIMATE_COST];
  return typeof count === 'function' ? (count as EstimateCount) : undefined;
}
