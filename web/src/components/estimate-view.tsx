/** A view of one estimate (Fit, Roofline): one model on one GPU type and a workload, drawn by `render`. */
import type { ComponentChildren } from 'preact';
import { useQuery } from '../api/use-query.js';
import type { FitEstimateQueryVariables, TypedDocumentString } from '../gql/graphql.js';
import { assignErrors } from '../lib/errors.js';
import { ESTIMATE_INPUTS, estimateVariables } from '../lib/requests.js';
import { SetupFields, WorkloadFields } from './setup-fields.js';
import { emptyText, ViewLayout, type ViewProps } from './view-layout.js';

interface EstimateViewProps<T> extends ViewProps {
  /** The view's document: any with one `$input: EstimateInput!`. */
  document: TypedDocumentString<T, FitEstimateQueryVariables>;
  title: string;
  /** What to do while the model or the GPU is empty. */
  empty: string;
  /** Offer pipeline and data degrees beside the tensor-parallel GPUs (Fit). */
  split?: boolean;
  render: (data: T) => ComponentChildren;
}

export function EstimateView<T>({
  document,
  title,
  empty,
  render,
  split = false,
  ...view
}: EstimateViewProps<T>) {
  const { state, modelConfig } = view;
  const variables = estimateVariables(state, modelConfig, split);
  const { data, errors, loading } = useQuery(document, variables);
  const { byInput, general } = assignErrors(errors, ESTIMATE_INPUTS);
  return (
    <ViewLayout
      formLabel="Model, GPU and workload"
      form={
        <>
          <SetupFields {...view} errors={byInput} split={split} />
          <WorkloadFields {...view} errors={byInput} />
        </>
      }
      title={title}
      loading={loading}
      generalErrors={general}
      empty={variables === null ? emptyText(view, empty) : null}
    >
      {data && render(data)}
    </ViewLayout>
  );
}
