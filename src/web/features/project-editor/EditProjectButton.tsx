import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParticipantRole } from '../../gql/graphql';
import { useSession } from '../../app/session';
import { editRight } from './model';

/**
 * On the public project page: "Edit" for those who may change the project (ADMIN, or a partner
 * editor whose organisation runs it), "Record money" for an editor of an organisation that only
 * funds it; nothing for anyone else.
 */
export function EditProjectButton({ projectId, participants }: { projectId: string; participants: { role: ParticipantRole; organisation: { id: string } }[] }) {
  const { user } = useSession();
  const right = editRight(user, participants);
  // The catalogue loads only for those who see the button.
  return right === 'none' ? null : <EditButton projectId={projectId} right={right} />;
}

function EditButton({ projectId, right }: { projectId: string; right: 'edit' | 'funding' }) {
  const { t } = useTranslation(['projectEditor', 'common']);
  return (
    <Button component={Link} to={`/app/projects/${projectId}/edit`} variant="light" size="sm">
      {right === 'edit' ? t('projectEditor:page.edit') : t('projectEditor:page.money')}
    </Button>
  );
}
