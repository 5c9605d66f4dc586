/** The catalog the pickers offer, fetched once for the whole app. */
import { useMemo } from 'preact/hooks';
import { useQuery } from './api/use-query.js';
import { CatalogDocument, type CatalogQuery } from './gql/graphql.js';
import { formatBytes } from './lib/format.js';

export interface Option {
  value: string;
  label: string;
}

export interface Catalog {
  models: Option[];
  gpus: Option[];
  /** GPU id -> display name. */
  gpuNames: Map<string, string>;
}

function toCatalog(data: CatalogQuery): Catalog {
  return {
    models: data.models.map((model) => ({
      value: model.id,
      label: `${model.name} · ${(model.parameterCount / 1e9).toPrecision(3)}B parameters · ${model.contextWindow.toLocaleString('en-US')} tokens context`,
    })),
    gpus: data.gpus.map((gpu) => ({ value: gpu.id, label: `${gpu.name} · ${formatBytes(gpu.memoryBytes)}` })),
    gpuNames: new Map(data.gpus.map((gpu) => [gpu.id, gpu.name])),
  };
}

const EMPTY: Catalog = { models: [], gpus: [], gpuNames: new Map() };
const NO_VARIABLES = {};

export function useCatalog(): { catalog: Catalog; error?: string } {
  const { data, errors } = useQuery(CatalogDocument, NO_VARIABLES);
  const catalog = useMemo(() => (data ? toCatalog(data) : EMPTY), [data]);
  return { catalog, error: errors[0]?.message };
}
