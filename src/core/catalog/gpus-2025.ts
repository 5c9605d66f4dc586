/**
 * Accelerators of 2025: Blackwell (Ultra), export-limited Hopper/Ada, CDNA 3/4 and Gaudi 3. Same
 * conventions as gpus.ts: memory as the driver reports it where a printout was found (else the
 * marketed size, memoryBytesBasis 'MARKETED'), decimal bandwidths, interconnect per direction, DENSE
 * (not 2:4-sparse) peak throughput per compute format. NVFP4/MXFP4 are listed only where the GPU
 * has FP4 tensor cores; a format a GPU lacks falls back (formats.ts).
 *
 * Figures were assembled in ../shared/reference/gpus-2025.json (with a confidence each) and checked
 * against the sources named per entry; the entries say which figures stay unverified.
 */
import type { GpuSpec } from '../types.js';

const MiB = 1_048_576;

const STAS =
  'stas00/ml-engineering compute/accelerator/README.md @ 744d01e18b79512572f64a6bbd8b5f4a725203a7 (TFLOPS table without sparsity)';
const AIC =
  'ai-dynamo/aiconfigurator aic-core/src/aiconfigurator_core/systems/<system>.yaml @ 095f58a51c4ca8e61b66ec108d86f223f8d559ce';
const NV_GB200_TABLE =
  'NVIDIA GB200 NVL72 / HGX B200 per-GPU specification table (all tensor figures "with sparsity", halved here), as quoted ' +
  'verbatim at https://zdszero.github.io/Computer/Artificial_Intelligence/Hardware.html';

