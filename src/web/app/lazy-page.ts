import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** A page loaded on demand, so each route brings only its own code. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}
