import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ActionEntryFragment,
  AddActionItemDocument,
  type ActionItemStatus,
  EarlierOpenActionsDocument,
  MeetingDetailDocument,
  OrganisationOptionsDocument,
  UpdateActionItemDocument,
} from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError, serverErrors } from '../../app/errors';
import { DateField } from '../../app/dates';
import { useFormat } from '../../app/format';
import { notifyDone, pickText, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';

/**
 * Tasks the meeting gives (owner, due date, status; late ones say so in words and red), closing
 * them as done or dropped, adding one; and what is still open from the body's earlier meetings.
 */
export function ActionItemsSection({ meeting, editable, staff }: { meeting: MeetingData; editable: boolean; staff: boolean }) {
  const { t } = useTranslation(['meetings', 'common']);
  const earlier = useQuery(EarlierOpenActionsDocument, { variables: { bodyId: meeting.body?.id ?? '' }, skip: !meeting.body });
  const fromEarlier = (earlier.data?.actionItems.nodes ?? []).filter((item) => item.meetingId !== meeting.id);
  return (
    <Stack component="section" aria-labelledby="actions-heading">
      <Title order={2} size="h3" id="actions-heading">
        {t('meetings:actions.title')}
      </Title>
      {meeting.actionItems.length === 0 ? (
        <Text c="dimmed">{t('meetings:actions.none')}</Text>
      ) : (
        <ActionTable items={meeting.actionItems} staff={staff} caption={t('meetings:actions.thisMeeting')} />
      )}
      {editable && <AddActionItem meeting={meeting} />}
      {fromEarlier.length > 0 && (
        <>
          <Title order={3} size="h4" mt="md">
            {t('meetings:actions.earlier')}
          </Title>
          <ActionTable items={fromEarlier} staff={staff} caption={t('meetings:actions.earlier')} showMeeting />
        </>
      )}
      {earlier.data && fromEarlier.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings:actions.noEarlier')}
        </Text>
      )}
    </Stack>
  );
}

