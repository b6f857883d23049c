import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, MultiSelect, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationOptionsDocument, type ProjectOrderField, ProjectListDocument, type ProjectStatus, ThemeOptionsDocument } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { UnitSelect } from '../geography/UnitSelect';
import { organisationNames } from './project-labels';
import { UrlSearchInput } from '../../app/ui/UrlSearchInput';
import { currentLanguage } from '../../app/i18n';
import { ExportLinks } from '../exports/ExportLinks';
import { threeWUrl } from '../exports/export-links';

const PAGE_SIZE = 25;
export const STATUSES: ProjectStatus[] = ['PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED', 'CANCELLED', 'SUSPENDED'];
const SORTS = ['UPDATED_AT:DESC', 'TITLE:ASC', 'START_DATE:DESC', 'START_DATE:ASC', 'END_DATE:ASC'] as const;

/** Every project, searchable and filtered by theme, status, organisation, place and period. */
export default function ProjectsPage() {
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  const url = useUrlState<'q' | 'theme' | 'status' | 'org' | 'unit' | 'from' | 'to' | 'sort'>();
  const themes = useQuery(ThemeOptionsDocument);
  const organisations = useQuery(OrganisationOptionsDocument);

  const sort = (SORTS as readonly string[]).includes(url.get('sort')) ? url.get('sort') : SORTS[0];
  const [field, direction] = sort.split(':') as [ProjectOrderField, 'ASC' | 'DESC'];
  const from = url.get('from') || null;
  const to = url.get('to') || null;
  const filter = {
    search: url.get('q') || null,
    themeCodes: url.getList('theme').length ? url.getList('theme') : null,
    status: url.getList('status').length ? (url.getList('status') as ProjectStatus[]) : null,
    organisationIds: url.get('org') ? [url.get('org')] : null,
    unitCode: url.get('unit') || null,
    coverageMatch: 'INTERSECTING' as const,
    activeDuring: from || to ? { from, to } : null,
  };
  const { data, loading, error } = useQuery(ProjectListDocument, {
    variables: {
      filter,
      orderBy: { field, direction },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  const projects = data?.projects;

  return (
    <Stack>
      <PageTitle title={t('projects:list.title')} />
      <Group align="flex-end" wrap="wrap" gap="sm">
        <UrlSearchInput label={t('projects:list.search')} placeholder={t('projects:list.searchPlaceholder')} />
        <Select
          label={t('projects:theme')}
          placeholder={t('common:all')}
          clearable
          value={url.getList('theme')[0] ?? null}
          onChange={(value) => url.set({ theme: value })}
          data={(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))}
          w={220}
        />
        <MultiSelect
          label={t('projects:statusLabel')}
          placeholder={url.getList('status').length ? undefined : t('common:all')}
          value={url.getList('status')}
          onChange={(value) => url.set({ status: value })}
          data={STATUSES.map((status) => ({ value: status, label: t(`projects:status.${status}`) }))}
          w={240}
        />
        <Select
          label={t('projects:organisation')}
          placeholder={t('common:all')}
          clearable
          searchable
          value={url.get('org') || null}
          onChange={(value) => url.set({ org: value })}
          data={(organisations.data?.organisations.nodes ?? []).map((organisation) => ({
            value: organisation.id,
            label: organisation.acronym ? `${organisation.acronym} — ${organisation.name}` : (organisation.name ?? organisation.id),
          }))}
          w={240}
        />
        <UnitSelect label={t('projects:place')} value={url.get('unit') || null} onChange={(code) => url.set({ unit: code })} w={260} />
        <Select
          label={t('projects:list.sort')}
          value={sort}
          allowDeselect={false}
          onChange={(value) => url.set({ sort: value === SORTS[0] ? null : value })}
          data={SORTS.map((value) => ({ value, label: t(`projects:sort.${value.replace(':', '_')}`) }))}
          w={200}
        />
      </Group>
      <ExportLinks
        links={[
          { href: threeWUrl('csv', filter, currentLanguage()), label: t('common:export.csv') },
          { href: threeWUrl('xlsx', filter, currentLanguage()), label: t('common:export.xlsx') },
        ]}
      />
      {(from || to) && (
        <Group gap="xs">
          <Badge variant="light">{t('projects:list.activeDuring', { from: format.date(from) || '…', to: format.date(to) || '…' })}</Badge>
          <Anchor size="sm" component="button" type="button" onClick={() => url.set({ from: null, to: null })}>
            {t('projects:list.anyTime')}
          </Anchor>
        </Group>
      )}
      <QueryState loading={loading && !data} error={error} empty={projects?.nodes.length === 0} emptyText={t('projects:list.none')}>
        {projects && (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projects:list.project')}</Table.Th>
                    <Table.Th>{t('projects:statusLabel')}</Table.Th>
                    <Table.Th>{t('projects:period')}</Table.Th>
                    <Table.Th>{t('projects:organisations')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {projects.nodes.map((project) => (
                    <Table.Tr key={project.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/projects/${project.id}`} fw={500}>
                          {project.title ?? t('projects:untitled')}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {project.themes.map((theme) => theme.name).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" size="sm" style={{ minWidth: 'max-content' }}>
                          {t(`projects:status.${project.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{format.period(project.startDate, project.endDate, '—')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{organisationNames(project.participants)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={projects.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
