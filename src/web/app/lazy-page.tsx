import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router';
import i18n from './i18n';

/**
 * A page loaded on demand, so each route brings only its own code. Its catalogue namespaces
 * load in parallel with the code, rather than after it when the page first renders. The
 * frame's Suspense (AppLayout) shows a loader meanwhile, and its error boundary a page that
 * failed to load.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>, namespaces: string[] = []): Pick<RouteObject, 'element'> {
  const Page = lazy(async () => {
    const [module] = await Promise.all([load(), namespaces.length ? i18n.loadNamespaces(namespaces) : undefined]);
    return module;
  });
  return { element: <Page /> };
}