function ActionTable({ items, staff, caption, showMeeting = false }: { items: ActionEntryFragment[]; staff: boolean; caption: string; showMeeting?: boolean }) {
  const { t } = useTranslation(['meetings', 'common']);
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('meetings:actions.what')}</Table.Th>
            <Table.Th>{t('meetings:actions.owner')}</Table.Th>
            <Table.Th>{t('meetings:actions.due')}</Table.Th>
            <Table.Th>{t('meetings:actions.status')}</Table.Th>
            {staff && <Table.Th>{t('common:actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {item.description}
                </Text>
                {showMeeting && (
                  <Anchor component={Link} to={`/app/meetings/${item.meetingId}?tab=actions`} size="xs">
                    {t('meetings:actions.fromMeeting')}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.owner?.name ?? item.owner?.acronym}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={item.overdue ? 'red.9' : undefined} fw={item.overdue ? 700 : undefined}>
                  {format.date(item.dueDate)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="outline" color={item.status === 'DONE' ? 'teal.9' : item.status === 'CANCELLED' ? 'gray.8' : 'blue.8'}>
                    {t(`meetings:actions.state.${item.status}`)}
                  </Badge>
                  {item.overdue && (
                    <Badge color="red.9" variant="filled">
                      {t('meetings:actions.overdue')}
                    </Badge>
                  )}
                </Group>
                {item.closedAt && (
                  <Text size="xs" c="dimmed">
                    {format.dateTime(item.closedAt)}
                  </Text>
                )}
              </Table.Td>
              {staff && (
                <Table.Td>
                  <CloseButtons item={item} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Marks an open task done or dropped; a closed one can be opened again. */
function CloseButtons({ item }: { item: ActionEntryFragment }) {
  const { t } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UpdateActionItemDocument, { refetchQueries: [EarlierOpenActionsDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const change = async (status: ActionItemStatus) => {
    setErrors([]);
    try {
      await update({ variables: { id: item.id, input: { status, version: item.version } } });
      notifyDone(t(`meetings:actions.marked.${status}`, { what: item.description }), t('meetings:closeDialog'));
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) {
        // Someone changed the task meanwhile: show it as it is now; the person decides again.
        await client.refetchQueries({ include: [MeetingDetailDocument, EarlierOpenActionsDocument] });
        setErrors([{ code: 'CONFLICT', reason: 'STALE_ACTION_ITEM', message: '' }]);
      } else {
        setErrors(serverErrors(error));
      }
    }
  };
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="wrap">
        {item.status === 'OPEN' ? (
          <>
            <Button
              size="compact-xs"
              variant="outline"
              color="teal.9"
              loading={loading}
              onClick={() => change('DONE')}
              aria-label={t('meetings:actions.markDone', { what: item.description })}
            >
              {t('meetings:actions.done')}
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              loading={loading}
              onClick={() => change('CANCELLED')}
              aria-label={t('meetings:actions.markCancelled', { what: item.description })}
            >
              {t('meetings:actions.drop')}
            </Button>
          </>
        ) : (
          <Button size="compact-xs" variant="default" loading={loading} onClick={() => change('OPEN')} aria-label={t('meetings:actions.reopenOne', { what: item.description })}>
            {t('meetings:actions.reopen')}
          </Button>
        )}
      </Group>
      <ReasonAlert errors={errors} describe={describe} />
    </Stack>
  );
}

function AddActionItem({ meeting }: { meeting: MeetingData }) {
  const { t, i18n } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const organisations = useQuery(OrganisationOptionsDocument);
  const [add, { loading }] = useMutation(AddActionItemDocument, { refetchQueries: [MeetingDetailDocument], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({
    initialValues: { description: '', ownerOrganisationId: null as string | null, dueDate: null as string | null, decisionId: null as string | null },
    validate: {
      description: (value) => (value.trim() ? null : t('meetings:actions.descriptionRequired')),
      ownerOrganisationId: (value) => (value ? null : t('meetings:actions.ownerRequired')),
      dueDate: (value) => (value ? null : t('meetings:actions.dueRequired')),
    },
  });
  const memberIds = new Set((meeting.body?.members.nodes ?? []).map((member) => member.organisation?.id));
  const label = (organisation: { id: string; name?: string | null; acronym?: string | null }) =>
    organisation.acronym && organisation.name ? `${organisation.name} (${organisation.acronym})` : (organisation.name ?? organisation.acronym ?? organisation.id);
  const all = organisations.data?.organisations.nodes ?? [];
  const options = [
    {
      group: t('meetings:actions.members'),
      items: all.filter((organisation) => memberIds.has(organisation.id)).map((organisation) => ({ value: organisation.id, label: label(organisation) })),
    },
    {
      group: t('meetings:actions.others'),
      items: all.filter((organisation) => !memberIds.has(organisation.id)).map((organisation) => ({ value: organisation.id, label: label(organisation) })),
    },
  ].filter((group) => group.items.length > 0);

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await add({
        variables: {
          input: {
            meetingId: meeting.id,
            description: values.description.trim(),
            ownerOrganisationId: values.ownerOrganisationId!,
            dueDate: values.dueDate!,
            decisionId: values.decisionId,
          },
        },
      });
      notifyDone(t('meetings:actions.added'), t('meetings:closeDialog'));
      form.reset();
    } catch (error) {
      setErrors(
        applyServerErrors(form, error, describe, {
          'input.description': 'description',
          'input.ownerOrganisationId': 'ownerOrganisationId',
          'input.dueDate': 'dueDate',
          'input.decisionId': 'decisionId',
        }),
      );
    }
  });

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="action-form-heading">
      <Stack>
        <Title order={3} size="h5" id="action-form-heading">
          {t('meetings:actions.add')}
        </Title>
        <ReasonAlert errors={errors} describe={describe} />
        <Textarea label={t('meetings:actions.what')} required autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('meetings:actions.owner')} required searchable data={options} {...form.getInputProps('ownerOrganisationId')} />
          <DateField
            label={t('meetings:actions.due')}
            required
            clearable={false}
            value={form.values.dueDate}
            onChange={(value) => form.setFieldValue('dueDate', value)}
            error={form.errors.dueDate as string | undefined}
          />
        </SimpleGrid>
        {meeting.decisions.length > 0 && (
          <Select
            label={t('meetings:actions.decision')}
            placeholder={t('meetings:actions.noDecision')}
            clearable
            data={meeting.decisions.map((decision, index) => ({
              value: decision.id,
              label: `${index + 1}. ${(pickText(decision.texts, i18n.resolvedLanguage ?? 'ky')?.text ?? decision.text ?? '').slice(0, 120)}`,
            }))}
            {...form.getInputProps('decisionId')}
          />
        )}
        <Group>
          <Button type="submit" loading={loading}>
            {t('meetings:actions.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
