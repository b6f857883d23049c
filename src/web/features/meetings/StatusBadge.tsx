import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../gql/graphql';

const COLOURS: Record<MeetingStatus, string> = { PLANNED: 'blue.8', HELD: 'teal.9', CANCELLED: 'gray.8' };

/** A meeting's status in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  return (
    <Badge color={COLOURS[status]} variant="outline" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`meetings:status.${status}`)}
    </Badge>
  );
}
