/** The app state as a hook over the URL: reading parses location.search, updating rewrites it. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type AppState, parseState, serializeState } from './lib/url-state.js';

export type UpdateState = (change: Partial<AppState>) => void;

export function useAppState(): [AppState, UpdateState] {
  const [state, setState] = useState(() => parseState(window.location.search));

  useEffect(() => {
    const onPopState = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback<UpdateState>((change) => {
    setState((previous) => {
      const next = { ...previous, ...change };
      const url = `${window.location.pathname}${serializeState(next)}`;
      // A new view is a new history entry (Back returns to the last one); edits within a view are not.
      if (change.view !== undefined && change.view !== previous.view) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      return next;
    });
  }, []);

  return [state, update];
}
