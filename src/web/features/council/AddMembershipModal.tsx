import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddMembershipDocument, BodyRosterDocument, type MembershipRole, OrganisationOptionsDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError, serverErrors } from '../../app/errors';
import { DateField } from '../../app/dates';
import { notifyDone, ReasonAlert, useReasonText } from '../meetings/feedback';

export const ROLES: MembershipRole[] = ['MEMBER', 'CO_CHAIR', 'CHAIR', 'SECRETARIAT', 'OBSERVER'];

interface Person {
  name: string;
  title: string;
  email: string;
  phone: string;
}

const EMPTY_PERSON: Person = { name: '', title: '', email: '', phone: '' };

/** `input.representatives[1].email` → `representatives.1.email`. */
function formPath(path: string): string {
  return path.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** Adds an organisation to the body: its role, first day, representatives and where it is documented. */
export function AddMembershipModal({ opened, onClose, body, memberIds }: { opened: boolean; onClose(): void; body: { id: string; name?: string | null }; memberIds: string[] }) {
  const { t } = useTranslation(['council', 'common']);
  const describe = useReasonText('council');
  const organisations = useQuery(OrganisationOptionsDocument, { skip: !opened });
  const [add, { loading }] = useMutation(AddMembershipDocument, { refetchQueries: [BodyRosterDocument], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({
    initialValues: { organisationId: '' as string | null, role: 'MEMBER' as MembershipRole, startDate: null as string | null, representatives: [] as Person[], source: '' },
    validate: {
      organisationId: (value) => (value ? null : t('council:add.organisationRequired')),
      representatives: {
        name: (value) => (value.trim() ? null : t('council:add.nameRequired')),
        email: (value) => (!value.trim() || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('council:add.emailInvalid')),
      },
    },
  });
  const close = () => {
    form.reset();
    setErrors([]);
    onClose();
  };
  const options = (organisations.data?.organisations.nodes ?? [])
    .filter((organisation) => !memberIds.includes(organisation.id))
    .map((organisation) => ({
      value: organisation.id,
      label: organisation.acronym && organisation.name ? `${organisation.name} (${organisation.acronym})` : (organisation.name ?? organisation.acronym ?? organisation.id),
    }));

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      const result = await add({
        variables: {
          input: {
            bodyId: body.id,
            organisationId: values.organisationId!,
            role: values.role,
            startDate: values.startDate,
            source: values.source.trim() || null,
            representatives: values.representatives.map((person) => ({
              name: person.name.trim(),
              title: person.title.trim() || null,
              email: person.email.trim() || null,
              phone: person.phone.trim() || null,
            })),
          },
        },
      });
      notifyDone(t('council:add.done', { organisation: result.data?.addMembership.organisation?.name ?? '' }), t('council:closeDialog'));
      close();
    } catch (error) {
      // Nested server paths (`input.representatives[1].email`) in the form's notation.
      const fieldMap = Object.fromEntries(serverErrors(error).flatMap((entry) => (entry.field ? [[entry.field, formPath(entry.field)]] : [])));
      setErrors(applyServerErrors(form, error, describe, fieldMap));
    }
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('council:closeDialog') }} opened={opened} onClose={close} title={t('council:add.title', { body: body.name ?? '' })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ReasonAlert errors={errors} describe={describe} />
          <Select
            label={t('council:organisation')}
            placeholder={t('council:add.organisationPlaceholder')}
            data={options}
            searchable
            required
            nothingFoundMessage={organisations.loading ? t('common:loading') : t('council:add.noOrganisation')}
            {...form.getInputProps('organisationId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('council:roleLabel')}
              data={ROLES.map((role) => ({ value: role, label: t(`council:role.${role}`) }))}
              allowDeselect={false}
              required
              description={t('council:add.roleHelp')}
              {...form.getInputProps('role')}
            />
            <DateField
              label={t('council:add.startDate')}
              clearable={false}
              value={form.values.startDate}
              onChange={(value) => form.setFieldValue('startDate', value)}
              error={form.errors.startDate as string | undefined}
            />
          </SimpleGrid>
          <Fieldset legend={t('council:representatives')}>
            <Stack>
              {form.values.representatives.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('council:add.noRepresentatives')}
                </Text>
              )}
              {form.values.representatives.map((_, index) => (
                <Stack key={index} gap="xs" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label={t('council:add.personName', { number: index + 1 })} required {...form.getInputProps(`representatives.${index}.name`)} />
                    <TextInput label={t('council:add.personTitle', { number: index + 1 })} {...form.getInputProps(`representatives.${index}.title`)} />
                    <TextInput label={t('council:add.personEmail', { number: index + 1 })} type="email" {...form.getInputProps(`representatives.${index}.email`)} />
                    <TextInput label={t('council:add.personPhone', { number: index + 1 })} type="tel" {...form.getInputProps(`representatives.${index}.phone`)} />
                  </SimpleGrid>
                  <Group justify="flex-end">
                    <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem('representatives', index)}>
                      {t('council:add.removePerson', { number: index + 1 })}
                    </Button>
                  </Group>
                </Stack>
              ))}
              <Group>
                <Button variant="light" size="xs" onClick={() => form.insertListItem('representatives', { ...EMPTY_PERSON })}>
                  {t('council:add.addPerson')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Textarea label={t('council:add.source')} description={t('council:add.sourceHelp')} autosize minRows={2} {...form.getInputProps('source')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('council:add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
