/**
 * What every view shares: its form beside its results, the loading line, errors no input names,
 * the empty state while there is nothing to ask, and the last answer kept (dimmed) while the next
 * one loads.
 */
import type { ComponentChildren } from 'preact';
import type { UpdateState } from '../app-state.js';
import type { Catalog } from '../catalog.js';
import type { JsonObject } from '../lib/config-store.js';
import type { AppState } from '../lib/url-state.js';
import { EmptyState, GeneralErrors, Loading } from './status.js';

/** What the app hands every view. */
export interface ViewProps {
  state: AppState;
  update: UpdateState;
  catalog: Catalog;
  /** The pasted config.json the state names, when the model comes from one and this browser has it. */
  modelConfig?: JsonObject;
}

/** What to do while there is nothing to ask: paste the config, when the model comes from one. */
export function emptyText(
  { state, modelConfig }: Pick<ViewProps, 'state' | 'modelConfig'>,
  otherwise: string,
): string {
  return state.modelSource === 'config' && modelConfig === undefined
    ? "Paste a model's config.json to see what this view shows for it."
    : otherwise;
}

interface ViewLayoutProps {
  /** What the form edits, for screen readers. */
  formLabel: string;
  form: ComponentChildren;
  /** The results region's name. */
  title: string;
  loading: boolean;
  generalErrors: string[];
  /** Shown instead of results while nothing can be asked (a required pick is empty); null otherwise. */
  empty: ComponentChildren | null;
  /** The results, once an answer is there. */
  children?: ComponentChildren;
}

export function ViewLayout({
  formLabel,
  form,
  title,
  loading,
  generalErrors,
  empty,
  children,
}: ViewLayoutProps) {
  return (
    <div class="view">
      <form class="controls" aria-label={formLabel} onSubmit={(event) => event.preventDefault()}>
        {form}
      </form>
      <section class="results" aria-label={title} aria-busy={loading} data-testid="results">
        <Loading active={loading} />
        <GeneralErrors messages={generalErrors} />
        {empty !== null ? (
          <EmptyState>{empty}</EmptyState>
        ) : (
          children && <div class={loading ? 'stale' : ''}>{children}</div>
        )}
      </section>
    </div>
  );
}
