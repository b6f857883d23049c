import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportsFullFragment } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { LANGUAGES } from '../../app/i18n';
import { unitLabel } from './PlacesSelect';
import { organisationName } from './report-labels';

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

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** A report, read-only: what, where, when, who took part, what came out of it, its review. */
export function ReportView({ report }: { report: ReportsFullFragment }) {
  const { t } = useTranslation(['reports', 'geography', 'common']);
  const format = useFormat();
  const levelName = (level: string) => t(`geography:level.${level}`);
  const none = t('common:none');
  const period = report.startDate === report.endDate ? format.date(report.startDate) : `${format.date(report.startDate)} – ${format.date(report.endDate)}`;
  const outside = report.places.filter((place) => place.outsideCoverage);
  const titles = LANGUAGES.filter((language) => report.titles[language]);
  const descriptions = LANGUAGES.filter((language) => report.description[language]);
  return (
    <Stack>
      <Section title={t('reports:view.about')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Fact label={t('reports:field.project')}>
            {report.project ? (
              <Anchor component={Link} to={`/projects/${report.project.id}`}>
                {report.project.title ?? t('reports:untitledProject')}
              </Anchor>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t('reports:field.organisation')}>{organisationName(report.organisation) || none}</Fact>
          <Fact label={t('reports:field.type')}>{t(`reports:type.${report.type}`)}</Fact>
          <Fact label={t('reports:field.period')}>{period}</Fact>
          <Fact label={t('reports:field.themes')}>{report.themes.map((theme) => theme.name ?? theme.code).join(', ') || none}</Fact>
          {report.source && <Fact label={t('reports:field.source')}>{report.source}</Fact>}
        </SimpleGrid>
        {titles.length > 1 && (
          <Stack gap={2} mt="md">
            <Text size="sm" c="dimmed">
              {t('reports:view.titles')}
            </Text>
            {titles.map((language) => (
              <Text key={language} size="sm" lang={language}>
                {t(`reports:language.${language}`)}: {report.titles[language]}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('reports:field.places')}>
        <List size="sm">
          {report.places.map((place) => (
            <List.Item key={place.unit.code}>
              <Group gap="xs" wrap="wrap">
                <span>{unitLabel(place.unit, levelName)}</span>
                {place.outsideCoverage && (
                  <Badge color="red" variant="light" size="sm">
                    {t('reports:view.outsideCoverage')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {outside.length > 0 && (
          <Text size="sm" mt="xs">
            {t('reports:view.outsideCoverageNote', { count: outside.length })}
          </Text>
        )}
      </Section>

      <Section title={t('reports:form.participants')}>
        {report.participantsTotal == null ? (
          <Text c="dimmed">{t('reports:view.notCounted')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(['participantsTotal', 'participantsWomen', 'participantsMen', 'participantsYouth'] as const).map((field) => (
              <Fact key={field} label={t(`reports:field.${field}`)}>
                <Text fw={600} size="lg">
                  {report[field] == null ? none : format.number(report[field])}
                </Text>
              </Fact>
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('reports:view.description')}>
        {descriptions.length === 0 ? (
          <Text c="dimmed">{t('reports:view.noDescription')}</Text>
        ) : (
          <Stack gap="sm">
            {descriptions.map((language) => (
              <div key={language}>
                {descriptions.length > 1 && (
                  <Text size="sm" c="dimmed">
                    {t(`reports:language.${language}`)}
                  </Text>
                )}
                <Text lang={language} style={{ whiteSpace: 'pre-line' }}>
                  {report.description[language]}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('reports:form.results')}>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h6">
              {t('reports:field.outputs')}
            </Title>
            {report.outputs.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports:form.noOutputs')}
              </Text>
            ) : (
              <List size="sm">
                {report.outputs.map((output, index) => (
                  <List.Item key={index}>{output}</List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Title order={3} size="h6">
              {t('reports:field.links')}
            </Title>
            {report.links.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('reports:form.noLinks')}
              </Text>
            ) : (
              <List size="sm">
                {report.links.map((link, index) => (
                  <List.Item key={index}>
                    <Anchor href={link.url} target="_blank" rel="noopener noreferrer">
                      {link.title || link.url}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </Stack>
      </Section>

      <Text size="sm" c="dimmed">
        {[
          t('reports:view.created', { when: format.dateTime(report.createdAt) }),
          report.submittedAt ? t('reports:view.submitted', { when: format.dateTime(report.submittedAt) }) : null,
          report.reviewedAt ? t('reports:view.reviewed', { when: format.dateTime(report.reviewedAt) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
