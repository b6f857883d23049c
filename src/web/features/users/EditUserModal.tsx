import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminUserListDocument, type Role, UpdateUserAccountDocument } from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError, serverErrors } from '../../app/errors';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { ReasonAlert, useNotifySuccess, useReasonText } from './reasons';
import { type ListedUser, PARTNER_ROLES, ROLES } from './user-choices';

/**
 * Changes a user's name, role and organisation. It sends the version it read; when someone
 * changed the user meanwhile, the input stays and the newest version can be loaded.
 */
export function EditUserModal({ user, organisations, onClose }: { user: ListedUser; organisations: { value: string; label: string }[]; onClose(): void }) {
  const { t } = useTranslation(['users', 'common']);
  const describe = useReasonText('users');
  const notifySuccess = useNotifySuccess('users');
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateUserAccountDocument, { refetchQueries: [AdminUserListDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(user.version);
  const form = useForm({
    initialValues: { name: user.name, role: user.role as Role, organisationId: user.organisation?.id ?? null },
    validate: {
      name: (value) => (value.trim() ? null : t('users:form.nameRequired')),
      organisationId: (value, values) => (PARTNER_ROLES.includes(values.role) && !value ? t('users:form.organisationRequired') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    setConflict(false);
    try {
      await update({ variables: { id: user.id, input: { name: values.name.trim(), role: values.role, organisationId: values.organisationId, version } } });
      notifySuccess(t('users:edit.saved', { name: values.name.trim() }));
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else setErrors(applyServerErrors(form, error, describe));
    }
  });

  /** Reads the user again and takes their newest version; the form keeps what was typed. */
  const reload = async () => {
    const fresh = await client.query({ query: AdminUserListDocument, variables: { filter: { search: user.email }, first: 10 }, fetchPolicy: 'network-only' });
    const current = fresh.data?.users.nodes.find((entry) => entry.id === user.id);
    if (current) setVersion(current.version);
    setConflict(false);
  };

  const partner = PARTNER_ROLES.includes(form.values.role);
  return (
    <Modal opened onClose={onClose} title={t('users:edit.title', { name: user.name })} size="lg" closeButtonProps={{ 'aria-label': t('users:close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {conflict && <ConflictAlert onReload={() => void reload()} />}
          <ReasonAlert errors={errors} describe={describe} />
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
          <TextInput label={t('users:form.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('users:role')}
            required
            allowDeselect={false}
            data={ROLES.map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
            description={t(`users:roleHelp.${form.values.role}`)}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('users:organisation')}
            required={partner}
            searchable
            clearable
            description={partner ? t('users:form.organisationForPartners') : t('users:form.organisationOptional')}
            nothingFoundMessage={t('users:form.noOrganisation')}
            data={organisations}
            {...form.getInputProps('organisationId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deactivates (signs out at once, tokens stop) or reactivates a user, after asking. */
export function ActiveToggleModal({ user, onClose }: { user: ListedUser; onClose(): void }) {
  const { t } = useTranslation(['users', 'common']);
  const describe = useReasonText('users');
  const notifySuccess = useNotifySuccess('users');
  const [update, { loading }] = useMutation(UpdateUserAccountDocument, { refetchQueries: [AdminUserListDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const action = user.active ? 'deactivate' : 'reactivate';

  const confirm = async () => {
    setErrors([]);
    try {
      await update({ variables: { id: user.id, input: { active: !user.active } } });
      notifySuccess(t(`users:${action}.done`, { name: user.name }));
      onClose();
    } catch (error) {
      setErrors(serverErrors(error));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(`users:${action}.title`, { name: user.name })} closeButtonProps={{ 'aria-label': t('users:close') }}>
      <Stack>
        <ReasonAlert errors={errors} describe={describe} />
        <Text>{t(`users:${action}.text`, { name: user.name, email: user.email })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button color={user.active ? 'red' : 'green'} loading={loading} onClick={() => void confirm()}>
            {t(`users:${action}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
