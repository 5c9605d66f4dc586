/**
 * Built-in accelerators, as plain data.
 *
 * Conventions:
 * - memoryBytes: the total `nvidia-smi` prints ("N MiB" x 1048576) with a current driver, or `rocm-smi`'s
 *   "VRAM Total Memory (B)" for AMD (memoryBytesBasis 'DRIVER'). Note that what CUDA can allocate is smaller still
 *   (e.g. H100 SXM: nvidia-smi 81559 MiB, cudaGetDeviceProperties 81106 MiB; A100-SXM4-40GB: 40960 vs 40339 MiB),
 *   and older drivers printed smaller totals (V100 32GB: 32510 MiB instead of 32768 MiB). The runtime overhead in
 *   the memory model has to cover that gap.
 * - memoryBandwidthBytesPerSecond: datasheet peak, decimal (1 TB/s = 1e12 B/s).
 * - interconnectBandwidthBytesPerSecond: GPU-to-GPU bandwidth PER DIRECTION. NVIDIA quotes NVLink as the
 *   bidirectional total, so it is halved here; PCIe x16 is ~32 GB/s per direction at Gen4, ~64 GB/s at Gen5,
 *   ~16 GB/s at Gen3.
 * - peakFlops: DENSE peak per compute format in FLOP/s (OP/s for INT8/INT4). Datasheets of Ampere-and-later print
 *   2:4-sparse tensor figures (marked "*"); those are halved here. FP32 is the non-tensor (vector) FP32 rate.
 *   A format is listed only where the GPU has a hardware path for it (no FP8 before Ada/Hopper, no BF16/TF32/INT8
 *   tensor path on Volta, no INT4 tensor path on Hopper/Blackwell in NVIDIA's datasheets).
 * - GeForce cards (RTX 4090, RTX 3090) list the FP16/BF16/FP8 rates with FP32 accumulate, which is what cuBLAS
 *   FP16 GEMMs get; the FP16-accumulate rate is twice that.
 */
import type { GpuSpec } from '../types.js';

/** Bytes in one MiB (nvidia-smi prints MiB). */
const MiB = 1_048_576;

// Shared sources.
const STAS =
  'stas00/ml-engineering compute/accelerator/README.md @ 744d01e18b79512572f64a6bbd8b5f4a725203a7 (TFLOPS table without sparsity)';
const MODAL_SMI =
  'https://github.com/modal-labs/modal-client/pull/2797 (nvidia-smi totals: H100 81559MiB, A100 80GB 81920MiB, ' +
  'A100 40GB 40960MiB, A10 23028MiB, L40S 46068MiB, L4 23034MiB)';
const A100_DATASHEET =
  'NVIDIA A100 datasheet nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf via https://glennklockwood.com/garden/processors/A100 ' +
  'and https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide (bandwidth/TDP per variant)';
const H100_PAGE =
  'NVIDIA H100 product page/datasheet (https://www.nvidia.com/en-us/data-center/h100/, sparse "*" figures halved) as ' +
  'tabulated in https://glennklockwood.com/garden/processors/h100';
const H200_PAGE =
  'NVIDIA H200 product page (https://www.nvidia.com/en-us/data-center/h200/) as quoted in public notes found via code ' +
  'search: SXM FP8 3,958* / BF16 1,979* / TF32 989*, NVL FP8 3,341* / BF16 1,671* / TF32 835*, FP32 67 / 60, ' +
  '141GB, 4.8TB/s, up to 700W / 600W, NVLink 900GB/s (NVL: 2- or 4-way bridge, 900GB/s per GPU); "*" = with sparsity';
const NVSMI_CODE = 'nvidia-smi printouts in several public repositories found via code search';

