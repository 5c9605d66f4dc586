/**
 * Roofline: the GPU's compute roof and memory-bandwidth slope on log-log axes, with every operator of
 * prefill and decode at its arithmetic intensity and achieved rate, coloured by what bounds it.
 */
import type * as Plot from '@observablehq/plot';
import { dot, line, ruleX, text } from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { EstimateView } from '../components/estimate-view.js';
import { PlotFigure } from '../components/plot-figure.js';
import type { ViewProps } from '../components/view-layout.js';
import { RooflineDocument, type RooflineQuery } from '../gql/graphql.js';
import { formatSeconds, formatSi } from '../lib/format.js';
import {
  decadeDomain,
  pointLabels,
  type RooflinePoint,
  ridgeIntensity,
  rooflinePoints,
  roofPolyline,
} from '../lib/roofline.js';

type Estimate = RooflineQuery['estimate'];

const TERA = 1e12;
const BOUND_COLOURS = {
  domain: ['COMPUTE', 'MEMORY', 'INTERCONNECT', 'OVERHEAD'],
  range: ['#e15759', '#4e79a7', '#59a14f', '#9c9c9c'],
};

function pointsOf(estimate: Estimate): RooflinePoint[] {
  return [
    ...rooflinePoints('prefill', estimate.prefill.operators),
    ...rooflinePoints('decode', estimate.decode.operators),
  ];
}

function rooflineChart(estimate: Estimate, points: RooflinePoint[]): Plot.PlotOptions {
  const peak = estimate.assumptions.computePeakFlopsPerSecond;
  const bandwidth = estimate.gpu.memoryBandwidthBytesPerSecond;
  const ridge = ridgeIntensity(peak, bandwidth);
  const [from, to] = decadeDomain([...points.map((p) => p.intensity), ridge]);
  const roof = roofPolyline(peak, bandwidth, from, to).map((p) => ({
    x: p.intensity,
    y: p.flopsPerSecond / TERA,
  }));
  const data = points.map((p) => ({
    ...p,
    y: p.flopsPerSecond / TERA,
    title: `${p.phase} ${p.name}: ${formatSi(p.intensity, 'FLOP/B')}, ${formatSi(p.flopsPerSecond, 'FLOP/s')}, ${p.bound.toLowerCase()}-bound, ${formatSeconds(p.seconds)}`,
  }));
  const labels = pointLabels(points).map((label) => ({ ...label, y: label.flopsPerSecond / TERA }));
  const rightQuarter = from * (to / from) ** 0.75;
  const [yLow, yHigh] = decadeDomain([...data.map((p) => p.y), peak / TERA, roof[0].y]);
  return {
    height: 460,
    marginLeft: 60,
    marginRight: 30,
    x: { type: 'log', domain: [from, to], label: 'Arithmetic intensity, FLOPs per byte →', grid: true },
    y: { type: 'log', domain: [yLow, yHigh], label: '↑ Achieved rate, TFLOP/s', grid: true },
    color: { ...BOUND_COLOURS, legend: true },
    symbol: { domain: ['prefill', 'decode'], range: ['circle', 'triangle'], legend: true },
    marks: [
      line(roof, { x: 'x', y: 'y', stroke: '#222', strokeWidth: 2 }),
      ruleX([ridge], { strokeDasharray: '3,3', stroke: '#888' }),
      text([{ x: to, y: peak / TERA }], {
        x: 'x',
        y: 'y',
        text: () => `peak ${formatSi(peak, 'FLOP/s')} (${estimate.assumptions.computeFormatUsed})`,
        textAnchor: 'end',
        dy: -8,
      }),
      text([{ x: ridge, y: yLow }], {
        x: 'x',
        y: 'y',
        text: () => `ridge ${formatSi(ridge, 'FLOP/B')}`,
        textAnchor: 'start',
        dx: 4,
        dy: -8,
        fill: '#555',
      }),
      dot(data, {
        x: 'intensity',
        y: 'y',
        fill: 'bound',
        symbol: 'phase',
        r: 6,
        stroke: 'white',
        title: 'title',
      }),
      // Alternate clusters' labels above and below their points, so neighbours do not overprint;
      // labels in the right quarter run leftwards so the frame does not cut them.
      ...[0, 1].flatMap((parity) =>
        [false, true].map((leftwards) =>
          text(
            labels.filter(
              (label) => label.rank % 2 === parity && label.intensity > rightQuarter === leftwards,
            ),
            {
              x: 'intensity',
              y: 'y',
              text: 'text',
              dx: leftwards ? -9 : 9,
              dy: parity === 0 ? -9 : 11,
              textAnchor: leftwards ? 'end' : 'start',
              fontSize: 10,
              fill: '#333',
              lineWidth: 18,
            },
          ),
        ),
      ),
    ],
  };
}

function RooflineResult({ estimate }: { estimate: Estimate }) {
  const points = useMemo(() => pointsOf(estimate), [estimate]);
  const chart = useMemo(() => rooflineChart(estimate, points), [estimate, points]);
  return (
    <>
      <p class="summary" data-testid="roofline-summary">
        {estimate.gpu.name}: {formatSi(estimate.assumptions.computePeakFlopsPerSecond, 'FLOP/s')} peak in{' '}
        {estimate.assumptions.computeFormatUsed},{' '}
        {formatSi(estimate.gpu.memoryBandwidthBytesPerSecond, 'B/s')} memory bandwidth. Prefill takes{' '}
        {formatSeconds(estimate.prefill.seconds)}, a decode step {formatSeconds(estimate.decode.seconds)}.
      </p>
      <PlotFigure
        options={chart}
        label="Roofline: each operator's achieved rate against its arithmetic intensity, with the GPU's roofs"
        testId="roofline-chart"
      />
      <div class="table-scroll">
        <table class="numbers" data-testid="operator-table">
          <caption>
            Operators on the chart (those with no FLOPs, such as the embedding lookup and all-reduces, have no
            place on it)
          </caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Operator</th>
              <th scope="col">Intensity</th>
              <th scope="col">Achieved rate</th>
              <th scope="col">Bound</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={`${p.phase}-${p.name}`}>
                <td>{p.phase}</td>
                <th scope="row">{p.name}</th>
                <td>{formatSi(p.intensity, 'FLOP/B')}</td>
                <td>{formatSi(p.flopsPerSecond, 'FLOP/s')}</td>
                <td>{p.bound.toLowerCase()}</td>
                <td>{formatSeconds(p.seconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RooflineView(props: ViewProps) {
  return (
    <EstimateView
      {...props}
      document={RooflineDocument}
      title="Roofline"
      empty="Choose a model and a GPU to place their operators on the roofline."
      render={(data) => <RooflineResult estimate={data.estimate} />}
    />
  );
}
