import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../gql/graphql';
import { STATUS_COLOURS } from './report-labels';

/** A report's place in its review, in colour and in words (the colour never says it alone), never cut short by a narrow column. */
export function StatusBadge({ status, size = 'sm' }: { status: ReportStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('reports');
  return (
    <Badge color={STATUS_COLOURS[status]} size={size} variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t(`reports:status.${status}`)}
    </Badge>
  );
}
