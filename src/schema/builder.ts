import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { GraphQLError } from 'graphql';
import type { JsonObject } from '../core/architecture/index.js';
import type { Context } from './context.js';

/**
 * The one Pothos builder every type file registers into. Fields are non-null unless a field says
 * otherwise: the compute API always answers (a model that does not fit is `fits: false`).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    JSONObject: { Input: JsonObject; Output: JsonObject };
  };
}>({
  plugins: [ComplexityPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (ctx) => ctx.queryLimits,
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const max = result[`max${kind}` as 'maxComplexity' | 'maxDepth' | 'maxBreadth'];
      return new GraphQLError(`Query ${key} ${result[key]} exceeds the limit of ${max}`, {
        extensions: { code: 'BAD_USER_INPUT', field: `query.${key}`, limit: max },
      });
    },
  },
});
