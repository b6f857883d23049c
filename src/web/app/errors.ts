import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** One error the hub sent: its code, the feature's reason, the input field it names. */
export interface ServerError {
  code: string;
  reason?: string;
  field?: string;
  message: string;
}

export function serverErrors(error: unknown): ServerError[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((entry) => ({
      code: String(entry.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
      reason: entry.extensions?.reason as string | undefined,
      field: entry.extensions?.field as string | undefined,
      message: entry.message,
    }));
  }
  if (error) return [{ code: 'NETWORK', message: error instanceof Error ? error.message : String(error) }];
  return [];
}

export function hasCode(error: unknown, code: string): boolean {
  return serverErrors(error).some((entry) => entry.code === code);
}

/**
 * Says what went wrong in the UI's language: by the feature's reason where the catalogue knows
 * it, else by the general code, with the hub's own (English) words added for the details.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation('errors');
  return useCallback(
    (error: ServerError): string => {
      const byReason = error.reason ? `errors:reason.${error.reason}` : null;
      if (byReason && i18n.exists(byReason)) return t(byReason);
      const byCode = i18n.exists(`errors:code.${error.code}`) ? `errors:code.${error.code}` : 'errors:code.INTERNAL_SERVER_ERROR';
      return t('errors:withDetails', { text: t(byCode), details: error.message });
    },
    [t, i18n],
  );
}

/** BAD_USER_INPUT errors by the form field they name (`input.title.en` → `title.en`). */
export function fieldErrorsOf(error: unknown, describe: (error: ServerError) => string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const entry of serverErrors(error)) {
    if (entry.code === 'BAD_USER_INPUT' && entry.field) fields[entry.field.replace(/^input\./, '')] = describe(entry);
  }
  return fields;
}

/**
 * Puts a failed mutation's BAD_USER_INPUT errors next to the form fields they name and
 * returns the rest (to show above the form). `fieldMap` renames server paths the form calls
 * otherwise, e.g. `{ 'input.title': 'title.en' }`.
 */
export function applyServerErrors(
  form: { setFieldError(path: string, message: string): void },
  error: unknown,
  describe: (error: ServerError) => string,
  fieldMap: Record<string, string> = {},
): ServerError[] {
  const rest: ServerError[] = [];
  for (const entry of serverErrors(error)) {
    if (entry.code === 'BAD_USER_INPUT' && entry.field) {
      form.setFieldError(fieldMap[entry.field] ?? entry.field.replace(/^input\./, ''), describe(entry));
    } else {
      rest.push(entry);
    }
  }
  return rest;
}
