/**
 * The "every field" selections of all-fields.ts, checked against the schema: each must select every field of
 * every object type it reaches, so a field added to the schema cannot be left out of the contract tests.
 */
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { ESTIMATE_FIELDS, GPU_FIELDS, MODEL_FIELDS, PLAN_FIELDS } from './all-fields.js';

/** `Type.field` for every field of every object type reachable from `root`. */
function reachableFields(root: GraphQLObjectType): Set<string> {
  const fields = new Set<string>();
  const seen = new Set<GraphQLNamedType>();
  const walk = (type: GraphQLObjectType) => {
    if (seen.has(type)) return;
    seen.add(type);
    for (const field of Object.values(type.getFields())) {
      fields.add(`${type.name}.${field.name}`);
      const inner = getNamedType(field.type);
      if (isObjectType(inner)) walk(inner);
    }
  };
  walk(root);
  return fields;
}

/** `Type.field` for every field a selection on `root` (through a query field `via`) selects. */
function selectedFields(via: string, selection: string): Set<string> {
  const selected = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    parse(`{ ${via} { ${selection} } }`),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent) selected.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return selected;
}

function missing(rootType: string, via: string, selection: string): string[] {
  const root = schema.getType(rootType);
  if (!isObjectType(root)) throw new Error(`${rootType} is not an object type`);
  const selected = selectedFields(via, selection);
  return [...reachableFields(root)].filter((field) => !selected.has(field));
}

describe('the every-field selections cover the schema', () => {
  it('notices a field that is left out (the check itself works)', () => {
    expect(missing('Gpu', 'gpu(id: "h100")', 'id')).toContain('Gpu.memoryBytes');
  });

  it.each([
    [
      'Estimate',
      'estimate(input: { model: "m", gpu: "g", inputTokens: 1, outputTokens: 1 })',
      ESTIMATE_FIELDS,
    ],
    ['Model', 'model(id: "m")', MODEL_FIELDS],
    ['Gpu', 'gpu(id: "g")', GPU_FIELDS],
    ['Plan', 'plan(input: { model: "m", inputTokens: 1, outputTokens: 1 })', PLAN_FIELDS],
  ])('%s: every field of every type it reaches', (rootType, via, selection) => {
    expect(missing(rootType, via, selection)).toEqual([]);
  });
});
