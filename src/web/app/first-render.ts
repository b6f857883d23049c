/**
 * What the first page of a visit needs before React draws it: its code, its catalogues, its data.
 * Drawn before they are in, it commits loaders first; React then holds a Suspense boundary's
 * content back for up to 300 ms after its fallback appeared (React 19 reveals fallbacks and
 * content in steps), and the page draws twice. A route's module, loaded with the app, holds the
 * first render for what its page will need (features/map/routes.tsx); boot.tsx waits for it, at
 * most FIRST_RENDER_WAIT_MS, after which the page draws with its loaders as any later page does.
 */
const held: Promise<unknown>[] = [];

export const FIRST_RENDER_WAIT_MS = 2000;

/** The first render waits for this (its failure is the page's to show, not this wait's). */
export function holdFirstRender(work: Promise<unknown>): void {
  held.push(work);
}

/** Resolves when everything held has settled, or after `capMs`. */
export function firstRenderReady(capMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.allSettled(held).then(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, capMs);
    }),
  ]).finally(() => clearTimeout(timer));
}
