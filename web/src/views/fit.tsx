/**
 * Fit: will this model run on this GPU? Memory per GPU as a stacked bar against capacity, the
 * longest context and what limits it, and the latencies with their calibrated ranges.
 */
import type * as Plot from '@observablehq/plot';
import { barX, ruleX, text } from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { EstimateView } from '../components/estimate-view.js';
import { PlotFigure } from '../components/plot-figure.js';
import type { ViewProps } from '../components/view-layout.js';
import { type ContextLimitReason, FitEstimateDocument, type FitEstimateQuery } from '../gql/graphql.js';
import {
  formatBytes,
  formatParameters,
  formatPercent,
  formatRange,
  formatSeconds,
  formatTokenRate,
  formatTokens,
} from '../lib/format.js';

type Estimate = FitEstimateQuery['estimate'];

const GIB = 1024 ** 3;

const LIMIT_EXPLAINED: Record<ContextLimitReason, string> = {
  MEMORY: 'memory: the KV cache fills what weights, activations and overhead leave',
  CONTEXT_WINDOW: "the model's context window",
  WEIGHTS_DO_NOT_FIT: 'weights, activations and overhead alone exceed the GPU memory',
};

export const MEMORY_PARTS = ['Weights', 'KV cache', 'Activations', 'Overhead'] as const;

function memoryParts(memory: Estimate['memory']) {
  const bytes = [memory.weightsBytes, memory.kvCacheBytes, memory.activationsBytes, memory.overheadBytes];
  return MEMORY_PARTS.map((part, i) => ({ part, bytes: bytes[i], gib: bytes[i] / GIB }));
}

function memoryChart(memory: Estimate['memory']): Plot.PlotOptions {
  const parts = memoryParts(memory);
  const capacityGib = memory.capacityBytes / GIB;
  return {
    height: 120,
    marginTop: 24,
    marginLeft: 10,
    marginRight: 20,
    x: {
      label: 'Memory per GPU, GiB →',
      grid: true,
      domain: [0, Math.max(capacityGib, memory.totalBytes / GIB) * 1.05],
    },
    y: { axis: null },
    color: { domain: [...MEMORY_PARTS], range: ['#4e79a7', '#f28e2b', '#76b7b2', '#9c9c9c'], legend: true },
    marks: [
      barX(parts, {
        x: 'gib',
        fill: 'part',
        title: (d) => `${d.part}: ${formatBytes(d.bytes)}`,
        insetTop: 4,
        insetBottom: 4,
      }),
      ruleX([capacityGib], { stroke: '#c0392b', strokeWidth: 2 }),
      text([capacityGib], {
        x: (d) => d,
        text: () => `capacity ${formatBytes(memory.capacityBytes)}`,
        frameAnchor: 'top',
        dy: -2,
        textAnchor: 'end',
        dx: -4,
        fill: '#c0392b',
      }),
    ],
  };
}

function Verdict({ estimate }: { estimate: Estimate }) {
  const { memory } = estimate;
  const share = formatPercent(memory.totalBytes / memory.capacityBytes);
  const model = (
    <span data-testid="model-read">
      {estimate.model.name} ({formatParameters(estimate.model.parameterCount)})
    </span>
  );
  const upTo = memory.totalBytesRange.high;
  return estimate.fits ? (
    <p class="verdict verdict-fits" data-testid="verdict">
      {model} fits: {formatBytes(memory.totalBytes)} of {formatBytes(memory.capacityBytes)} per GPU ({share}),{' '}
      {formatBytes(memory.freeBytes)} free.
    </p>
  ) : (
    // The API compares the upper end of the memory range with the capacity, so that is the shortfall.
    <p class="verdict verdict-no-fit" data-testid="verdict">
      {model} does not fit: needs up to {formatBytes(upTo)} per GPU (estimate {formatBytes(memory.totalBytes)}
      ), {formatBytes(upTo - memory.capacityBytes)} more than the {formatBytes(memory.capacityBytes)}{' '}
      available.
    </p>
  );
}

function FitResult({ estimate }: { estimate: Estimate }) {
  const chart = useMemo(() => memoryChart(estimate.memory), [estimate.memory]);
  return (
    <>
      <Verdict estimate={estimate} />
      <PlotFigure
        options={chart}
        label="Memory per GPU by part, against the GPU's capacity"
        testId="memory-chart"
      />
      <table class="numbers" data-testid="memory-table">
        <caption>Memory per GPU</caption>
        <tbody>
          {memoryParts(estimate.memory).map((row) => (
            <tr key={row.part}>
              <th scope="row">{row.part}</th>
              <td>{formatBytes(row.bytes)}</td>
            </tr>
          ))}
          <tr class="total">
            <th scope="row">Total</th>
            <td>{formatBytes(estimate.memory.totalBytes)}</td>
          </tr>
        </tbody>
      </table>
      <dl class="figures">
        <div>
          <dt>Longest context</dt>
          <dd data-testid="max-context">{formatTokens(estimate.maxContextLength.tokens)}</dd>
          <dd class="detail">limited by {LIMIT_EXPLAINED[estimate.maxContextLength.limitedBy]}</dd>
        </div>
        <div>
          <dt>Most sequences at once</dt>
          <dd data-testid="max-concurrency">{estimate.maxConcurrency.toLocaleString('en-US')}</dd>
          <dd class="detail">
            this prompt and output each, in the KV cache of {estimate.parallelism.gpuCount} GPU
            {estimate.parallelism.gpuCount === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Time to first token</dt>
          <dd data-testid="ttft">{formatSeconds(estimate.timeToFirstTokenSeconds)}</dd>
          <dd class="detail">range {formatRange(estimate.timeToFirstTokenSecondsRange, formatSeconds)}</dd>
        </div>
        <div>
          <dt>Time per output token</dt>
          <dd data-testid="tpot">{formatSeconds(estimate.timePerOutputTokenSeconds)}</dd>
          <dd class="detail">range {formatRange(estimate.timePerOutputTokenSecondsRange, formatSeconds)}</dd>
        </div>
        <div>
          <dt>Throughput, all sequences</dt>
          <dd data-testid="throughput">{formatTokenRate(estimate.outputTokensPerSecond)}</dd>
          <dd class="detail">range {formatRange(estimate.outputTokensPerSecondRange, formatTokenRate)}</dd>
        </div>
      </dl>
      {estimate.warnings.length > 0 && (
        <ul class="warnings">
          {estimate.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function FitView(props: ViewProps) {
  return (
    <EstimateView
      {...props}
      document={FitEstimateDocument}
      split
      title="Fit"
      empty="Choose a model and a GPU to see whether it fits and how fast it runs."
      render={(data) => <FitResult estimate={data.estimate} />}
    />
  );
}