export const BUILTIN_GPUS: GpuSpec[] = [
  // ---------------------------------------------------------------- Volta
  {
    id: 'v100-sxm2-32gb',
    name: 'NVIDIA Tesla V100 SXM2 32GB',
    vendor: 'NVIDIA',
    generation: 'VOLTA',
    aliases: ['V100', 'V100-SXM2', 'Tesla V100-SXM2-32GB', 'V100-32GB'],
    source:
      'Compute: https://developer.nvidia.com/programming-tensor-cores-cuda-9-0 ("up to 125 Tensor TFLOPS"), V100 datasheet ' +
      'FP32 15.7 TFLOPS, 900 GB/s (cli99/llm-analysis gpu_configs/v100-sxm-32gb.json; winston-zhang-orz/gpu-specs ' +
      `specs.md). Memory/TDP: ${NVSMI_CODE} ("Tesla V100-SXM2-32GB ... 300W | 0MiB / 32768MiB" with current drivers; older ` +
      'drivers print 32510MiB). NVLink2 300 GB/s total: datasheet value recalled, unverified in a source here.',
    memoryBytes: 32768 * MiB, // 32 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 900e9, // 900 GB/s HBM2
    interconnectBandwidthBytesPerSecond: 150e9, // NVLink2: 6 links x 25 GB/s per direction (300 GB/s bidirectional)
    // DGX-1: four 100 Gb/s EDR InfiniBand NICs for 8 GPUs (https://www.naddod.com/blog/hpc-networking-delivering-high-performance-for-dgx-server).
    networkBandwidthBytesPerSecond: 50e9 / 8,
    tdpWatts: 300,
    peakFlops: {
      FP32: 15.7e12, // non-tensor
      FP16: 125e12, // tensor cores (Volta has no sparsity); no BF16/TF32/INT8/FP8 tensor path
    },
  },
  {
    id: 'v100-pcie-32gb',
    name: 'NVIDIA Tesla V100 PCIe 32GB',
    vendor: 'NVIDIA',
    generation: 'VOLTA',
    aliases: ['V100-PCIe', 'Tesla V100-PCIE-32GB'],
    source:
      'Compute: V100 datasheet (FP16 tensor 112 TFLOPS, FP32 14 TFLOPS, 900 GB/s, 250 W) as tabulated in ' +
      'cli99/llm-analysis gpu_configs/v100-pcie-32gb.json and winston-zhang-orz/gpu-specs specs.md @ ' +
      `097f0fb34b7530bb7aa83535e5170a4c6701b5d7. Memory/TDP: ${NVSMI_CODE} ("Tesla V100-PCIE-32GB ... 250W | 0MiB / ` +
      '32768MiB") and https://github.com/akash-network/provider-configs/pull/90 ("32768 MiB"). Interconnect: PCIe Gen3 x16.',
    memoryBytes: 32768 * MiB, // 32 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 900e9, // 900 GB/s HBM2
    interconnectBandwidthBytesPerSecond: 16e9, // PCIe Gen3 x16, ~16 GB/s per direction
    tdpWatts: 250,
    peakFlops: {
      FP32: 14e12,
      FP16: 112e12, // tensor cores
    },
  },
  // ---------------------------------------------------------------- Ampere (data center)
  {
    id: 'a100-sxm4-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['A100-40GB', 'A100-SXM-40GB', 'NVIDIA A100-SXM4-40GB'],
    source:
      `Compute/bandwidth/TDP: ${A100_DATASHEET}; ${STAS}. Memory: Slusheeking/nextgen docs/SYSTEM_HARDWARE.md ` +
      `("NVIDIA A100-SXM4-40GB ... 400W | 1MiB / 40960MiB", driver 570) and ${MODAL_SMI}. NVLink3 600 GB/s total.`,
    memoryBytes: 40960 * MiB, // 40 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1555e9, // 1,555 GB/s HBM2
    interconnectBandwidthBytesPerSecond: 300e9, // NVLink3: 600 GB/s bidirectional
    // DGX A100: eight single-port ConnectX-6 200 Gb/s HDR InfiniBand NICs, one per GPU (https://developer.nvidia.com/blog/defining-ai-innovation-with-dgx-a100).
    networkBandwidthBytesPerSecond: 200e9 / 8,
    tdpWatts: 400,
    peakFlops: {
      FP32: 19.5e12,
      TF32: 156e12, // 312 sparse
      BF16: 312e12, // 624 sparse
      FP16: 312e12,
      INT8: 624e12, // 1248 sparse
      INT4: 1248e12, // 2496 sparse
    },
  },
  {
    id: 'a100-sxm4-80gb',
    name: 'NVIDIA A100 SXM4 80GB',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['A100', 'A100-80GB', 'A100-SXM', 'A100-SXM-80GB', 'NVIDIA A100-SXM4-80GB'],
    source:
      `Compute/bandwidth/TDP: ${A100_DATASHEET}; ${STAS}. Memory: ${MODAL_SMI}; ${NVSMI_CODE} ("NVIDIA A100-SXM4-80GB ` +
      '... 400W | 0MiB / 81920MiB"); same board total on https://github.com/dexmal/dexbotic/issues/41 (A800-SXM4-80GB). ' +
      'NVLink3 600 GB/s total (glennklockwood: 300+300 GB/s).',
    memoryBytes: 81920 * MiB, // 80 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 2039e9, // 2,039 GB/s HBM2e
    interconnectBandwidthBytesPerSecond: 300e9, // NVLink3: 600 GB/s bidirectional
    // DGX A100: eight single-port ConnectX-6 200 Gb/s HDR InfiniBand NICs, one per GPU (https://developer.nvidia.com/blog/defining-ai-innovation-with-dgx-a100).
    networkBandwidthBytesPerSecond: 200e9 / 8,
    tdpWatts: 400,
    peakFlops: {
      FP32: 19.5e12,
      TF32: 156e12,
      BF16: 312e12,
      FP16: 312e12,
      INT8: 624e12,
      INT4: 1248e12,
    },
  },
  {
    id: 'a100-pcie-40gb',
    name: 'NVIDIA A100 PCIe 40GB',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['A100-PCIe-40', 'NVIDIA A100-PCIE-40GB'],
    source:
      `Compute/bandwidth/TDP: ${A100_DATASHEET}; ${STAS}. Memory: ${NVSMI_CODE} ("NVIDIA A100-PCIE-40GB ... 250W | ` +
      '1MiB / 40960MiB"). Interconnect: PCIe Gen4 x16 (an optional 2-GPU NVLink bridge exists; not assumed).',
    memoryBytes: 40960 * MiB, // 40 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1555e9, // 1,555 GB/s HBM2
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16, ~32 GB/s per direction
    tdpWatts: 250,
    peakFlops: {
      FP32: 19.5e12,
      TF32: 156e12,
      BF16: 312e12,
      FP16: 312e12,
      INT8: 624e12,
      INT4: 1248e12,
    },
  },
  {
    id: 'a100-pcie-80gb',
    name: 'NVIDIA A100 PCIe 80GB',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['A100-PCIe', 'A100 80GB PCIe', 'NVIDIA A100 80GB PCIe'],
    source:
      `Compute/bandwidth/TDP: ${A100_DATASHEET}; ${STAS} (1.94 TB/s). Memory: ${NVSMI_CODE} ("NVIDIA A100 80GB PCIe ... ` +
      '300W | 0MiB / 81920MiB"). Interconnect: PCIe Gen4 x16 (optional NVLink bridge not assumed).',
    memoryBytes: 81920 * MiB, // 80 GiB
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1935e9, // 1,935 GB/s HBM2e
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 300,
    peakFlops: {
      FP32: 19.5e12,
      TF32: 156e12,
      BF16: 312e12,
      FP16: 312e12,
      INT8: 624e12,
      INT4: 1248e12,
    },
  },
  // ---------------------------------------------------------------- Hopper
  {
    id: 'h100-sxm5-80gb',
    name: 'NVIDIA H100 SXM5 80GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['H100', 'H100-SXM', 'H100-SXM5', 'H100-80GB', 'NVIDIA H100 80GB HBM3'],
    source:
      `Compute: ${H100_PAGE} (dense FP16 989.4, FP8 1978.9); ${STAS}. 3.35 TB/s, 700 W, NVLink4 900 GB/s: glennklockwood. ` +
      `Memory: https://github.com/wilicc/gpu-burn/issues/114 and https://github.com/NVIDIA/nccl/issues/1264 ("NVIDIA H100 ` +
      `80GB HBM3 ... 700W | 81559MiB"); ${MODAL_SMI}.`,
    memoryBytes: 81559 * MiB, // ~79.6 GiB visible of 80 GB HBM3
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 3.35e12, // 3.35 TB/s HBM3
    interconnectBandwidthBytesPerSecond: 450e9, // NVLink4: 900 GB/s bidirectional
    tdpWatts: 700,
    peakFlops: {
      FP32: 67e12,
      TF32: 494.5e12, // 989 sparse
      BF16: 989e12, // 1979 sparse
      FP16: 989e12,
      FP8: 1979e12, // 3958 sparse
      INT8: 1979e12, // 3958 sparse; Hopper has no INT4 tensor path
    },
  },
  {
    id: 'h100-pcie-80gb',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['H100-PCIe', 'NVIDIA H100 PCIe'],
    source:
      `Compute: ${STAS} (dense FP16 756, FP8 1513; NVIDIA prints 1513/3026 "with sparsity", see ` +
      'https://github.com/qoofyk/LLM_Sizing_Guide/issues/3); TDP 350 W and ">2,000 GB/s": NVIDIA H100 PCIe product brief ' +
      `PB-11133-001_v02 (mirror https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd). ` +
      `Memory: ${NVSMI_CODE} ("NVIDIA H100 PCIe ... 350W | 1MiB / 81559MiB"). Interconnect: PCIe Gen5 x16 (optional ` +
      'NVLink bridge not assumed).',
    memoryBytes: 81559 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 2.0e12, // 2.0 TB/s HBM2e
    interconnectBandwidthBytesPerSecond: 64e9, // PCIe Gen5 x16, ~64 GB/s per direction
    tdpWatts: 350,
    peakFlops: {
      FP32: 51e12,
      TF32: 378e12, // 756 sparse
      BF16: 756e12, // 1513 sparse
      FP16: 756e12,
      FP8: 1513e12, // 3026 sparse
      INT8: 1513e12,
    },
  },
  {
    id: 'h100-nvl-94gb',
    name: 'NVIDIA H100 NVL 94GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['H100-NVL', 'NVIDIA H100 NVL'],
    source:
      'Compute: NVIDIA H100 product page, NVL column (FP32 60, TF32 835*, BF16/FP16 1,671*, FP8/INT8 3,341* with sparsity; ' +
      '94 GB, 3.9 TB/s, 350-400 W configurable, NVLink bridge 600 GB/s), as quoted in public notes found via code search and ' +
      'https://www.thundercompute.com/blog/nvidia-h100-specs-full-guide (94 GB @ 3.9 TB/s). Memory: ' +
      `${NVSMI_CODE} ("NVIDIA H100 NVL ... 400W | 0MiB / 95830MiB").`,
    memoryBytes: 95830 * MiB, // ~93.6 GiB of 94 GB HBM3
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 3.9e12, // 3.9 TB/s HBM3
    interconnectBandwidthBytesPerSecond: 300e9, // NVLink bridge: 600 GB/s bidirectional
    tdpWatts: 400, // 350-400 W configurable
    peakFlops: {
      FP32: 60e12,
      TF32: 417.5e12, // 835 sparse
      BF16: 835.5e12, // 1,671 sparse
      FP16: 835.5e12,
      FP8: 1670.5e12, // 3,341 sparse
      INT8: 1670.5e12,
    },
  },
  {
    id: 'h200-sxm-141gb',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['H200', 'H200-SXM', 'NVIDIA H200'],
    source:
      `Compute/TDP/NVLink: ${H200_PAGE}; ${STAS}. 141 GB @ 4.8 TB/s: NVIDIA/TensorRT-LLM docs/source/blogs/H200launch.md. ` +
      `Memory: ${NVSMI_CODE} ("NVIDIA H200 ... 700W | 0MiB / 143771MiB").`,
    memoryBytes: 143771 * MiB, // ~140.4 GiB of 141 GB HBM3e
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 4.8e12, // 4.8 TB/s HBM3e
    interconnectBandwidthBytesPerSecond: 450e9, // NVLink4: 900 GB/s bidirectional
    tdpWatts: 700,
    peakFlops: {
      FP32: 67e12,
      TF32: 494.5e12,
      BF16: 989e12,
      FP16: 989e12,
      FP8: 1979e12,
      INT8: 1979e12,
    },
  },
  {
    id: 'h200-nvl-141gb',
    name: 'NVIDIA H200 NVL 141GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['H200-NVL', 'NVIDIA H200 NVL'],
    source:
      `Compute/TDP/NVLink: ${H200_PAGE}. Memory: ${NVSMI_CODE} ("NVIDIA H200 NVL (143771 MiB, driver 570.195.03)"; ` +
      'another lists "power limit 600 W"). NVIDIA gives the NVL bridge as 900 GB/s per GPU (2- or 4-way), not 600.',
    memoryBytes: 143771 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 4.8e12, // 4.8 TB/s HBM3e
    interconnectBandwidthBytesPerSecond: 450e9, // NVLink bridge: 900 GB/s bidirectional per GPU
    tdpWatts: 600, // up to 600 W configurable
    peakFlops: {
      FP32: 60e12,
      TF32: 417.5e12, // 835 sparse
      BF16: 835.5e12, // 1,671 sparse
      FP16: 835.5e12,
      FP8: 1670.5e12, // 3,341 sparse
      INT8: 1670.5e12,
    },
  },
  // ---------------------------------------------------------------- Blackwell
  {
    id: 'b200-sxm-180gb',
    name: 'NVIDIA B200 SXM 180GB',
    vendor: 'NVIDIA',
    generation: 'BLACKWELL',
    aliases: ['B200', 'B200-SXM', 'NVIDIA B200'],
    source:
      `Compute: ${STAS} (per-GPU dense figures from the DGX B200 datasheet: FP32 80, TF32 1125, BF16/FP16 2250, FP8/INT8 ` +
      '4500; FP32 80 unverified elsewhere); pytorch/ao torchao/testing/training/roofline_utils.py (bf16 2.25e15, fp8 4.5e15). ' +
      '8 TB/s and NVLink5 1.8 TB/s per GPU: NVIDIA HGX/DGX B200 (DGX aggregate / 8). Memory and TDP: ' +
      'https://github.com/NVIDIA/TensorRT-LLM/issues/10278 ("NVIDIA B200 ... 1000W | 183359MiB").',
    memoryBytes: 183359 * MiB, // ~179 GiB visible (marketed 180 GB; 192 GB physical)
    memoryBytesBasis: 'DRIVER',
    // Datasheet 8 TB/s. https://github.com/pytorch/ao/pull/4002 derives 7.67 TB/s from the driver-reported
    // 7680-bit bus x 3996 MHz; we keep the datasheet figure.
    memoryBandwidthBytesPerSecond: 8e12,
    interconnectBandwidthBytesPerSecond: 900e9, // NVLink5: 1.8 TB/s bidirectional
    tdpWatts: 1000,
    peakFlops: {
      FP32: 80e12, // unverified outside stas00's table
      TF32: 1125e12,
      BF16: 2250e12,
      FP16: 2250e12,
      FP8: 4500e12,
      INT8: 4500e12,
      // FP4 (NVFP4 and MXFP4 alike): NVIDIA HGX B200 table "FP4 Tensor Core 18 PFLOPS" with sparsity
      // (verbatim copy at https://zdszero.github.io/Computer/Artificial_Intelligence/Hardware.html), dense = half.
      NVFP4: 9000e12,
      MXFP4: 9000e12,
    },
  },
  // ---------------------------------------------------------------- Ada
  {
    id: 'l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    generation: 'ADA',
    aliases: ['NVIDIA L4', 'L4-24GB'],
    source:
      'Compute: NVIDIA L4 datasheet (only sparse "*" tensor figures: TF32 120*, FP16/BF16 242*, FP8/INT8 485*; FP32 30.3; ' +
      '300 GB/s; 72 W) via https://grokipedia.com/page/NVIDIA_L4_vs_L40S and ' +
      'https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820; dense = sparse / 2 (FP8 rounded to 2x FP16). ' +
      `Memory: ${MODAL_SMI}; ${NVSMI_CODE} ("NVIDIA L4 ... 72W | 0MiB / 23034MiB"). Interconnect: PCIe Gen4 x16.`,
    memoryBytes: 23034 * MiB, // 24 GB GDDR6 less ECC/reserved
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 300e9, // 300 GB/s GDDR6
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16, no NVLink
    tdpWatts: 72,
    peakFlops: {
      FP32: 30.3e12,
      TF32: 60e12, // 120 sparse
      BF16: 121e12, // 242 sparse
      FP16: 121e12,
      FP8: 242e12, // 485 sparse (484.6 exactly: 2x the FP16 rate)
      INT8: 242e12,
    },
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    vendor: 'NVIDIA',
    generation: 'ADA',
    aliases: ['NVIDIA L40S', 'L40S-48GB'],
    source:
      `Compute: NVIDIA L40S datasheet dense figures (TF32 183, BF16/FP16 362.05, FP8/INT8/INT4 733; FP32 91.6; 864 GB/s; ` +
      `350 W) via ${STAS}, winston-zhang-orz/gpu-specs specs.md @ 097f0fb34b7530bb7aa83535e5170a4c6701b5d7 and ` +
      `https://grokipedia.com/page/NVIDIA_L4_vs_L40S (FP8 1,466 sparse). Memory: ${MODAL_SMI}; ${NVSMI_CODE} ` +
      '("NVIDIA L40S ... 350W | 1MiB / 46068MiB"). Interconnect: PCIe Gen4 x16, no NVLink.',
    memoryBytes: 46068 * MiB, // 48 GB GDDR6 (ECC) less reserved
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 864e9, // 864 GB/s GDDR6
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 350,
    peakFlops: {
      FP32: 91.6e12,
      TF32: 183e12, // 366 sparse
      // The datasheet prints 362.05 dense next to 733 sparse (and FP8 733 dense): FP8/FP16 = 2.02, not exactly 2.
      BF16: 362.05e12,
      FP16: 362.05e12,
      FP8: 733e12, // 1,466 sparse
      INT8: 733e12,
      INT4: 733e12, // datasheet lists INT4 = INT8 on L40S
    },
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    vendor: 'NVIDIA',
    generation: 'ADA',
    aliases: ['RTX4090', 'RTX 4090', '4090', 'NVIDIA GeForce RTX 4090'],
    source:
      'NVIDIA Ada GPU Architecture whitepaper v2.1 Appendix A (GeForce RTX 4090): FP32 82.6, FP16/BF16 tensor with FP32 ' +
      'accumulate 165.2/330.4, FP8 with FP32 accumulate 330.3/660.6 (corrected in v2.02), INT8 660.6/1321.2, 1008 GB/s, ' +
      '450 W, as quoted in public code found via code search; TF32 82.6 and INT4 1321.2 from ' +
      `https://waredb.com/processor/nvidia-geforce-rtx-4090. Memory: ${NVSMI_CODE} ("NVIDIA GeForce RTX 4090 | 24564 MiB"). ` +
      'Interconnect: PCIe Gen4 x16, no NVLink.',
    memoryBytes: 24564 * MiB, // 24 GB GDDR6X
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1008e9, // 1,008 GB/s GDDR6X
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 450,
    peakFlops: {
      FP32: 82.6e12,
      TF32: 82.6e12,
      BF16: 165.2e12, // FP32 accumulate (GeForce half rate)
      FP16: 165.2e12, // FP32 accumulate; 330.3 with FP16 accumulate
      FP8: 330.3e12, // FP32 accumulate; 660.6 with FP16 accumulate
      INT8: 660.6e12,
      INT4: 1321.2e12,
    },
  },
  // ---------------------------------------------------------------- Ampere (GA102)
  {
    id: 'a10',
    name: 'NVIDIA A10',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['NVIDIA A10', 'A10-24GB'],
    source:
      'NVIDIA A10 datasheet (FP32 31.2, TF32 62.5/125*, BF16/FP16 125/250*, INT8 250/500*, INT4 500/1000*, 600 GB/s, 150 W) ' +
      'as tabulated in winston-zhang-orz/gpu-specs specs.md @ 097f0fb34b7530bb7aa83535e5170a4c6701b5d7; ' +
      `https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/ (600 GB/s). Memory/TDP: ${MODAL_SMI}; ` +
      `${NVSMI_CODE} ("NVIDIA A10 ... 150W | 0MiB / 23028MiB"). Interconnect: PCIe Gen4 x16.`,
    memoryBytes: 23028 * MiB, // 24 GB GDDR6 less ECC/reserved
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 600e9, // 600 GB/s GDDR6
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 150,
    peakFlops: {
      FP32: 31.2e12,
      TF32: 62.5e12,
      BF16: 125e12,
      FP16: 125e12,
      INT8: 250e12,
      INT4: 500e12,
    },
  },
  {
    id: 'a10g',
    name: 'NVIDIA A10G (AWS G5)',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['NVIDIA A10G', 'A10G-24GB'],
    source:
      'No NVIDIA datasheet exists for the AWS-only A10G. Tensor figures unverified: cli99/llm-analysis ' +
      'llm_analysis/gpu_configs/a10g-pcie-24gb.json @ 54b51aabc8b89cf2ebd1479e47e80ef5d0a50962 (FP16 70, INT8 140, ' +
      'INT4 280 TFLOPS/TOPS); TF32 = FP16 / 2 and FP32 = A10 figure, both unverified. 600 GB/s: ' +
      `https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/. Memory/TDP: ${NVSMI_CODE} ("NVIDIA A10G ` +
      '... 300W | 0MiB / 23028MiB"). Interconnect: PCIe Gen4 x16.',
    memoryBytes: 23028 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 600e9, // 600 GB/s GDDR6
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 300, // nvidia-smi power cap on AWS g5
    peakFlops: {
      FP32: 31.2e12, // unverified (baseten says the A10G's CUDA-core rate is higher than the A10's)
      TF32: 35e12, // unverified
      BF16: 70e12, // unverified
      FP16: 70e12, // unverified
      INT8: 140e12, // unverified
      INT4: 280e12, // unverified
    },
  },
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    vendor: 'NVIDIA',
    generation: 'AMPERE',
    aliases: ['RTX3090', 'RTX 3090', '3090', 'NVIDIA GeForce RTX 3090'],
    source:
      'NVIDIA Ampere GA102 whitepaper (https://images.nvidia.com/aem-dam/en-zz/Solutions/geforce/ampere/pdf/' +
      'NVIDIA-ampere-GA102-GPU-Architecture-Whitepaper-V1.pdf): FP16 tensor with FP32 accumulate 71, FP32 35.6, 936 GB/s, ' +
      'as quoted in public code found via code search; 350 W from community CSVs (huggingface.co/datasets/ohdoking/gpu_spec). ' +
      'TF32 35.6, INT8 284 and INT4 568 (dense) recalled from the same whitepaper, unverified. Memory: ' +
      'https://github.com/noonghunna/club-3090/issues/445 ("NVIDIA GeForce RTX 3090 | 24576 MiB"). Interconnect: PCIe Gen4 ' +
      'x16 (an NVLink bridge, 112.5 GB/s total, exists but is not assumed). No FP8 on Ampere.',
    memoryBytes: 24576 * MiB, // 24 GiB GDDR6X
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 936e9, // 936 GB/s GDDR6X
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 350,
    peakFlops: {
      FP32: 35.6e12,
      TF32: 35.6e12, // unverified
      BF16: 71e12, // FP32 accumulate
      FP16: 71e12, // FP32 accumulate; 142 with FP16 accumulate
      INT8: 284e12, // unverified
      INT4: 568e12, // unverified
    },
  },
  // ---------------------------------------------------------------- AMD CDNA3
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    generation: 'CDNA3',
    aliases: ['AMD MI300X', 'AMD Instinct MI300X', 'Instinct MI300X', 'MI300X-192GB'],
    source:
      `Compute: AMD MI300X datasheet dense figures (FP32 163.4, TF32 653.7, FP16/BF16 1307.4, FP8/INT8 2614.9) via ${STAS} ` +
      '(rounded 1300/2610/2600 there); 5.3 TB/s, 750 W, 7 Infinity Fabric links x 128 GB/s bidirectional (896 GB/s) via ' +
      'https://gpu.blog/gpus/instinct-mi300x-mi300x and https://github.com/ROCm/legacy-rocm-build/issues/4750 (rocm-smi ' +
      'shows a 750.0W cap). Memory: rocm-smi "VRAM Total Memory (B): 205822885888" and torch mem_get_info in several public ' +
      'repositories found via code search (one bare-metal system in ROCm issue 4750 shows 206141652992 bytes).',
    memoryBytes: 205_822_885_888, // bytes, as rocm-smi reports (~191.7 GiB of 192 GB HBM3)
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 5.3e12, // 5.3 TB/s HBM3
    interconnectBandwidthBytesPerSecond: 448e9, // Infinity Fabric: 7 links x 64 GB/s per direction
    tdpWatts: 750,
    peakFlops: {
      FP32: 163.4e12, // vector FP32 (dual-issue)
      TF32: 653.7e12,
      BF16: 1307.4e12,
      FP16: 1307.4e12,
      FP8: 2614.9e12,
      INT8: 2614.9e12,
    },
  },
];
