import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A view's filters, sort and page kept in the URL, so a link reproduces the view. Changing a
 * filter goes back to page 1; empty values leave the URL.
 */
const NO_DEFAULTS = {};

export function useUrlState<Key extends string>(defaults: Partial<Record<Key, string>> = NO_DEFAULTS) {
  const [params, setParams] = useSearchParams();
  const get = useCallback((key: Key): string => params.get(key) ?? defaults[key] ?? '', [params, defaults]);
  const getList = useCallback((key: Key): string[] => (params.get(key) ?? defaults[key] ?? '').split(',').filter(Boolean), [params, defaults]);
  const set = useCallback(
    (changes: Partial<Record<Key | 'page', string | string[] | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [string, string | string[] | null][]) {
            const text = Array.isArray(value) ? value.join(',') : value;
            if (text) next.set(key, text);
            else next.delete(key);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { get, getList, set, page, setPage: (value: number) => set({ page: value > 1 ? String(value) : null } as Partial<Record<Key | 'page', string | null>>) };
}
