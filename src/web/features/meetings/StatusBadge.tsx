import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../gql/graphql';

const COLOURS: Record<MeetingStatus, string> = { PLANNED: 'blue', HELD: 'green', CANCELLED: 'gray' };

/** A meeting's status in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`meetings:status.${status}`)}
    </Badge>
  );
}
