import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnitProjectsDocument } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { QueryState } from '../../app/ui/QueryState';
import type { MapFilters } from './map-filters';

const SHOWN = 10;

/** The chosen unit: its figures and the projects working there under the map's filters. */
export function UnitPanel({ code, name, figures, filters, onClose }: { code: string; name: string; figures: string[]; filters: MapFilters; onClose(): void }) {
  const { t } = useTranslation(['map', 'projects']);
  const format = useFormat();
  const { data, loading, error } = useQuery(UnitProjectsDocument, { variables: { filter: filters.projectFilter(code), first: SHOWN } });
  const projects = data?.projects;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="unit-panel-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4" id="unit-panel-title">
          {name}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('map:panel.close')} />
      </Group>
      {figures.map((figure) => (
        <Text key={figure} size="sm" c="dimmed">
          {figure}
        </Text>
      ))}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('map:panel.projects', { count: projects?.totalCount ?? 0 })}
      </Title>
      <QueryState loading={loading && !data} error={error} empty={projects?.nodes.length === 0} emptyText={t('map:panel.none')}>
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {projects?.nodes.map((project) => (
            <li key={project.id}>
              <Anchor component={Link} to={`/projects/${project.id}`} fw={500}>
                {project.title ?? t('projects:untitled')}
              </Anchor>
              <Group gap={6}>
                <Badge size="xs" variant="light">
                  {t(`projects:status.${project.status}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {format.period(project.startDate, project.endDate)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {project.participants
                  .map((participant) => participant.organisation.acronym ?? participant.organisation.name)
                  .filter((value, index, all) => all.indexOf(value) === index)
                  .join(', ')}
              </Text>
            </li>
          ))}
        </Stack>
        {projects && projects.totalCount > SHOWN && (
          <Anchor component={Link} to={filters.projectsLink(code)} size="sm" mt="sm" display="inline-block">
            {t('map:panel.all', { count: projects.totalCount })}
          </Anchor>
        )}
      </QueryState>
    </Paper>
  );
}
