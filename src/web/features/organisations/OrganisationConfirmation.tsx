import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmOrganisationDocument } from '../../gql/graphql';
import { hasCode, type ServerError, serverErrors } from '../../app/errors';
import { STAFF, useSession } from '../../app/session';
import { ReasonAlert, useNotifySuccess, useReasonText } from '../users/reasons';

/** Marks an organisation an IATI import created that the secretariat has not confirmed yet. */
export function AwaitingConfirmationBadge() {
  const { t } = useTranslation('organisations');
  return (
    <Badge color="yellow.4" autoContrast variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t('organisations:confirmation.badge')}
    </Badge>
  );
}

/**
 * On the page of an organisation an import created: what that means, and for the secretariat
 * the button that confirms it (from the version shown; a CONFLICT asks to load the newest).
 */
export function ConfirmationPanel({ organisation, onReload }: { organisation: { id: string; name?: string | null; version: number }; onReload(): Promise<unknown> }) {
  const { t } = useTranslation(['organisations', 'common']);
  const { user } = useSession();
  const describe = useReasonText('organisations');
  const notifySuccess = useNotifySuccess('organisations');
  const [confirm, { loading }] = useMutation(ConfirmOrganisationDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const staff = !!user && STAFF.includes(user.role);

  const submit = async () => {
    setErrors([]);
    setConflict(false);
    try {
      await confirm({ variables: { id: organisation.id, version: organisation.version } });
      notifySuccess(t('organisations:confirmation.done', { name: organisation.name ?? '' }));
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else setErrors(serverErrors(error));
    }
  };

  return (
    <Alert color="orange" variant="light" title={t('organisations:confirmation.title')}>
      <Stack gap="sm">
        <Text size="sm">{staff ? t('organisations:confirmation.textStaff') : t('organisations:confirmation.text')}</Text>
        {conflict && (
          // As ConflictAlert does for forms, in words that fit a button: look at the newest version, then confirm it.
          <Alert color="orange" title={t('common:conflict.title')} role="alert">
            {t('organisations:confirmation.conflict')}
            <Button mt="sm" size="xs" variant="light" color="orange" display="block" onClick={() => void onReload().then(() => setConflict(false))}>
              {t('common:conflict.reload')}
            </Button>
          </Alert>
        )}
        <ReasonAlert errors={errors} describe={describe} />
        {staff && (
          <div>
            <Button onClick={() => void submit()} loading={loading} disabled={conflict}>
              {t('organisations:confirmation.confirm')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
