/**
 * Compare: one model on several GPUs (and weight formats) side by side: TTFT, TPOT and throughput
 * as bars with their calibrated ranges as error bars, and a sortable table with the same numbers.
 */
import type * as Plot from '@observablehq/plot';
import { barX, ruleX, ruleY, tickX } from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import type { UpdateState } from '../app-state.js';
import { ModelField } from '../components/model-field.js';
import { PlotFigure } from '../components/plot-figure.js';
import {
  FormatCheckboxes,
  GpuCheckboxes,
  KvCacheFormatField,
  StateNumberField,
  WorkloadFields,
} from '../components/setup-fields.js';
import { emptyText, ViewLayout, type ViewProps } from '../components/view-layout.js';
import { CompareGpusDocument } from '../gql/graphql.js';
import { type CompareRow, compareRows, type Range, sortRows } from '../lib/compare-rows.js';
import { assignErrors } from '../lib/errors.js';
import { formatDollars, formatRange, formatSeconds, formatTokenRate } from '../lib/format.js';
import { COMPARE_INPUTS, compareVariables } from '../lib/requests.js';
import type { AppState, SortKey } from '../lib/url-state.js';

interface Metric {
  key: Exclude<SortKey, 'gpu'>;
  title: string;
  axis: string;
  /** The value in the axis unit. */
  scale: number;
  value: (row: CompareRow) => number;
  range: (row: CompareRow) => Range;
  format: (value: number) => string;
}

const METRICS: Metric[] = [
  {
    key: 'ttft',
    title: 'Time to first token',
    axis: 'TTFT, ms →',
    scale: 1e3,
    value: (row) => row.estimate.timeToFirstTokenSeconds,
    range: (row) => row.estimate.timeToFirstTokenSecondsRange,
    format: formatSeconds,
  },
  {
    key: 'tpot',
    title: 'Time per output token',
    axis: 'TPOT, ms →',
    scale: 1e3,
    value: (row) => row.estimate.timePerOutputTokenSeconds,
    range: (row) => row.estimate.timePerOutputTokenSecondsRange,
    format: formatSeconds,
  },
  {
    key: 'throughput',
    title: 'Throughput',
    axis: 'Output tokens/s, all sequences →',
    scale: 1,
    value: (row) => row.estimate.outputTokensPerSecond,
    range: (row) => row.estimate.outputTokensPerSecondRange,
    format: formatTokenRate,
  },
];

const FITS_COLOURS = { domain: ['fits', 'does not fit'], range: ['#4e79a7', '#c9c9c9'] };

function metricChart(metric: Metric, rows: CompareRow[]): Plot.PlotOptions {
  const data = rows.map((row) => {
    const range = metric.range(row);
    return {
      label: row.label,
      fits: row.estimate.fits ? 'fits' : 'does not fit',
      value: metric.value(row) * metric.scale,
      low: range.low * metric.scale,
      high: range.high * metric.scale,
      title: `${row.label}: ${metric.format(metric.value(row))} (range ${formatRange(range, metric.format)})${row.estimate.fits ? '' : ', does not fit'}`,
    };
  });
  return {
    height: 40 + 26 * rows.length,
    // Room for the longest label at Plot's 10px sans-serif (about 6 px a character).
    marginLeft: Math.min(260, 10 + 6 * Math.max(...rows.map((row) => row.label.length))),
    marginRight: 16,
    x: { label: metric.axis, grid: true, nice: true },
    y: { label: null, domain: rows.map((row) => row.label) },
    color: FITS_COLOURS,
    marks: [
      barX(data, { y: 'label', x: 'value', fill: 'fits', title: 'title', insetTop: 3, insetBottom: 3 }),
      ruleY(data, { y: 'label', x1: 'low', x2: 'high', stroke: '#222' }),
      tickX(data, { y: 'label', x: 'low', stroke: '#222', insetTop: 7, insetBottom: 7 }),
      tickX(data, { y: 'label', x: 'high', stroke: '#222', insetTop: 7, insetBottom: 7 }),
      ruleX([0]),
    ],
  };
}

