import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { expectedLanguage, type UiLanguage } from './languages';

/**
 * Requests that a first visit starts from the entry module, before the app's code (React,
 * Apollo, Mantine: most of the page's JavaScript) has arrived and run. The app takes their
 * answers over instead of asking again: Apollo through `takeEarlyAnswer` (app/apollo.ts), other
 * files through `takeEarlyFetch`. On a cold load of the public map, its data then travels while
 * the code downloads, not after it (BENCHMARKS.md, "The web UI"). Each answer is taken at most
 * once; one that nothing takes is dropped with the page.
 */

interface EarlyQuery {
  language: UiLanguage;
  /** The answer's body, or null when it was not a GraphQL answer (the app then asks itself). */
  answer: Promise<unknown>;
}

const queries = new Map<string, EarlyQuery>();
const fetches = new Map<string, Promise<Response>>();

/** The operation and its variables, whatever the order of the variables' keys. */
function keyOf(operationName: string | undefined, variables: unknown): string {
  const sorted = JSON.stringify(variables ?? {}, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
  return `${operationName ?? ''}\u0000${sorted}`;
}

const operationNameOf = (document: DocumentNode) =>
  document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')?.name?.value;

/**
 * Sends a query as Apollo's HttpLink would (same origin, the session cookie, the language
 * i18next is about to choose). The document carries its `__typename`s (codegen.yml), so the
 * answer can go into Apollo's cache as it is, and its text (the build's documentPerModule), so
 * the entry needs no GraphQL printer; a document without it is left to Apollo.
 */
export function startEarlyQuery(document: DocumentNode, variables: Record<string, unknown>): void {
  const query = document.loc?.source.body;
  if (!query) return;
  const operationName = operationNameOf(document);
  const language = expectedLanguage();
  const answer = fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9', 'accept-language': language },
    body: JSON.stringify({ operationName, query, variables }),
  })
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null);
  queries.set(keyOf(operationName, variables), { language, answer });
}

/**
 * The early answer to this operation with these variables, if one was started in this language;
 * null when there is none (ask the network). A null answer means it failed: ask again.
 */
export function takeEarlyAnswer(operationName: string | undefined, variables: unknown, language: string): Promise<unknown> | null {
  const key = keyOf(operationName, variables);
  const early = queries.get(key);
  if (!early) return null;
  queries.delete(key);
  return early.language === language ? early.answer : null;
}

/** Starts fetching a file the app will ask for (`takeEarlyFetch`). */
export function startEarlyFetch(url: string): void {
  const response = fetch(url, { credentials: 'same-origin' });
  response.catch(() => undefined); // a failure is the taker's to see
  fetches.set(url, response);
}

/** The response to an early fetch of this address, once; null if none was started. */
export function takeEarlyFetch(url: string): Promise<Response> | null {
  const response = fetches.get(url) ?? null;
  fetches.delete(url);
  return response;
}
