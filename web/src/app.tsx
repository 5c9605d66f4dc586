/** The shell: a header with one link per view (each keeps the current inputs), and the view. */
import type { ComponentType } from 'preact';
import { useAppState } from './app-state.js';
import { useCatalog } from './catalog.js';
import type { ViewProps } from './components/view-layout.js';
import { serializeState, type View } from './lib/url-state.js';
import { useStoredConfig } from './model-config.js';
import { CompareView } from './views/compare.js';
import { FitView } from './views/fit.js';
import { PlanView } from './views/plan.js';
import { RooflineView } from './views/roofline.js';
import { ServingView } from './views/serving.js';

const VIEWS: { view: View; title: string; component: ComponentType<ViewProps> }[] = [
  { view: 'fit', title: 'Fit', component: FitView },
  { view: 'compare', title: 'Compare', component: CompareView },
  { view: 'roofline', title: 'Roofline', component: RooflineView },
  { view: 'serving', title: 'Serving', component: ServingView },
  { view: 'plan', title: 'Plan', component: PlanView },
];

export function App() {
  const [state, update] = useAppState();
  const { catalog, error } = useCatalog();
  const modelConfig = useStoredConfig(state.config);
  const current = VIEWS.find((entry) => entry.view === state.view) ?? VIEWS[0];
  const Current = current.component;
  return (
    <>
      <header class="app-header">
        <h1>LLM Inference Estimator</h1>
        <nav aria-label="Views">
          {VIEWS.map((entry) => (
            <a
              key={entry.view}
              href={`/${serializeState({ ...state, view: entry.view })}`}
              aria-current={entry.view === state.view ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                event.preventDefault();
                update({ view: entry.view });
              }}
            >
              {entry.title}
            </a>
          ))}
          <a href="/graphql">GraphQL playground</a>
        </nav>
      </header>
      <main>
        <h2 class="view-title">{current.title}</h2>
        {error && (
          <p class="general-errors" role="alert">
            The catalog could not be loaded: {error}
          </p>
        )}
        <Current state={state} update={update} catalog={catalog} modelConfig={modelConfig} />
      </main>
    </>
  );
}
