import { readFileSync } from 'node:fs';
import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

const ownTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
const isBuiltIn = (type: GraphQLNamedType) => ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name);

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run codegen` after changing the schema)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(lexicographicSortSchema(schema)).trimEnd()).toBe(committed.trimEnd());
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    for (const type of ownTypes.filter((t) => !isBuiltIn(t))) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args)
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps every name of the API contract (DESIGN.md section 3)', () => {
    const contract: Record<string, string[]> = {
      Query: ['models', 'model', 'gpus', 'gpu', 'estimate', 'compare'],
      EstimateInput: [
        'model',
        'gpu',
        'gpuCount',
        'weightFormat',
        'kvCacheFormat',
        'computeFormat',
        'inputTokens',
        'outputTokens',
        'batchSize',
      ],
      CompareInput: [
        'models',
        'gpus',
        'weightFormats',
        'kvCacheFormats',
        'inputTokens',
        'outputTokens',
        'batchSize',
        'gpuCount',
      ],
      Model: [
        'id',
        'name',
        'family',
        'aliases',
        'source',
        'parameterCount',
        'activeParameterCount',
        'layers',
        'hiddenSize',
        'intermediateSize',
        'attentionHeads',
        'kvHeads',
        'headDim',
        'vocabSize',
        'contextWindow',
        'slidingWindow',
        'experts',
        'expertsPerToken',
        'tiedEmbeddings',
        'weightsBytes',
        'kvCacheBytesPerToken',
      ],
      Gpu: [
        'id',
        'name',
        'vendor',
        'aliases',
        'source',
        'memoryBytes',
        'memoryBandwidthBytesPerSecond',
        'interconnectBandwidthBytesPerSecond',
        'tdpWatts',
        'peakFlops',
        'throughputs',
      ],
      Estimate: [
        'model',
        'gpu',
        'fits',
        'memory',
        'maxContextLength',
        'prefill',
        'decode',
        'timeToFirstTokenSeconds',
        'timePerOutputTokenSeconds',
        'totalSeconds',
        'outputTokensPerSecond',
        'attentionShare',
      ],
      MemoryBreakdown: [
        'weightsBytes',
        'kvCacheBytes',
        'activationsBytes',
        'overheadBytes',
        'totalBytes',
        'capacityBytes',
        'freeBytes',
      ],
      ContextLimit: ['tokens', 'limitedBy'],
      PhaseCost: ['seconds', 'flops', 'bytes', 'bound', 'operators'],
      OperatorCost: ['name', 'seconds', 'flops', 'bytes', 'bound'],
      AttentionShare: ['prefillTimeRatio', 'prefillFlopsRatio', 'decodeTimeRatio'],
      Throughput: ['format', 'flopsPerSecond'],
    };
    for (const [typeName, fields] of Object.entries(contract)) {
      const type = schema.getType(typeName);
      expect(type, typeName).toBeDefined();
      const names = Object.keys((type as { getFields: () => Record<string, unknown> }).getFields());
      expect(names, typeName).toEqual(expect.arrayContaining(fields));
    }
    const valuesOf = (name: string) => {
      const type = schema.getType(name);
      return isEnumType(type)
        ? type
            .getValues()
            .map((v) => v.name)
            .sort()
        : [];
    };
    // Section 3's formats, plus section 4.2's NVFP4, MXFP4 and (weights only) NATIVE.
    expect(valuesOf('NumberFormat')).toEqual([
      'BF16',
      'FP16',
      'FP32',
      'FP8',
      'INT4',
      'INT8',
      'MXFP4',
      'NATIVE',
      'NVFP4',
      'TF32',
    ]);
    expect(valuesOf('ContextLimitReason')).toEqual(['CONTEXT_WINDOW', 'MEMORY', 'WEIGHTS_DO_NOT_FIT']);
  });

  it('uses Float for byte counts and FLOPs, which overflow Int', () => {
    const offenders: string[] = [];
    for (const type of ownTypes) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const named = String(field.type).replace(/[[\]!]/g, '');
        if (/(Bytes|Flops|flops|bytes|PerSecond|ParameterCount)$/.test(field.name) && named === 'Int') {
          offenders.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
