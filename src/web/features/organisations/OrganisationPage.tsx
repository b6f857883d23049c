import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OrganisationProfileDocument, OrganisationSeatsDocument } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { STAFF, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { useCountryName } from './kinds';
import { AwaitingConfirmationBadge, ConfirmationPanel } from './OrganisationConfirmation';

const PAGE_SIZE = 20;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One row of facts: a term and its value (or a dash). */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%" fw={500}>
        {term}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** An organisation as the public sees it: its names, identifiers, projects and council seats. */
export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['organisations', 'projects', 'common']);
  const format = useFormat();
  const countryName = useCountryName();
  const { user } = useSession();
  const url = useUrlState();
  const { data, loading, error, refetch } = useQuery(OrganisationProfileDocument, { variables: { id, first: PAGE_SIZE, offset: (url.page - 1) * PAGE_SIZE } });
  const seats = useQuery(OrganisationSeatsDocument);
  const organisation = data?.organisation;

  if (!loading && !error && data && !organisation) {
    return (
      <Alert color="orange" title={t('organisations:notFound')} role="alert">
        <Anchor component={Link} to="/organisations">
          {t('organisations:backToList')}
        </Anchor>
      </Alert>
    );
  }
  const mayEdit = !!user && (STAFF.includes(user.role) || (user.role === 'PARTNER_EDITOR' && user.organisation?.id === id));
  const none = t('common:none');
  const memberships = (seats.data?.coordinationBodies ?? []).flatMap((body) =>
    body.members.nodes.filter((membership) => membership.organisation?.id === id).map((membership) => ({ ...membership, body: body.name ?? '' })),
  );

  return (
    <QueryState loading={loading && !data} error={error}>
      {organisation && data && (
        <Stack>
          <div>
            <Anchor component={Link} to="/organisations" size="sm">
              ← {t('organisations:backToList')}
            </Anchor>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <PageTitle title={organisation.name ?? organisation.acronym ?? id} />
              <Group gap="xs">
                {mayEdit && (
                  <Button component={Link} to={`/app/organisations/${id}/edit`} variant="light">
                    {t('organisations:edit.open')}
                  </Button>
                )}
                {user && STAFF.includes(user.role) && (
                  <Button component={Link} to={`/app/audit?type=Organisation&id=${id}`} variant="default">
                    {t('organisations:history')}
                  </Button>
                )}
              </Group>
            </Group>
            <Group gap="xs">
              {organisation.acronym && <Badge>{organisation.acronym}</Badge>}
              <Badge variant="outline">{t(`organisations:kind.${organisation.kind}`)}</Badge>
              {organisation.needsConfirmation && <AwaitingConfirmationBadge />}
            </Group>
          </div>
          {organisation.needsConfirmation && <ConfirmationPanel organisation={organisation} onReload={() => refetch()} />}
          <Grid>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Section title={t('organisations:about')}>
                <Table verticalSpacing={6}>
                  <Table.Tbody>
                    <Fact term={t('organisations:name.ky')}>{organisation.names.ky ?? none}</Fact>
                    <Fact term={t('organisations:name.ru')}>{organisation.names.ru ?? none}</Fact>
                    <Fact term={t('organisations:name.en')}>{organisation.names.en ?? none}</Fact>
                    <Fact term={t('organisations:acronym')}>{organisation.acronym ?? none}</Fact>
                    <Fact term={t('organisations:kindLabel')}>
                      {t(`organisations:kind.${organisation.kind}`)} ({t('organisations:iatiType', { code: organisation.iatiTypeCode })})
                    </Fact>
                    <Fact term={t('organisations:iatiIdentifier')}>{organisation.iatiIdentifier ?? none}</Fact>
                    <Fact term={t('organisations:country')}>{countryName(organisation.country) || none}</Fact>
                    <Fact term={t('organisations:website')}>
                      {organisation.website ? (
                        <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer">
                          {organisation.website}
                        </Anchor>
                      ) : (
                        none
                      )}
                    </Fact>
                    <Fact term={t('organisations:source')}>{organisation.source ?? none}</Fact>
                  </Table.Tbody>
                </Table>
                <Text size="xs" c="dimmed" mt="sm">
                  {t('organisations:updated', { when: format.dateTime(organisation.updatedAt) })}
                </Text>
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Section title={t('organisations:projects.title', { count: data.projects.totalCount })}>
                  {data.projects.nodes.length === 0 ? (
                    <Text c="dimmed">{t('organisations:projects.none')}</Text>
                  ) : (
                    <>
                      <Table.ScrollContainer minWidth={520}>
                        <Table verticalSpacing="xs">
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>{t('organisations:projects.project')}</Table.Th>
                              <Table.Th>{t('organisations:projects.role')}</Table.Th>
                              <Table.Th>{t('organisations:projects.period')}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {data.projects.nodes.map((project) => (
                              <Table.Tr key={project.id}>
                                <Table.Td>
                                  <Anchor component={Link} to={`/projects/${project.id}`}>
                                    {project.title ?? t('projects:untitled')}
                                  </Anchor>
                                  <Text size="xs" c="dimmed">
                                    {t(`projects:status.${project.status}`)}
                                  </Text>
                                </Table.Td>
                                <Table.Td>
                                  {project.participants
                                    .filter((participant) => participant.organisation.id === id)
                                    .map((participant) => t(`projects:role.${participant.role}`))
                                    .join(', ')}
                                </Table.Td>
                                <Table.Td>
                                  <Text size="sm">{format.period(project.startDate, project.endDate, none)}</Text>
                                </Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </Table.ScrollContainer>
                      <Pager page={url.page} size={PAGE_SIZE} total={data.projects.totalCount} onChange={url.setPage} />
                    </>
                  )}
                </Section>
                <Section title={t('organisations:council.title')}>
                  {seats.loading && !seats.data ? (
                    <Text c="dimmed">{t('common:loading')}</Text>
                  ) : seats.error ? (
                    <Text c="red.9">{t('organisations:council.unavailable')}</Text>
                  ) : memberships.length === 0 ? (
                    <Text c="dimmed">{t('organisations:council.none')}</Text>
                  ) : (
                    <Table verticalSpacing="xs">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('organisations:council.body')}</Table.Th>
                          <Table.Th>{t('organisations:council.role')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {memberships.map((membership) => (
                          <Table.Tr key={membership.id}>
                            <Table.Td>{membership.body}</Table.Td>
                            <Table.Td>{t(`organisations:membershipRole.${membership.role}`)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Section>
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
