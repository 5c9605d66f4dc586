import { builder } from '../builder.js';
import { NumberFormatEnum } from './enums.js';

export const ThroughputRef = builder.simpleObject('Throughput', {
  description: 'Dense (not 2:4 sparse) peak throughput of one compute format.',
  fields: (t) => ({
    format: t.field({ type: NumberFormatEnum, description: 'Compute format.' }),
    flopsPerSecond: t.float({ description: 'Dense peak, FLOP/s (OP/s for integer formats).' }),
  }),
});
