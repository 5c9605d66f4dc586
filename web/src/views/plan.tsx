/**
 * Plan: the planner's form (model, workload, request rate, latency targets, GPUs and formats to
 * search, objective) and its answer: the ranked deployments that meet every target, the frontier
 * of tokens/s per GPU against tokens/s per user, and how many configurations failed and why.
 */
import type * as Plot from '@observablehq/plot';
import { dot, line, text } from '@observablehq/plot';
import { useMemo } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import { SelectField } from '../components/field.js';
import { ModelField } from '../components/model-field.js';
import { PlotFigure } from '../components/plot-figure.js';
import {
  FormatCheckboxes,
  GpuCheckboxes,
  LatencyLimitFields,
  PromptOutputFields,
  StateNumberField,
} from '../components/setup-fields.js';
import { EmptyState } from '../components/status.js';
import { emptyText, ViewLayout, type ViewProps } from '../components/view-layout.js';
import { PlanDeploymentDocument, type PlanDeploymentQuery } from '../gql/graphql.js';
import { assignErrors } from '../lib/errors.js';
import { formatDollars, formatSeconds, formatTokenRate } from '../lib/format.js';
import { layoutLabel, PLAN_INPUTS, planVariables } from '../lib/plan.js';
import { OBJECTIVES, type Objective } from '../lib/url-state.js';

type Plan = PlanDeploymentQuery['plan'];

const OBJECTIVE_LABELS: Record<Objective, string> = {
  COST: 'Lowest cost',
  GPU_COUNT: 'Fewest GPUs',
  THROUGHPUT_PER_GPU: 'Most tokens/s per GPU',
  LATENCY: 'Lowest latency',
};

/** 'TIME_TO_FIRST_TOKEN: 11 sequences ...' -> 'time to first token' and the explanation after the colon. */
const constraintCode = (text: string) => (text.split(':')[0] ?? text).toLowerCase().replaceAll('_', ' ');
const constraintDetail = (text: string) => text.slice(text.indexOf(':') + 1).trim();

function frontierChart(plan: Plan): Plot.PlotOptions {
  const frontier = plan.paretoFrontier.map((c) => ({
    x: c.serving.outputTokensPerSecondPerUser,
    y: c.serving.outputTokensPerSecondPerGpu,
    gpu: c.gpu.name,
    title: `${c.gpuCount}× ${c.gpu.name} · ${c.weightFormat}, ${c.concurrencyPerReplica} users per replica: ${formatTokenRate(c.serving.outputTokensPerSecondPerGpu)} per GPU, ${formatTokenRate(c.serving.outputTokensPerSecondPerUser)} per user`,
  }));
  const ranked = plan.candidates.map((c, i) => ({
    x: c.serving.outputTokensPerSecondPerUser,
    y: c.serving.outputTokensPerSecondPerGpu,
    rank: String(i + 1),
    title: `#${i + 1}: ${c.gpuCount}× ${c.gpu.name} · ${c.weightFormat}`,
  }));
  return {
    height: 380,
    marginLeft: 60,
    x: { label: 'Tokens/s per user →', grid: true, nice: true },
    y: { label: '↑ Output tokens/s per GPU', grid: true, nice: true },
    color: { legend: true },
    marks: [
      line(
        [...frontier].sort((a, b) => a.x - b.x),
        { x: 'x', y: 'y', stroke: '#999', strokeDasharray: '3,3' },
      ),
      dot(frontier, { x: 'x', y: 'y', fill: 'gpu', r: 4, title: 'title' }),
      dot(ranked, { x: 'x', y: 'y', stroke: '#111', r: 9, title: 'title' }),
      text(ranked, { x: 'x', y: 'y', text: 'rank', dy: -14, fontWeight: 'bold' }),
    ],
  };
}

