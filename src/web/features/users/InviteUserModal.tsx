import { useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteUserDocument, type Role } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { useFormat } from '../../app/format';
import { currentLanguage, LANGUAGES, type UiLanguage } from '../../app/i18n';
import { ReasonAlert, useReasonText } from './reasons';
import { PARTNER_ROLES, ROLES } from './user-choices';

interface Invitation {
  name: string;
  email: string;
  link: string;
  expiresAt: string;
}

/** The one-time link the invited person opens to choose a password. */
export function setPasswordLink(token: string, language: UiLanguage): string {
  return `${window.location.origin}/set-password?token=${encodeURIComponent(token)}&lang=${language}`;
}

/**
 * Invites a person: name, e-mail, role and (for partners) organisation. The hub answers with a
 * one-time link, shown here once, which the administrator sends to the person.
 */
export function InviteUserModal({
  opened,
  onClose,
  organisations,
  onInvited,
}: {
  opened: boolean;
  onClose(): void;
  organisations: { value: string; label: string }[];
  onInvited(): void;
}) {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  const describe = useReasonText('users');
  const [invite, { loading }] = useMutation(InviteUserDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', role: 'PARTNER_EDITOR' as Role, organisationId: null as string | null, language: currentLanguage() as UiLanguage },
    validate: {
      name: (value) => (value.trim() ? null : t('users:form.nameRequired')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('users:form.emailInvalid')),
      organisationId: (value, values) => (PARTNER_ROLES.includes(values.role) && !value ? t('users:form.organisationRequired') : null),
    },
  });

  const close = () => {
    form.reset();
    setErrors([]);
    setInvitation(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      const { data } = await invite({
        variables: { input: { name: values.name.trim(), email: values.email.trim(), role: values.role, organisationId: values.organisationId } },
      });
      if (!data) return;
      const invited = data.createUser;
      setInvitation({
        name: invited.user.name,
        email: invited.user.email,
        link: setPasswordLink(invited.passwordSetupToken, values.language),
        expiresAt: invited.passwordSetupExpiresAt,
      });
      onInvited();
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe));
    }
  });

  const partner = PARTNER_ROLES.includes(form.values.role);
  return (
    <Modal opened={opened} onClose={close} title={t('users:invite.title')} size="lg" closeButtonProps={{ 'aria-label': t('users:close') }}>
      {invitation ? (
        <Stack>
          <Alert color="green" title={t('users:invite.doneTitle', { name: invitation.name })} role="status">
            {t('users:invite.doneText', { email: invitation.email, expires: format.dateTime(invitation.expiresAt) })}
          </Alert>
          <TextInput label={t('users:invite.link')} value={invitation.link} readOnly onFocus={(event) => event.currentTarget.select()} />
          <Text size="sm" c="dimmed">
            {t('users:invite.once')}
          </Text>
          <Group>
            <CopyButton value={invitation.link}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : undefined}>
                  {copied ? t('users:invite.copied') : t('users:invite.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              {t('users:invite.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ReasonAlert errors={errors} describe={describe} />
            <TextInput label={t('users:form.name')} required autoComplete="off" {...form.getInputProps('name')} />
            <TextInput label={t('users:form.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
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
            <Select
              label={t('users:invite.language')}
              description={t('users:invite.languageHelp')}
              allowDeselect={false}
              data={LANGUAGES.map((language) => ({ value: language, label: t(`common:language.${language}`) }))}
              {...form.getInputProps('language')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" loading={loading}>
                {t('users:invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
