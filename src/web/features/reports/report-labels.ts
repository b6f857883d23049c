import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType, ReportStatus, Role } from '../../gql/graphql';
import { type ServerError, useErrorText } from '../../app/errors';
import { notify } from '../../app/notify';

export const REPORT_STATUSES: ReportStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];

export const ACTIVITY_TYPES: ActivityType[] = [
  'TRAINING',
  'ROUND_TABLE',
  'PUBLIC_CONSULTATION',
  'SURVEY',
  'FOCUS_GROUP',
  'INFORMATION_CAMPAIGN',
  'MONITORING_VISIT',
  'GRANT',
  'PUBLICATION',
  'OTHER',
];

/** Who reads the reports screens: partners (their organisation's reports) and ADMIN (all). */
export const REPORT_READERS: Role[] = ['PARTNER_EDITOR', 'PARTNER_VIEWER', 'ADMIN'];
/** Who writes reports. */
export const REPORT_WRITERS: Role[] = ['PARTNER_EDITOR', 'ADMIN'];
/** Who reviews them. */
export const REVIEWERS: Role[] = ['SECRETARIAT', 'ADMIN'];

/** Dark shades, so that white text on the badge keeps WCAG AA contrast (Mantine's greens and oranges do not). */
export const STATUS_COLOURS: Record<ReportStatus, string> = {
  DRAFT: 'gray.7',
  SUBMITTED: 'blue.8',
  RETURNED: 'red.9',
  ACCEPTED: 'teal.9',
};

/**
 * Says a server error in the UI's language: the reports catalogue knows the reasons of
 * activity reports and their import; anything else goes to the common wording.
 */
export function useReportErrorText() {
  const { t, i18n } = useTranslation('reports');
  const general = useErrorText();
  return useCallback(
    (error: ServerError): string => {
      const key = error.reason ? `reports:reason.${error.reason}` : null;
      if (key && i18n.exists(key)) return t(key);
      return general(error);
    },
    [t, i18n, general],
  );
}

/**
 * A random key for `submitActivityReport`, made once per form, so a double click or a retry
 * after a lost answer submits one report. `crypto.randomUUID` exists only on https and
 * localhost; `getRandomValues` everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface UnitPlace {
  code: string;
  ancestors: string[];
}

/**
 * True when a place lies outside a project's coverage, as the hub decides it: neither the
 * place itself, nor a unit around it, nor one inside it is covered.
 */
export function isOutsideCoverage(place: UnitPlace, coverage: UnitPlace[]): boolean {
  return !coverage.some((covered) => covered.code === place.code || place.ancestors.includes(covered.code) || covered.ancestors.includes(place.code));
}

/** An organisation as people call it. */
export function organisationName(organisation: { name?: string | null; acronym?: string | null; id: string } | null | undefined): string {
  if (!organisation) return '';
  return organisation.acronym ?? organisation.name ?? organisation.id;
}

/** Shows a notice ("Saved") whose close button says what it does (Mantine's has no name of its own). */
export function useNotice() {
  const { t } = useTranslation('reports');
  return useCallback((message: string, color = 'blue') => notify({ message, color, closeButtonProps: { 'aria-label': t('reports:notice.close') } }), [t]);
}
