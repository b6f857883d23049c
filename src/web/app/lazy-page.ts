import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import i18n from './i18n';

/**
 * A page loaded on demand, so each route brings only its own code. Its catalogue namespaces
 * load in parallel with the code, rather than after it when the page first renders.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>, namespaces: string[] = []): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const [module] = await Promise.all([load(), namespaces.length ? i18n.loadNamespaces(namespaces) : undefined]);
      return { Component: module.default };
    },
  };
}
