import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PublicCouncilDocument, type PublicCouncilQuery } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { pickText } from '../meetings/feedback';
import { Representatives } from './Representatives';

type Body = PublicCouncilQuery['coordinationBodies'][number];

/** The coordination bodies the agency runs, with their members: open to everyone. */
export default function CouncilPage() {
  const { t } = useTranslation(['council', 'common']);
  const { data, loading, error } = useQuery(PublicCouncilDocument);
  const bodies = data?.coordinationBodies ?? [];
  return (
    <Stack>
      <PageTitle title={t('council:public.title')} />
      <Text maw={760}>{t('council:public.intro')}</Text>
      <QueryState loading={loading && !data} error={error} empty={data && bodies.length === 0} emptyText={t('council:public.none')}>
        {bodies.map((body) => (
          <BodySection key={body.id} body={body} />
        ))}
      </QueryState>
    </Stack>
  );
}

function BodySection({ body }: { body: Body }) {
  const { t, i18n } = useTranslation(['council', 'common']);
  const format = useFormat();
  const description = pickText(body.description, i18n.resolvedLanguage ?? 'ky');
  const headingId = `body-${body.id}`;
  const members = body.members.nodes;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {body.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t(`council:kind.${body.kind}`)}</Badge>
          {body.agency && (
            <Text size="sm" c="dimmed">
              {t('council:public.under', { agency: body.agency.name ?? body.agency.acronym ?? '' })}
            </Text>
          )}
        </Group>
        <Text fw={500}>
          {body.seatCount == null
            ? t('council:seats.unknown', { members: format.number(body.memberCount) })
            : body.memberCount === 0
              ? t('council:seats.noneRecorded', { seats: format.number(body.seatCount) })
              : t('council:seats.filled', { filled: format.number(body.memberCount), seats: format.number(body.seatCount) })}
        </Text>
        {body.earlierMeetingCount != null && <Text size="sm">{t('council:public.earlierMeetings', { number: format.number(body.earlierMeetingCount) })}</Text>}
        {description && (
          <Text size="sm" lang={description.lang} maw={760}>
            {description.text}
          </Text>
        )}
        <Title order={3} size="h5" mt="xs">
          {t('council:public.members')}
        </Title>
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('council:public.noMembers')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs" aria-label={t('council:public.membersOf', { body: body.name ?? '' })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('council:organisation')}</Table.Th>
                  <Table.Th>{t('council:roleLabel')}</Table.Th>
                  <Table.Th>{t('council:since')}</Table.Th>
                  <Table.Th>{t('council:representatives')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((member) => (
                  <Table.Tr key={member.id}>
                    <Table.Td>
                      {member.organisation?.website ? (
                        <Anchor href={member.organisation.website} target="_blank" rel="noopener noreferrer">
                          {member.organisation.name ?? member.organisation.acronym}
                        </Anchor>
                      ) : (
                        (member.organisation?.name ?? member.organisation?.acronym)
                      )}
                      {member.organisation?.acronym && member.organisation.name && (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          ({member.organisation.acronym})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`council:role.${member.role}`)}</Table.Td>
                    <Table.Td>
                      {member.startDate ? (
                        format.date(member.startDate)
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('council:sinceUnknown')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Representatives people={member.representatives} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