export const GPUS_2025: GpuSpec[] = [
  // ---------------------------------------------------------------- Blackwell
  {
    id: 'b300',
    name: 'NVIDIA B300 SXM 288GB (Blackwell Ultra)',
    vendor: 'NVIDIA',
    generation: 'BLACKWELL',
    aliases: ['B300-SXM', 'HGX B300', 'NVIDIA B300', 'B300-288GB'],
    source:
      `Compute: https://glennklockwood.com/garden/processors/B300 (HGX B300 table, dense: TF32 1125, BF16 2250, FP8 4500, ` +
      `FP4 13125 = the datasheet's 105 PF per 8 GPUs) and ${STAS}; 8 TB/s and NVLink 5 1.8 TB/s bidirectional per GPU from ` +
      `the same table. Memory and 1,100 W: ${AIC} b300_sxm.yaml (nvidia-smi 275040 MiB; HGX B300 "configurable up to 1,100 W"). ` +
      'Blackwell Ultra cut the INT8 tensor rate (the Blackwell Ultra datasheet gives about 0.3 POPS sparse), so INT8 is not ' +
      'listed and INT8 compute falls back. MXFP4 is taken to run at the NVFP4 rate (unverified).',
    memoryBytes: 275_040 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 8e12,
    interconnectBandwidthBytesPerSecond: 900e9, // NVLink 5: 1.8 TB/s bidirectional
    // DGX/HGX B300: eight ConnectX-8 SuperNICs, 800 Gb/s each, one per GPU (NVIDIA DGX B300 User Guide, as read in
    // https://vengineer.hatenablog.com/entry/2025/12/06/080000).
    networkBandwidthBytesPerSecond: 800e9 / 8,
    tdpWatts: 1100,
    peakFlops: {
      FP32: 75e12,
      TF32: 1125e12,
      BF16: 2250e12,
      FP16: 2250e12,
      FP8: 4500e12,
      NVFP4: 13_125e12,
      MXFP4: 13_125e12, // unverified: same tensor path as NVFP4
    },
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (per Blackwell GPU, NVL72)',
    vendor: 'NVIDIA',
    generation: 'BLACKWELL',
    aliases: ['GB200-NVL72', 'NVIDIA GB200', 'GB200 NVL72'],
    source:
      `Compute, TDP and NVLink: ${NV_GB200_TABLE} (per GPU: FP4 20 PF, FP8 10 PF, INT8 10 POPS, BF16 5 PF, TF32 2.5 PF ` +
      'sparse; FP32 80 TF; 186 GB HBM3e at 8 TB/s; up to 1,200 W; NVLink 5 1.8 TB/s); agrees with ' +
      `${STAS}. Memory: ${AIC} gb200.yaml (nvidia-smi 189471 MiB). 72 GPUs share one NVLink domain.`,
    memoryBytes: 189_471 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 8e12,
    interconnectBandwidthBytesPerSecond: 900e9, // NVLink 5: 1.8 TB/s bidirectional
    tdpWatts: 1200,
    peakFlops: {
      FP32: 80e12,
      TF32: 1250e12,
      BF16: 2500e12,
      FP16: 2500e12,
      FP8: 5000e12,
      INT8: 5000e12,
      NVFP4: 10_000e12,
      MXFP4: 10_000e12,
    },
  },
  {
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    vendor: 'NVIDIA',
    generation: 'BLACKWELL',
    aliases: ['RTX5090', 'RTX 5090', '5090', 'NVIDIA GeForce RTX 5090'],
    source:
      'NVIDIA GeForce RTX 5090 specifications as tabulated at https://www.spheron.network/blog/nvidia-rtx-5090-specs/ and ' +
      'Linux Format (May 2025): 1,792 GB/s, 575 W, FP32 104.8 TF, tensor FP16 838.4 / FP8 1,676.8 / FP4 3,352 TOPS, all ' +
      'sparse. Dense with FP32 accumulate (what cuBLAS BF16 GEMMs use on GeForce parts, half the FP16-accumulate rate): ' +
      'BF16 209.5, FP8 419 (by analogy with the RTX 4090 whitepaper; unverified), FP4 1,676 (unverified whether GeForce ' +
      'halves FP4 with FP32 accumulate). Memory: nvidia-smi "NVIDIA GeForce RTX 5090 ... 575W | 32607MiB" ' +
      '(https://github.com/noonghunna/club-3090/issues/1229). PCIe Gen5 x16, no NVLink.',
    memoryBytes: 32_607 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1.792e12,
    interconnectBandwidthBytesPerSecond: 64e9, // PCIe Gen5 x16
    tdpWatts: 575,
    peakFlops: {
      FP32: 104.8e12,
      BF16: 209.5e12, // FP32 accumulate
      FP16: 209.5e12, // FP32 accumulate; 419 with FP16 accumulate
      FP8: 419e12, // FP32 accumulate, unverified
      NVFP4: 1676e12, // unverified
      MXFP4: 1676e12, // unverified
    },
  },
  {
    id: 'rtx-pro-6000',
    name: 'NVIDIA RTX PRO 6000 Blackwell (Server / Workstation Edition)',
    vendor: 'NVIDIA',
    generation: 'BLACKWELL',
    aliases: [
      'RTX PRO 6000',
      'RTX-PRO-6000-Blackwell',
      'NVIDIA RTX PRO 6000 Blackwell Server Edition',
      'RTXPRO6000',
    ],
    source:
      'NVIDIA RTX PRO 6000 Blackwell datasheet figures (96 GB GDDR7 ECC, 1,792 GB/s, 125 TFLOPS FP32, 4,000 AI TOPS = FP4 ' +
      `sparse, 600 W) as collected in the reference notes gpus-2025.json (no file of this repository); dense = half the sparse tensor figures (FP4 2,000, ` +
      `FP8/INT8 1,000, BF16 500; professional parts accumulate in FP32 at full rate). ${AIC} rtx_pro_6000_server.yaml scales ` +
      'these to its observed 2,430 MHz clock (467.8 BF16); we keep the datasheet rate. Memory: nvidia-smi 97887 MiB (same ' +
      'yaml). PCIe Gen5 x16, no NVLink. Tensor figures are medium confidence (no NVIDIA whitepaper seen).',
    memoryBytes: 97_887 * MiB,
    memoryBytesBasis: 'DRIVER',
    memoryBandwidthBytesPerSecond: 1.792e12,
    interconnectBandwidthBytesPerSecond: 64e9, // PCIe Gen5 x16
    tdpWatts: 600,
    peakFlops: {
      FP32: 125e12,
      BF16: 500e12,
      FP16: 500e12,
      FP8: 1000e12,
      INT8: 1000e12,
      NVFP4: 2000e12,
      MXFP4: 2000e12,
    },
  },
  // ---------------------------------------------------------------- export-limited Hopper / Ada
  {
    id: 'h20',
    name: 'NVIDIA H20 96GB',
    vendor: 'NVIDIA',
    generation: 'HOPPER',
    aliases: ['NVIDIA H20', 'HGX H20', 'H20-96GB'],
    source:
      'No NVIDIA datasheet is public (https://github.com/sunkx109/GPUs-Specs/issues/2). Dense figures from third-party ' +
      'spec pages that agree: FP16/BF16 148, TF32 74, FP32 44, FP8/INT8 296 TFLOPS, 96 GB HBM3 at 4.0 TB/s, NVLink 900 GB/s, ' +
      '400 W (https://willitrunai.com/es/gpus/h20-96gb; https://zangshuxian.com/new/674733024499207168). Confirmed by a ' +
      'measurement: BF16 GEMM 142.25 TFLOPS at 10240^3 = 96% of 148 ' +
      '(https://github.com/zzc0721/torch-performance-test-data/issues/77). Memory: the marketed 96 GB, decimal (no nvidia-smi printout ' +
      'found; H100/H200 labels are closer to GiB, so this may be ~7% low).',
    memoryBytes: 96e9,
    memoryBytesBasis: 'MARKETED',
    memoryBandwidthBytesPerSecond: 4e12,
    interconnectBandwidthBytesPerSecond: 450e9, // NVLink 4: 900 GB/s bidirectional
    tdpWatts: 400,
    peakFlops: {
      FP32: 44e12,
      TF32: 74e12,
      BF16: 148e12,
      FP16: 148e12,
      FP8: 296e12,
      INT8: 296e12,
    },
  },
  {
    id: 'l20',
    name: 'NVIDIA L20 48GB',
    vendor: 'NVIDIA',
    generation: 'ADA',
    aliases: ['NVIDIA L20', 'L20-48GB'],
    source:
      '48 GB GDDR6 ECC, 864 GB/s, 275 W, PCIe 4.0 x16, FP32 59.35 TFLOPS (AD102, 92 SMs at 2,520 MHz): ' +
      'https://www.topcpu.net/en/gpu-c/a40-pcie-vs-l20 and https://technical.city/pl/video/L20. Tensor FP16/BF16 119.5 and ' +
      'FP8/INT8 239 TFLOPS dense are the commonly circulated spec-sheet values and are UNVERIFIED (no NVIDIA datasheet ' +
      'found). Memory: the marketed 48 GB (no nvidia-smi printout found).',
    memoryBytes: 48e9,
    memoryBytesBasis: 'MARKETED',
    memoryBandwidthBytesPerSecond: 864e9,
    interconnectBandwidthBytesPerSecond: 32e9, // PCIe Gen4 x16
    tdpWatts: 275,
    peakFlops: {
      FP32: 59.35e12,
      BF16: 119.5e12, // unverified
      FP16: 119.5e12, // unverified
      FP8: 239e12, // unverified
      INT8: 239e12, // unverified
    },
  },
  // ---------------------------------------------------------------- AMD CDNA 3 / CDNA 4
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    vendor: 'AMD',
    generation: 'CDNA3',
    aliases: ['AMD MI325X', 'AMD Instinct MI325X', 'MI325X-256GB'],
    source:
      `Compute: AMD MI325X product page dense figures (FP32 163.4, TF32 653.7, FP16/BF16 1307.4, FP8/INT8 2614.9; the same ` +
      `compute as MI300X) via ${STAS}; 256 GB HBM3E at 6 TB/s, 1,000 W. Interconnect: 7 Infinity Fabric links as on MI300X ` +
      '(64 GB/s per direction each; medium confidence). Memory: the ROCm gpu-specs table labels it 256 GiB; no rocm-smi ' +
      'printout found, so the marketed 256 GB, decimal.',
    memoryBytes: 256e9,
    memoryBytesBasis: 'MARKETED',
    memoryBandwidthBytesPerSecond: 6e12,
    interconnectBandwidthBytesPerSecond: 448e9, // Infinity Fabric: 7 links x 64 GB/s per direction
    tdpWatts: 1000,
    peakFlops: {
      FP32: 163.4e12,
      TF32: 653.7e12,
      BF16: 1307.4e12,
      FP16: 1307.4e12,
      FP8: 2614.9e12,
      INT8: 2614.9e12,
    },
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'AMD',
    generation: 'CDNA4',
    aliases: ['AMD MI355X', 'AMD Instinct MI355X', 'MI355X-288GB'],
    source:
      `Compute: AMD MI355X product page via ${STAS}: FP16/BF16 2.5 PF and FP8/INT8 5 PF dense (2x "with structured ` +
      'sparsity"), FP32 157.3 TF; MXFP4 10.1 PF dense (Tom\'s Hardware, ISC 2025: "20.1 PFLOPS" FP4 is the sparse figure; ' +
      'ISSCC 2026: 5 PF FP8). 288 GB HBM3E at 8 TB/s, 1,400 W (https://www.tomshardware.com/pc-components/gpus/' +
      'amds-instinct-mi355x-accelerator-will-consume-1-400-watts). No NVFP4 (falls back). TF32 not published. ' +
      'Interconnect: 7 Infinity Fabric links of ~153.6 GB/s bidirectional (medium confidence). Memory: the ROCm ' +
      'gpu-specs table labels it 288 GiB; no rocm-smi printout found, so the marketed 288 GB, decimal.',
    memoryBytes: 288e9,
    memoryBytesBasis: 'MARKETED',
    memoryBandwidthBytesPerSecond: 8e12,
    interconnectBandwidthBytesPerSecond: 537.6e9, // 7 links x 76.8 GB/s per direction
    tdpWatts: 1400,
    peakFlops: {
      FP32: 157.3e12,
      BF16: 2500e12,
      FP16: 2500e12,
      FP8: 5000e12,
      INT8: 5000e12,
      MXFP4: 10_100e12,
    },
  },
  // ---------------------------------------------------------------- Intel Gaudi 3
  {
    id: 'gaudi3',
    name: 'Intel Gaudi 3 (HL-325L OAM)',
    vendor: 'INTEL',
    generation: 'GAUDI3',
    aliases: ['Gaudi 3', 'Intel Gaudi 3', 'HL-325L', 'gaudi-3'],
    source:
      `Intel Gaudi 3 white paper figures via ${STAS} (note: BF16/FP8 matrix engines 1,835 TFLOPS at 1,750 MHz; shipping ` +
      'parts run them at 1,600 MHz = 1,677, which we use; FP16 and TF32 459, FP32 229); 128 GB HBM2e at 3.7 TB/s ' +
      '(Hugging Face Gaudi docs: "128GB of memory on Gaudi 3"). Interconnect: 21 of the 24 on-chip 200 GbE RoCE ports link ' +
      'the 8 cards of a node all-to-all (21 x 25 GB/s per direction; recalled from the white paper, medium confidence). ' +
      '900 W air-cooled OAM (low confidence). No INT8 figure published; no FP4.',
    memoryBytes: 128e9,
    memoryBytesBasis: 'MARKETED',
    memoryBandwidthBytesPerSecond: 3.7e12,
    interconnectBandwidthBytesPerSecond: 525e9, // 21 x 200 GbE, per direction
    tdpWatts: 900,
    peakFlops: {
      FP32: 229e12,
      TF32: 459e12,
      FP16: 459e12,
      BF16: 1677e12,
      FP8: 1677e12,
    },
  },
];