function SortButton({
  state,
  update,
  column,
  children,
}: {
  state: AppState;
  update: UpdateState;
  column: SortKey;
  children: string;
}) {
  const active = state.sort === column;
  return (
    <button
      type="button"
      class="sort"
      onClick={() =>
        update({ sort: column, sortDescending: active ? !state.sortDescending : column === 'throughput' })
      }
    >
      {children}
      <span aria-hidden="true">{active ? (state.sortDescending ? ' ▼' : ' ▲') : ''}</span>
    </button>
  );
}

function ariaSort(state: AppState, column: SortKey) {
  if (state.sort !== column) return undefined;
  return state.sortDescending ? 'descending' : 'ascending';
}

function CompareTable({ rows, state, update }: { rows: CompareRow[]; state: AppState; update: UpdateState }) {
  const header = (column: SortKey, title: string) => (
    <th scope="col" aria-sort={ariaSort(state, column)}>
      <SortButton state={state} update={update} column={column}>
        {title}
      </SortButton>
    </th>
  );
  return (
    <div class="table-scroll">
      <table class="compare-table" data-testid="compare-table">
        <caption>
          Estimates per GPU (sort by a column's button). Cost: every GPU of the setup at its public on-demand
          list price, running this workload back to back.
        </caption>
        <thead>
          <tr>
            {header('gpu', 'GPU')}
            <th scope="col">Fits</th>
            {METRICS.map((metric) => header(metric.key, metric.title))}
            {header('price', '$ per million output tokens')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.estimate.fits ? 'yes' : 'no'}</td>
              {METRICS.map((metric) => (
                <td key={metric.key} data-metric={metric.key}>
                  {metric.format(metric.value(row))}
                  <small>{formatRange(metric.range(row), metric.format)}</small>
                </td>
              ))}
              <td data-metric="price">
                {row.dollarsPerMillionTokens === null
                  ? 'no price'
                  : formatDollars(row.dollarsPerMillionTokens)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CompareResult({
  estimates,
  state,
  update,
}: {
  estimates: CompareRow['estimate'][];
  state: AppState;
  update: UpdateState;
}) {
  const rows = useMemo(
    () => sortRows(compareRows(estimates), state.sort, state.sortDescending),
    [estimates, state.sort, state.sortDescending],
  );
  const charts = useMemo(() => METRICS.map((metric) => metricChart(metric, rows)), [rows]);
  return (
    <>
      <div class="chart-grid">
        {METRICS.map((metric, i) => (
          <figure key={metric.key}>
            <figcaption>{metric.title}</figcaption>
            <PlotFigure
              options={charts[i]}
              label={`${metric.title} per GPU, with its range`}
              testId={`chart-${metric.key}`}
            />
          </figure>
        ))}
      </div>
      <CompareTable rows={rows} state={state} update={update} />
    </>
  );
}

export function CompareView({ state, update, catalog, modelConfig }: ViewProps) {
  const variables = compareVariables(state, modelConfig);
  const { data, errors, loading } = useQuery(CompareGpusDocument, variables);
  const { byInput, general } = assignErrors(errors, COMPARE_INPUTS);
  const props = { state, update, catalog, modelConfig, errors: byInput };
  return (
    <ViewLayout
      formLabel="Model, GPUs and workload"
      form={
        <>
          <ModelField {...props} />
          <GpuCheckboxes {...props} legend="GPUs" name="gpus" />
          <FormatCheckboxes {...props} legend="Weight formats" name="weightFormats" />
          <KvCacheFormatField {...props} />
          <StateNumberField {...props} name="gpuCount" label="GPUs per setup (tensor parallel)" />
          <WorkloadFields {...props} />
        </>
      }
      title="Comparison"
      loading={loading}
      generalErrors={general}
      empty={
        variables === null
          ? emptyText({ state, modelConfig }, 'Pick one or more GPUs and weight formats to compare them.')
          : null
      }
    >
      {data && <CompareResult estimates={data.compare} state={state} update={update} />}
    </ViewLayout>
  );
}
