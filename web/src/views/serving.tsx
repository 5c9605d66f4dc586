/**
 * Serving: one model and workload on one or more setups (GPU, split, formats): each setup's serving
 * curve from one user to as many as its KV cache holds, as output tokens/s per GPU against tokens/s
 * per user, with the TPOT limit as a vertical line and points over the TTFT limit drawn hollow; a
 * table of each setup's most users and best point within the limits, and every point per setup.
 */
import type * as Plot from '@observablehq/plot';
import { dot, line, ruleX, text } from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { useQueries } from '../api/use-query.js';
import { ModelField } from '../components/model-field.js';
import { PlotFigure } from '../components/plot-figure.js';
import {
  LatencyLimitFields,
  PrefixCacheField,
  PromptOutputFields,
  TargetRateField,
} from '../components/setup-fields.js';
import { SetupList } from '../components/setup-list.js';
import { emptyText, ViewLayout, type ViewProps } from '../components/view-layout.js';
import { ServingCurveDocument, type ServingCurveQuery } from '../gql/graphql.js';
import { formatSeconds, formatTokenRate } from '../lib/format.js';
import {
  bestWithinLimits,
  type Limits,
  limitsOf,
  meetsLimits,
  servingErrors,
  servingVariables,
  setupLabels,
  spacedLabels,
  tpotLimitTokensPerSecond,
} from '../lib/serving.js';

type Estimate = ServingCurveQuery['estimate'];
type Point = Estimate['servingCurve'][number];

/** An answered setup: its label (unique) and what the API answered. */
interface Series {
  label: string;
  estimate: Estimate;
}

const LIMIT_COLOUR = '#c0392b';
const limitText = (limitedBy: string) => limitedBy.toLowerCase().replaceAll('_', ' ');
const users = (concurrency: number) => Math.round(concurrency).toLocaleString('en-US');

function pointTitle(series: Series, point: Point, limits: Limits): string {
  const meets = meetsLimits(point, limits);
  const missed = [!meets.ttft && 'TTFT over the limit', !meets.tpot && 'TPOT over the limit'].filter(Boolean);
  return (
    `${series.label}, ${users(point.concurrency)} users: ${formatTokenRate(point.outputTokensPerSecondPerGpu)} per GPU, ` +
    `${formatTokenRate(point.outputTokensPerSecondPerUser)} per user, TTFT ${formatSeconds(point.timeToFirstTokenSeconds)}, ` +
    `limited by ${limitText(point.limitedBy)}${missed.length ? ` (${missed.join(', ')})` : ''}`
  );
}

function curveChart(series: Series[], limits: Limits): Plot.PlotOptions {
  const tpotRate = tpotLimitTokensPerSecond(limits);
  const all = series.flatMap((s) => s.estimate.servingCurve);
  const xs = [...all.map((p) => p.outputTokensPerSecondPerUser), ...(tpotRate === null ? [] : [tpotRate])];
  const xDomain: [number, number] = [Math.min(...xs) / 1.1, Math.max(...xs) * 1.1];
  const yDomain: [number, number] = [0, Math.max(...all.map((p) => p.outputTokensPerSecondPerGpu))];
  const points = series.flatMap((s) => {
    const curve = s.estimate.servingCurve.map((point) => ({
      setup: s.label,
      x: point.outputTokensPerSecondPerUser,
      y: point.outputTokensPerSecondPerGpu,
      users: users(point.concurrency),
      meetsTtft: meetsLimits(point, limits).ttft,
      title: pointTitle(s, point, limits),
    }));
    const labelled = spacedLabels(curve, xDomain, yDomain);
    return curve.map((point, i) => ({ ...point, labelled: labelled[i] }));
  });
  // The limit's label at the foot of its line, left of it (the curves fall from the top left to the
  // bottom right, so the bottom left is empty) unless the line is near the left edge.
  const onRight =
    tpotRate !== null && Math.log(tpotRate / xDomain[0]) < 0.25 * Math.log(xDomain[1] / xDomain[0]);
  return {
    height: 420,
    marginLeft: 60,
    marginRight: 24,
    // Log: the many users of the left end crowd together on a linear axis.
    x: { type: 'log', label: 'Output tokens/s per user →', grid: true, domain: xDomain },
    y: { label: '↑ Output tokens/s per GPU', grid: true, nice: true, zero: true },
    color: { legend: true, domain: series.map((s) => s.label) },
    marks: [
      line(points, { x: 'x', y: 'y', stroke: 'setup', z: 'setup', strokeWidth: 1.5 }),
      dot(
        points.filter((p) => p.meetsTtft),
        { x: 'x', y: 'y', fill: 'setup', r: 3.5, title: 'title' },
      ),
      dot(
        points.filter((p) => !p.meetsTtft),
        { x: 'x', y: 'y', stroke: 'setup', fill: 'white', strokeWidth: 1.5, r: 4, title: 'title' },
      ),
      text(
        points.filter((p) => p.labelled),
        { x: 'x', y: 'y', text: 'users', dy: -9, fontSize: 9, fill: '#444' },
      ),
      ...(tpotRate === null
        ? []
        : [
            ruleX([tpotRate], { stroke: LIMIT_COLOUR, strokeWidth: 1.5, strokeDasharray: '5,3' }),
            text([tpotRate], {
              x: (d) => d,
              text: () => `TPOT limit ${formatSeconds(limits.tpotSeconds ?? 0)}`,
              frameAnchor: 'bottom',
              textAnchor: onRight ? 'start' : 'end',
              dx: onRight ? 4 : -4,
              dy: -6,
              fill: LIMIT_COLOUR,
            }),
          ]),
    ],
  };
}

