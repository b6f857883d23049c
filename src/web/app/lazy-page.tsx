import { type ComponentType, lazy, useState } from 'react';
import type { RouteObject } from 'react-router';
import i18n from './i18n';

/** What a lazy page's route carries: loading its code and catalogues ahead of its first render. */
export interface LazyPageHandle {
  preload(): Promise<unknown>;
}

/**
 * A page loaded on demand, so each route brings only its own code. Its catalogue namespaces
 * load in parallel with the code, rather than after it when the page first renders. The
 * frame's Suspense (AppLayout) shows a loader meanwhile, and its error boundary a page that
 * failed to load. A page whose code and catalogues are in already is drawn at once: the page a
 * visit begins on is loaded before the first render (app/routes.tsx), so it shows no loader.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>, namespaces: string[] = []): Pick<RouteObject, 'element' | 'handle'> {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= Promise.all([load(), namespaces.length ? i18n.loadNamespaces(namespaces) : undefined]).then(
      ([module]) => (loaded = module.default),
      (error: unknown) => {
        // A failed load may be tried again by the next visit to the route.
        loading = undefined;
        throw error;
      },
    ));
  const LazyPage = lazy(async () => ({ default: await preload() }));
  function Page() {
    // Chosen once per visit of the route: switching would draw the page anew.
    const [Shown] = useState(() => loaded ?? LazyPage);
    return <Shown />;
  }
  const handle: LazyPageHandle = { preload };
  return { element: <Page />, handle };
}
