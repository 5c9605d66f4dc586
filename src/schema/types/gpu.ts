import {
  type GpuSpec,
  gpuPriceEntry,
  listPriceDollarsPerHour,
  NUMBER_FORMATS,
  type NumberFormat,
  networkBytesPerSecond,
} from '../../core/index.js';
import { builder } from '../builder.js';
import { GpuGenerationEnum, GpuVendorEnum, MemoryBytesBasisEnum, NumberFormatEnum } from './enums.js';
import { ThroughputRef } from './throughput.js';

export const GpuRef = builder.objectRef<GpuSpec>('Gpu');

function throughputs(gpu: GpuSpec): { format: NumberFormat; flopsPerSecond: number }[] {
  return NUMBER_FORMATS.flatMap((format) => {
    const flopsPerSecond = gpu.peakFlops[format];
    return flopsPerSecond === undefined ? [] : [{ format, flopsPerSecond }];
  });
}

GpuRef.implement({
  description: 'A GPU with its datasheet figures. Custom GPUs have the id "custom:<name>".',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Catalog id (lower-case, stable), or "custom:<name>".' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    vendor: t.field({ type: GpuVendorEnum, description: 'Maker.', resolve: (gpu) => gpu.vendor }),
    generation: t.field({
      type: GpuGenerationEnum,
      description: 'Architecture generation.',
      resolve: (gpu) => gpu.generation,
    }),
    aliases: t.exposeStringList('aliases', {
      description:
        'Other names accepted wherever a GPU id is (case-insensitive), such as the notebook names.',
    }),
    source: t.exposeString('source', { description: 'Where the datasheet figures come from.' }),
    memoryBytes: t.exposeFloat('memoryBytes', {
      description: 'Memory of one GPU, bytes: the driver-reported total where known (see memoryBytesBasis).',
    }),
    memoryBytesBasis: t.field({
      type: MemoryBytesBasisEnum,
      description: 'Whether memoryBytes is the driver-reported total or the marketed size.',
      resolve: (gpu) => gpu.memoryBytesBasis,
    }),
    memoryBandwidthBytesPerSecond: t.exposeFloat('memoryBandwidthBytesPerSecond', {
      description: 'Peak memory bandwidth, bytes/s.',
    }),
    interconnectBandwidthBytesPerSecond: t.exposeFloat('interconnectBandwidthBytesPerSecond', {
      description: 'GPU-to-GPU bandwidth per direction (NVLink / Infinity Fabric, else PCIe), bytes/s.',
    }),
    networkBandwidthBytesPerSecond: t.float({
      description:
        "Network bandwidth per GPU between nodes of the GPU's platform, bytes/s: its reference server's NICs (DGX A100 200 Gb/s, DGX B300 800 Gb/s per GPU), else 400 Gb/s InfiniBand per GPU as in DGX H100/H200/B200. Collectives that span nodes run at the slower of it and the interconnect.",
      resolve: (gpu) => networkBytesPerSecond(gpu),
    }),
    tdpWatts: t.float({
      nullable: true,
      description: 'Board power (TDP), watts; null for a custom GPU given without it.',
      resolve: (gpu) => gpu.tdpWatts,
    }),
    peakFlops: t.float({
      nullable: true,
      description:
        'Dense peak throughput in a compute format, FLOP/s (OP/s for integers); null when the GPU has no such path.',
      args: { format: t.arg({ type: NumberFormatEnum, required: true, description: 'Compute format.' }) },
      resolve: (gpu, { format }) => (format === 'NATIVE' ? null : (gpu.peakFlops[format] ?? null)),
    }),
    listPriceDollarsPerHour: t.float({
      nullable: true,
      description:
        'Public on-demand cloud list price of one GPU, US dollars per hour (data/gpu-prices.json; see listPriceSource); null when none was found, and for custom GPUs. A plan can override it (PlanInput.gpuPrices).',
      resolve: (gpu) => listPriceDollarsPerHour(gpu.id),
    }),
    listPriceSource: t.string({
      nullable: true,
      description:
        'Where listPriceDollarsPerHour comes from: the provider, the date the source gives and its address; or why there is no price.',
      resolve: (gpu) => {
        const entry = gpuPriceEntry(gpu.id);
        if (entry === undefined) return null;
        if (entry.dollarsPerHour === null) return entry.note ?? null;
        return `${entry.provider}, ${entry.asOf}: ${entry.source}`;
      },
    }),
    throughputs: t.field({
      type: [ThroughputRef],
      description: 'Every compute format the GPU has a dense peak for, in NumberFormat order.',
      resolve: throughputs,
    }),
  }),
});