function SummaryTable({ series, limits }: { series: Series[]; limits: Limits }) {
  return (
    <div class="table-scroll">
      <table class="numbers" data-testid="serving-table">
        <caption>
          Per setup: the most users its KV cache holds, and the point with the most tokens/s per GPU that
          meets both limits
        </caption>
        <thead>
          <tr>
            <th scope="col">Setup</th>
            <th scope="col">GPUs</th>
            <th scope="col">Most users</th>
            <th scope="col">Best: users</th>
            <th scope="col">Tokens/s per GPU</th>
            <th scope="col">Tokens/s per user</th>
            <th scope="col">TTFT</th>
            <th scope="col">TPOT</th>
            <th scope="col">Requests/s</th>
            <th scope="col">Limited by</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const best = bestWithinLimits(s.estimate.servingCurve, limits);
            const { maxConcurrency } = s.estimate;
            return (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                <td>{s.estimate.parallelism.gpuCount}</td>
                <td data-metric="max-concurrency">{maxConcurrency.toLocaleString('en-US')}</td>
                {best === null ? (
                  <td colSpan={7} data-metric="best">
                    {maxConcurrency === 0
                      ? 'Does not fit: the weights leave no room for one sequence’s KV cache.'
                      : 'No point meets the limits (even one user misses one).'}
                  </td>
                ) : (
                  <>
                    <td data-metric="best">{users(best.concurrency)}</td>
                    <td data-metric="best-per-gpu">{formatTokenRate(best.outputTokensPerSecondPerGpu)}</td>
                    <td>{formatTokenRate(best.outputTokensPerSecondPerUser)}</td>
                    <td>{formatSeconds(best.timeToFirstTokenSeconds)}</td>
                    <td>{formatSeconds(best.timePerOutputTokenSeconds)}</td>
                    <td>{best.requestsPerSecond.toPrecision(3)}</td>
                    <td>{limitText(best.limitedBy)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every point of one setup's curve, for reading the numbers the chart draws. */
function CurveTable({ series, limits }: { series: Series; limits: Limits }) {
  return (
    <details class="curve-points">
      <summary>Every point: {series.label}</summary>
      <div class="table-scroll">
        <table class="numbers">
          <thead>
            <tr>
              <th scope="col">Users</th>
              <th scope="col">Tokens/s per GPU</th>
              <th scope="col">Tokens/s per user</th>
              <th scope="col">TTFT</th>
              <th scope="col">TPOT</th>
              <th scope="col">KV cache used</th>
              <th scope="col">Limited by</th>
              <th scope="col">Meets limits</th>
            </tr>
          </thead>
          <tbody>
            {series.estimate.servingCurve.map((point) => {
              const meets = meetsLimits(point, limits);
              return (
                <tr key={point.concurrency}>
                  <td>{users(point.concurrency)}</td>
                  <td>{formatTokenRate(point.outputTokensPerSecondPerGpu)}</td>
                  <td>{formatTokenRate(point.outputTokensPerSecondPerUser)}</td>
                  <td>{formatSeconds(point.timeToFirstTokenSeconds)}</td>
                  <td>{formatSeconds(point.timePerOutputTokenSeconds)}</td>
                  <td>{Math.round(point.kvCacheUtilization * 100)}%</td>
                  <td>{limitText(point.limitedBy)}</td>
                  <td>
                    {meets.ttft && meets.tpot
                      ? 'yes'
                      : `no: ${[!meets.ttft && 'TTFT', !meets.tpot && 'TPOT'].filter(Boolean).join(', ')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Each setup's serving point at the target rate (when one is set): its latencies, throughput and whether it keeps up. */
function RateTable({ series }: { series: Series[] }) {
  const rated = series.filter((s) => s.estimate.atRate);
  if (rated.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="numbers" data-testid="serving-rate-table">
        <caption>Per setup: the serving point at the target request rate</caption>
        <thead>
          <tr>
            <th scope="col">Setup</th>
            <th scope="col">Users in flight</th>
            <th scope="col">TTFT</th>
            <th scope="col">TPOT</th>
            <th scope="col">Tokens/s per GPU</th>
            <th scope="col">Sustainable</th>
            <th scope="col">Limited by</th>
          </tr>
        </thead>
        <tbody>
          {rated.map((s) => {
            const point = s.estimate.atRate;
            if (!point) return null;
            return (
              <tr key={s.label}>
                <th scope="row">{s.label}</th>
                <td>{users(point.concurrency)}</td>
                <td>{formatSeconds(point.timeToFirstTokenSeconds)}</td>
                <td>{formatSeconds(point.timePerOutputTokenSeconds)}</td>
                <td>{formatTokenRate(point.outputTokensPerSecondPerGpu)}</td>
                <td data-metric="sustainable">{point.sustainable ? 'yes' : 'no'}</td>
                <td>{limitText(point.limitedBy)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ServingResult({ series, limits }: { series: Series[]; limits: Limits }) {
  const chart = useMemo(() => curveChart(series, limits), [series, limits]);
  const drawn = series.filter((s) => s.estimate.servingCurve.length > 0);
  return (
    <>
      {drawn.length > 0 && (
        <figure>
          <figcaption>
            Serving curves: one user (right) to as many as the KV cache holds (left); numbers are users.
            Points left of the dashed TPOT limit miss it; hollow ones miss the TTFT limit.
          </figcaption>
          <PlotFigure
            options={chart}
            label="Output tokens per second per GPU against output tokens per second per user, one line per setup"
            testId="serving-chart"
          />
        </figure>
      )}
      <SummaryTable series={series} limits={limits} />
      <RateTable series={series} />
      {drawn.map((s) => (
        <CurveTable key={s.label} series={s} limits={limits} />
      ))}
    </>
  );
}

export function ServingView({ state, update, catalog, modelConfig }: ViewProps) {
  const variables = servingVariables(state, modelConfig);
  const { each, errors, loading } = useQueries(ServingCurveDocument, variables);
  const { shared, perSetup, general } = servingErrors(
    errors,
    state.setups.map((setup) => setup.model !== ''),
  );
  const props = { state, update, catalog, modelConfig, errors: shared };
  const limits = useMemo(() => limitsOf(state), [state.maxTtftMs, state.maxTpotMs]);
  const series = useMemo(() => {
    const answered = each.flatMap((answer) => (answer ? [answer.estimate] : []));
    const labels = setupLabels(
      answered.map((estimate) => ({
        modelName: estimate.model.name,
        gpuName: estimate.gpu.name,
        parallelism: estimate.parallelism,
        weightFormat: estimate.assumptions.weightFormat,
        kvCacheFormat: estimate.assumptions.kvCacheFormat,
      })),
    );
    return answered.map((estimate, i) => ({ label: labels[i], estimate }));
  }, [each]);
  return (
    <ViewLayout
      formLabel="Model, setups, workload and limits"
      form={
        <>
          <ModelField {...props} />
          <SetupList setups={state.setups} update={update} catalog={catalog} errors={perSetup} />
          <PromptOutputFields {...props} />
          <PrefixCacheField {...props} />
          <TargetRateField {...props} />
          <LatencyLimitFields {...props} />
        </>
      }
      title="Serving"
      loading={loading}
      generalErrors={general}
      empty={
        variables === null
          ? emptyText(
              { state, modelConfig },
              'Add a setup (a GPU and how the model is split over it) to draw its serving curve.',
            )
          : null
      }
    >
      {series.length > 0 && <ServingResult series={series} limits={limits} />}
    </ViewLayout>
  );
}