function PlanResult({ plan }: { plan: Plan }) {
  const chart = useMemo(() => frontierChart(plan), [plan]);
  const rejected = plan.rejected.filter((r) => r.count > 0);
  return (
    <>
      <p class="summary" data-testid="plan-summary">
        {plan.candidates.length} of {plan.evaluated.toLocaleString('en-US')} configurations shown
        {rejected.length > 0 &&
          `; rejected: ${rejected.map((r) => `${r.count.toLocaleString('en-US')} ${r.reason.toLowerCase().replaceAll('_', ' ')}`).join(', ')}`}
        .
      </p>
      {plan.candidates.length === 0 ? (
        <EmptyState>
          No deployment meets these targets. Loosen a latency limit, allow more GPUs or more formats.
        </EmptyState>
      ) : (
        <>
          <div class="table-scroll">
            <table class="numbers" data-testid="plan-table">
              <caption>Deployments that meet every target, best first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Deployment</th>
                  <th scope="col">Replicas (GPUs)</th>
                  <th scope="col">Formats</th>
                  <th scope="col">Users per replica</th>
                  <th scope="col">TTFT</th>
                  <th scope="col">TPOT</th>
                  <th scope="col">Tokens/s per GPU</th>
                  <th scope="col">Fleet $/hour</th>
                  <th scope="col">$ per million output tokens</th>
                  <th scope="col">Binding constraint</th>
                </tr>
              </thead>
              <tbody>
                {plan.candidates.map((c, i) => (
                  <tr key={`${i}-${c.gpu.name}`}>
                    <td>{i + 1}</td>
                    <th scope="row">
                      {c.gpuCount}× {c.gpu.name}
                      <small>{layoutLabel(c.parallelism)}</small>
                    </th>
                    <td>
                      {c.replicas} ({c.totalGpus})
                    </td>
                    <td>
                      {c.weightFormat}
                      <small>KV {c.kvCacheFormat}</small>
                    </td>
                    <td>{c.concurrencyPerReplica}</td>
                    <td>{formatSeconds(c.serving.timeToFirstTokenSeconds)}</td>
                    <td>{formatSeconds(c.serving.timePerOutputTokenSeconds)}</td>
                    <td>{formatTokenRate(c.serving.outputTokensPerSecondPerGpu)}</td>
                    <td>{c.dollarsPerHour == null ? 'no price' : formatDollars(c.dollarsPerHour)}</td>
                    <td>
                      {c.dollarsPerMillionOutputTokens == null
                        ? 'no price'
                        : formatDollars(c.dollarsPerMillionOutputTokens)}
                    </td>
                    <td class="constraint">
                      {constraintCode(c.bindingConstraint)}
                      <small>{constraintDetail(c.bindingConstraint)}</small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figure>
            <figcaption>
              Frontier: no other deployment gives more tokens/s both per GPU and per user (numbers: the ranked
              ones)
            </figcaption>
            <PlotFigure
              options={chart}
              label="Pareto frontier of tokens/s per GPU against tokens/s per user"
              testId="plan-chart"
            />
          </figure>
        </>
      )}
    </>
  );
}

export function PlanView({ state, update, catalog, modelConfig }: ViewProps) {
  const variables = planVariables(state, modelConfig);
  const { data, errors, loading } = useQuery(PlanDeploymentDocument, variables);
  const { byInput, general } = assignErrors(errors, PLAN_INPUTS);
  const props = { state, update, catalog, modelConfig, errors: byInput };
  return (
    <ViewLayout
      formLabel="Model, workload and targets"
      form={
        <>
          <ModelField {...props} />
          <PromptOutputFields {...props} />
          <StateNumberField
            {...props}
            name="requestsPerSecond"
            label="Requests per second"
            hint="0: one replica"
            decimal
            min={0}
          />
          <LatencyLimitFields {...props} />
          <StateNumberField {...props} name="maxGpus" label="Most GPUs per replica" />
          <SelectField
            name="objective"
            label="Rank by"
            value={state.objective}
            options={OBJECTIVES.map((objective) => ({
              value: objective,
              label: OBJECTIVE_LABELS[objective],
            }))}
            errors={byInput.objective}
            onChange={(objective) => update({ objective: objective as Objective })}
          />
          <GpuCheckboxes {...props} legend="GPUs to consider (none ticked: all)" name="planGpus" />
          <FormatCheckboxes
            {...props}
            legend="Weight formats (none ticked: FP16, FP8, INT8, INT4)"
            name="planWeightFormats"
          />
        </>
      }
      title="Plan"
      loading={loading}
      generalErrors={general}
      empty={
        variables === null
          ? emptyText({ state, modelConfig }, 'Choose a model and a workload to plan a deployment.')
          : null
      }
    >
      {data && <PlanResult plan={data.plan} />}
    </ViewLayout>
  );
}
