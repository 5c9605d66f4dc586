/** Selections of every field of every output type, for the contract tests (all-fields.test.ts checks them against the schema). */

export const MODEL_FIELDS = `
  id name family aliases source
  parameterCount activeParameterCount embeddingParameterCount lmHeadParameterCount publishedParameterCount
  publishedActiveParameterCount publishedActiveCountExcludesEmbedding
  layers hiddenSize intermediateSize attentionHeads kvHeads headDim vocabSize contextWindow slidingWindow
  experts expertsPerToken tiedEmbeddings gatedFfn attentionBias
  weightsBytesFp16: weightsBytes(format: FP16)
  weightsBytesInt4: weightsBytes(format: INT4)
  kvCacheBytesPerTokenFp16: kvCacheBytesPerToken(format: FP16)
  kvCacheBytesPerTokenFp8: kvCacheBytesPerToken(format: FP8)
  kvCacheBytes32k: kvCacheBytes(format: FP16, tokens: 32768)
  activeParameterCountExcludingEmbedding
  layerGroups {
    layers normsPerLayer parameterCount activeParameterCount kvElementsPerTokenPerLayer cacheCapTokens
    groupKvCacheBytes32k: kvCacheBytes(format: FP16, tokens: 32768)
    attention {
      kind span spanTokens heads kvHeads headDim qkvBias outputBias sinks qkNorm
      qLoraRank kvLoraRank qkNopeHeadDim qkRopeHeadDim vHeadDim
    }
    ffn { kind intermediateSize gated bias experts expertsPerToken sharedExperts sharedExpertIntermediateSize }
  }
  nativeFormats { tensorClass format scaleBlockElements bytesPerElement }
`;

export const GPU_FIELDS = `
  id name vendor generation aliases source memoryBytes memoryBytesBasis memoryBandwidthBytesPerSecond
  interconnectBandwidthBytesPerSecond networkBandwidthBytesPerSecond tdpWatts listPriceDollarsPerHour listPriceSource
  peakFlopsFp16: peakFlops(format: FP16)
  peakFlopsInt4: peakFlops(format: INT4)
  throughputs { format flopsPerSecond }
`;

export const SERVING_POINT_FIELDS = `
  concurrency requestsPerSecond timeToFirstTokenSeconds timePerOutputTokenSeconds e2eSeconds
  outputTokensPerSecond outputTokensPerSecondPerGpu outputTokensPerSecondPerUser kvCacheUtilization limitedBy
  sustainable
`;

export const PLAN_CANDIDATE_FIELDS = `
  gpu { ${GPU_FIELDS} }
  gpuCount replicas totalGpus parallelism { tensor pipeline expert data gpuCount }
  weightFormat kvCacheFormat computeFormat formatNote concurrencyPerReplica maxConcurrencyPerReplica
  serving {
    concurrency requestsPerSecond timeToFirstTokenSeconds timePerOutputTokenSeconds e2eSeconds
    outputTokensPerSecond outputTokensPerSecondPerGpu outputTokensPerSecondPerUser kvCacheUtilization limitedBy
    sustainable
  }
  dollarsPerHour dollarsPerMillionOutputTokens joulesPerOutputTokenAtTdp bindingConstraint
`;

export const PLAN_FIELDS = `
  candidates { ${PLAN_CANDIDATE_FIELDS} }
  paretoFrontier { ${PLAN_CANDIDATE_FIELDS} }
  evaluated
  rejected { reason count }
`;

const RANGE = 'low high';
const PHASE =
  'seconds flops bytes bound overheadSeconds operators { name layerGroup seconds flops bytes bound attention }';

export const ESTIMATE_FIELDS = `
  model { ${MODEL_FIELDS} }
  gpu { ${GPU_FIELDS} }
  gpuCount
  parallelism { tensor pipeline expert data gpuCount }
  maxConcurrency
  serving { ${SERVING_POINT_FIELDS} }
  servingCurve(points: 4) { ${SERVING_POINT_FIELDS} }
  fits
  withinContextWindow
  warnings
  memory {
    weightsBytes kvCacheBytes activationsBytes overheadBytes totalBytes totalBytesRange { ${RANGE} }
    capacityBytes freeBytes kvCacheTokensPerSequence kvCacheBytesPerTokenPerGpu largestStepTokens
  }
  maxContextLength { tokens limitedBy memoryLimitTokens }
  maxBatchSize { contextTokens batchSize limitedBy }
  maxBatchSizeAt2k: maxBatchSize(contextTokens: 2048) { contextTokens batchSize limitedBy }
  prefill { ${PHASE} }
  decode { ${PHASE} }
  timeToFirstTokenSeconds timeToFirstTokenSecondsRange { ${RANGE} }
  timePerOutputTokenSeconds timePerOutputTokenSecondsRange { ${RANGE} }
  totalSeconds totalSecondsRange { ${RANGE} }
  outputTokensPerSecond outputTokensPerSecondRange { ${RANGE} }
  attentionShare { prefillTimeRatio prefillFlopsRatio decodeTimeRatio }
  assumptions {
    tensorClasses {
      tensorClass storageFormat bytesPerParameter computeFormatRequested computeFormatUsed
      computePeakFlopsPerSecond dequantizes
    }
    engine weightFormat weightQuantization kvCacheFormat computeFormatRequested computeFormatUsed computePeakFlopsPerSecond
    attentionFormat attentionPeakFlopsPerSecond dequantizesWeights vectorPeakFlopsPerSecond
    weightBytesPerParameter unquantisedBytesPerParameter int4GroupSize int4ScaleBits
    kvCacheBytesPerElement activationBytesPerElement
    tuning {
      prefillComputeEfficiency prefillBandwidthEfficiency decodeComputeEfficiency decodeBandwidthEfficiency
      weightOnlyBandwidthEfficiency perRequestOverheadSeconds perStepOverheadSeconds perMoeLayerOverheadSeconds allReduceLatencySeconds
      allReduceStepBytes dequantizationOpsPerWeight
    }
    memoryAssumptions { runtimeOverheadBytes engineBuffersBytes maxBatchedTokens reservesFullStep usableMemoryFraction attentionScoreBytes prefillLogitsBytes }
    inputTokens outputTokens batchSize gpuCount
  }
`;
