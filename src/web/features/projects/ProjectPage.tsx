import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Grid, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ProjectDetailDocument } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { CURRENCIES } from '../map/map-view';
import { EditProjectButton } from '../project-editor/EditProjectButton';
import { OverlapList } from './OverlapList';
import { ProjectCoverageMap } from './ProjectCoverageMap';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One project as the public sees it: what, who, where, when, money, reports, overlaps. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const currency = (CURRENCIES as readonly string[]).includes(params.get('currency') ?? '') ? params.get('currency')! : 'USD';
  const { data, loading, error } = useQuery(ProjectDetailDocument, { variables: { id, currency } });
  const project = data?.project;

  if (!loading && !error && data && !project) {
    return (
      <Alert color="orange" title={t('projects:notFound')} role="alert">
        <Anchor component={Link} to="/projects">
          {t('projects:backToList')}
        </Anchor>
      </Alert>
    );
  }
  const money = (value: string | null | undefined) => (value == null ? '—' : format.money(value, currency));

  return (
    <QueryState loading={loading && !data} error={error}>
      {project && (
        <Stack>
          <div>
            <Anchor component={Link} to="/projects" size="sm">
              ← {t('projects:backToList')}
            </Anchor>
            <PageTitle title={project.title ?? t('projects:untitled')} />
            <Group gap="xs">
              <Badge>{t(`projects:status.${project.status}`)}</Badge>
              <Text size="sm" c="dimmed">
                {[format.date(project.startDate), format.date(project.endDate) || t('projects:openEnded')].join(' – ')}
              </Text>
              {project.themes.map((theme) => (
                <Badge key={theme.code} variant="outline" size="sm">
                  {theme.name}
                </Badge>
              ))}
              <EditProjectButton projectId={project.id} participants={project.participants} />
            </Group>
          </div>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Section title={t('projects:about')}>
                  <Text style={{ whiteSpace: 'pre-line' }}>{project.description.text || t('projects:noDescription')}</Text>
                  {project.objectives.text && (
                    <>
                      <Title order={3} size="h6" mt="sm">
                        {t('projects:objectives')}
                      </Title>
                      <Text style={{ whiteSpace: 'pre-line' }}>{project.objectives.text}</Text>
                    </>
                  )}
                  {project.targetGroups.length > 0 && (
                    <Text size="sm" mt="sm">
                      {t('projects:targetGroups', { groups: project.targetGroups.join(', ') })}
                    </Text>
                  )}
                  {project.iatiIdentifier && (
                    <Text size="sm" c="dimmed" mt="sm">
                      {t('projects:iati', { id: project.iatiIdentifier })}
                    </Text>
                  )}
                  {project.links.length > 0 && (
                    <List size="sm" mt="sm">
                      {project.links.map((link) => (
                        <List.Item key={link.url}>
                          <Anchor href={link.url} target="_blank" rel="noopener noreferrer">
                            {link.title ?? link.url}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Section>
                <Section title={t('projects:organisationsAndRoles')}>
                  {project.participants.length === 0 ? (
                    <Text c="dimmed">{t('projects:noParticipants')}</Text>
                  ) : (
                    <Table>
                      <Table.Tbody>
                        {project.participants.map((participant) => (
                          <Table.Tr key={`${participant.organisation.id}:${participant.role}`}>
                            <Table.Td>{participant.organisation.name}</Table.Td>
                            <Table.Td>{t(`projects:role.${participant.role}`)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Section>
                <Section title={t('projects:overlapsTitle')}>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('projects:overlapsIntro')}
                  </Text>
                  <OverlapList projectId={project.id} />
                </Section>
                <Section title={t('projects:reportsTitle', { count: data.activityReports.totalCount })}>
                  {data.activityReports.nodes.length === 0 ? (
                    <Text c="dimmed">{t('projects:noReports')}</Text>
                  ) : (
                    <Stack gap="xs">
                      {data.activityReports.nodes.map((report) => (
                        <div key={report.id}>
                          <Text fw={500}>{report.title}</Text>
                          <Text size="sm" c="dimmed">
                            {[
                              t(`projects:activityType.${report.type}`),
                              [format.date(report.startDate), format.date(report.endDate)].join(' – '),
                              report.organisation?.acronym ?? report.organisation?.name,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </Text>
                          {report.participantsTotal != null && (
                            <Text size="sm">
                              {t('projects:people', {
                                count: report.participantsTotal,
                                women: format.number(report.participantsWomen ?? 0),
                                youth: format.number(report.participantsYouth ?? 0),
                              })}
                            </Text>
                          )}
                        </div>
                      ))}
                    </Stack>
                  )}
                </Section>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <Section title={t('projects:coverage.title')}>
                  {project.coverage.length === 0 ? (
                    <Text c="dimmed">{t('projects:coverage.none')}</Text>
                  ) : (
                    <>
                      <ProjectCoverageMap coverage={project.coverage} />
                      <List size="sm" mt="sm">
                        {project.coverage.map((entry) => (
                          <List.Item key={entry.unit.code}>
                            {entry.unit.name ?? entry.unit.code}
                            {entry.share != null ? ` (${format.percent(Number(entry.share))})` : ''}
                          </List.Item>
                        ))}
                      </List>
                    </>
                  )}
                </Section>
                <Section title={t('projects:funding.title')}>
                  <Select
                    label={t('projects:funding.currency')}
                    value={currency}
                    allowDeselect={false}
                    onChange={(value) =>
                      setParams((current) => {
                        const next = new URLSearchParams(current);
                        if (value && value !== 'USD') next.set('currency', value);
                        else next.delete('currency');
                        return next;
                      })
                    }
                    data={[...CURRENCIES]}
                    w={120}
                    mb="sm"
                  />
                  <SimpleGrid cols={3}>
                    {(['committed', 'disbursed', 'expended'] as const).map((kind) => (
                      <div key={kind}>
                        <Text size="xs" c="dimmed">
                          {t(`projects:funding.${kind}`)}
                        </Text>
                        <Text fw={600}>{money(project.fundingTotals[kind])}</Text>
                      </div>
                    ))}
                  </SimpleGrid>
                  {!project.fundingTotals.complete && (
                    <Text size="xs" c="orange.8" mt="xs">
                      {t('projects:funding.missingRates', {
                        rates: project.fundingTotals.missingRates.map((rate) => `${rate.currency} (${format.date(rate.onOrBefore)})`).join(', '),
                      })}
                    </Text>
                  )}
                </Section>
                <Text size="xs" c="dimmed">
                  {t('projects:updated', { when: format.dateTime(project.updatedAt) })}
                </Text>
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
