/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Catalog {\n  models {\n    id\n    name\n    parameterCount\n    contextWindow\n  }\n  gpus {\n    id\n    name\n    memoryBytes\n  }\n}": typeof types.CatalogDocument,
    "query CompareGpus($input: CompareInput!) {\n  compare(input: $input) {\n    gpu {\n      id\n      name\n      listPriceDollarsPerHour\n    }\n    gpuCount\n    assumptions {\n      weightFormat\n    }\n    fits\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n  }\n}": typeof types.CompareGpusDocument,
    "query FitEstimate($input: EstimateInput!) {\n  estimate(input: $input) {\n    model {\n      name\n      parameterCount\n    }\n    fits\n    memory {\n      weightsBytes\n      kvCacheBytes\n      activationsBytes\n      overheadBytes\n      totalBytes\n      totalBytesRange {\n        high\n      }\n      capacityBytes\n      freeBytes\n    }\n    maxContextLength {\n      tokens\n      limitedBy\n    }\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n    warnings\n  }\n}": typeof types.FitEstimateDocument,
    "query PlanDeployment($input: PlanInput!) {\n  plan(input: $input) {\n    evaluated\n    rejected {\n      reason\n      count\n    }\n    candidates {\n      gpu {\n        name\n      }\n      gpuCount\n      replicas\n      totalGpus\n      parallelism {\n        tensor\n        pipeline\n        expert\n        data\n      }\n      weightFormat\n      kvCacheFormat\n      concurrencyPerReplica\n      serving {\n        timeToFirstTokenSeconds\n        timePerOutputTokenSeconds\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n      dollarsPerHour\n      dollarsPerMillionOutputTokens\n      bindingConstraint\n    }\n    paretoFrontier {\n      gpu {\n        name\n      }\n      gpuCount\n      weightFormat\n      concurrencyPerReplica\n      serving {\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n    }\n  }\n}": typeof types.PlanDeploymentDocument,
    "query Roofline($input: EstimateInput!) {\n  estimate(input: $input) {\n    gpu {\n      name\n      memoryBandwidthBytesPerSecond\n    }\n    assumptions {\n      computeFormatUsed\n      computePeakFlopsPerSecond\n    }\n    prefill {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n    decode {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n  }\n}": typeof types.RooflineDocument,
};
const documents: Documents = {
    "query Catalog {\n  models {\n    id\n    name\n    parameterCount\n    contextWindow\n  }\n  gpus {\n    id\n    name\n    memoryBytes\n  }\n}": types.CatalogDocument,
    "query CompareGpus($input: CompareInput!) {\n  compare(input: $input) {\n    gpu {\n      id\n      name\n      listPriceDollarsPerHour\n    }\n    gpuCount\n    assumptions {\n      weightFormat\n    }\n    fits\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n  }\n}": types.CompareGpusDocument,
    "query FitEstimate($input: EstimateInput!) {\n  estimate(input: $input) {\n    model {\n      name\n      parameterCount\n    }\n    fits\n    memory {\n      weightsBytes\n      kvCacheBytes\n      activationsBytes\n      overheadBytes\n      totalBytes\n      totalBytesRange {\n        high\n      }\n      capacityBytes\n      freeBytes\n    }\n    maxContextLength {\n      tokens\n      limitedBy\n    }\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n    warnings\n  }\n}": types.FitEstimateDocument,
    "query PlanDeployment($input: PlanInput!) {\n  plan(input: $input) {\n    evaluated\n    rejected {\n      reason\n      count\n    }\n    candidates {\n      gpu {\n        name\n      }\n      gpuCount\n      replicas\n      totalGpus\n      parallelism {\n        tensor\n        pipeline\n        expert\n        data\n      }\n      weightFormat\n      kvCacheFormat\n      concurrencyPerReplica\n      serving {\n        timeToFirstTokenSeconds\n        timePerOutputTokenSeconds\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n      dollarsPerHour\n      dollarsPerMillionOutputTokens\n      bindingConstraint\n    }\n    paretoFrontier {\n      gpu {\n        name\n      }\n      gpuCount\n      weightFormat\n      concurrencyPerReplica\n      serving {\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n    }\n  }\n}": types.PlanDeploymentDocument,
    "query Roofline($input: EstimateInput!) {\n  estimate(input: $input) {\n    gpu {\n      name\n      memoryBandwidthBytesPerSecond\n    }\n    assumptions {\n      computeFormatUsed\n      computePeakFlopsPerSecond\n    }\n    prefill {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n    decode {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n  }\n}": types.RooflineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Catalog {\n  models {\n    id\n    name\n    parameterCount\n    contextWindow\n  }\n  gpus {\n    id\n    name\n    memoryBytes\n  }\n}"): typeof import('./graphql.js').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompareGpus($input: CompareInput!) {\n  compare(input: $input) {\n    gpu {\n      id\n      name\n      listPriceDollarsPerHour\n    }\n    gpuCount\n    assumptions {\n      weightFormat\n    }\n    fits\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n  }\n}"): typeof import('./graphql.js').CompareGpusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FitEstimate($input: EstimateInput!) {\n  estimate(input: $input) {\n    model {\n      name\n      parameterCount\n    }\n    fits\n    memory {\n      weightsBytes\n      kvCacheBytes\n      activationsBytes\n      overheadBytes\n      totalBytes\n      totalBytesRange {\n        high\n      }\n      capacityBytes\n      freeBytes\n    }\n    maxContextLength {\n      tokens\n      limitedBy\n    }\n    timeToFirstTokenSeconds\n    timeToFirstTokenSecondsRange {\n      low\n      high\n    }\n    timePerOutputTokenSeconds\n    timePerOutputTokenSecondsRange {\n      low\n      high\n    }\n    outputTokensPerSecond\n    outputTokensPerSecondRange {\n      low\n      high\n    }\n    warnings\n  }\n}"): typeof import('./graphql.js').FitEstimateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlanDeployment($input: PlanInput!) {\n  plan(input: $input) {\n    evaluated\n    rejected {\n      reason\n      count\n    }\n    candidates {\n      gpu {\n        name\n      }\n      gpuCount\n      replicas\n      totalGpus\n      parallelism {\n        tensor\n        pipeline\n        expert\n        data\n      }\n      weightFormat\n      kvCacheFormat\n      concurrencyPerReplica\n      serving {\n        timeToFirstTokenSeconds\n        timePerOutputTokenSeconds\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n      dollarsPerHour\n      dollarsPerMillionOutputTokens\n      bindingConstraint\n    }\n    paretoFrontier {\n      gpu {\n        name\n      }\n      gpuCount\n      weightFormat\n      concurrencyPerReplica\n      serving {\n        outputTokensPerSecondPerGpu\n        outputTokensPerSecondPerUser\n      }\n    }\n  }\n}"): typeof import('./graphql.js').PlanDeploymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Roofline($input: EstimateInput!) {\n  estimate(input: $input) {\n    gpu {\n      name\n      memoryBandwidthBytesPerSecond\n    }\n    assumptions {\n      computeFormatUsed\n      computePeakFlopsPerSecond\n    }\n    prefill {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n    decode {\n      seconds\n      operators {\n        name\n        flops\n        bytes\n        seconds\n        bound\n      }\n    }\n  }\n}"): typeof import('./graphql.js').RooflineDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
