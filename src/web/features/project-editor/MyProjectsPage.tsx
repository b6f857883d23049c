import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, MultiSelect, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EditorMyProjectsDocument, type ProjectOrderField, type ProjectStatus } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { RequireRole, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { organisationNames } from '../projects/project-labels';
import { EDITOR_PAGE_ROLES, editRight, STATUSES } from './model';
import { UrlSearchInput } from '../../app/ui/UrlSearchInput';

const PAGE_SIZE = 20;
const SORTS = ['UPDATED_AT:DESC', 'TITLE:ASC', 'START_DATE:DESC', 'START_DATE:ASC', 'END_DATE:ASC'] as const;

function MyProjects() {
  const { t } = useTranslation(['projectEditor', 'projects', 'common']);
  const format = useFormat();
  const { user } = useSession();
  const url = useUrlState<'q' | 'status' | 'sort'>();
  const sort = (SORTS as readonly string[]).includes(url.get('sort')) ? url.get('sort') : SORTS[0];
  const [field, direction] = sort.split(':') as [ProjectOrderField, 'ASC' | 'DESC'];
  const admin = user?.role === 'ADMIN';
  const own = user?.organisation?.id ?? null;
  const mayCreate = user?.role === 'ADMIN' || user?.role === 'PARTNER_EDITOR';
  const { data, loading, error } = useQuery(EditorMyProjectsDocument, {
    variables: {
      filter: {
        organisationIds: admin ? null : own ? [own] : null,
        search: url.get('q') || null,
        status: url.getList('status').length ? (url.getList('status') as ProjectStatus[]) : null,
      },
      orderBy: { field, direction },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
    skip: !admin && !own,
  });
  const projects = data?.projects;
  const filtered = Boolean(url.get('q') || url.getList('status').length);
  // A viewer (or a page of projects the user may only read) gets no empty actions column.
  const withActions = Boolean(projects?.nodes.some((project) => editRight(user, project.participants) !== 'none'));

  if (!admin && !own) {
    return (
      <Alert color="orange" role="alert">
        {t('projectEditor:list.noOrganisation')}
      </Alert>
    );
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <PageTitle title={admin ? t('projectEditor:list.allTitle') : t('projectEditor:list.title')} />
          {!admin && user?.organisation && (
            <Text c="dimmed" size="sm" mt={-8}>
              {t('projectEditor:list.intro', { organisation: user.organisation.name ?? user.organisation.acronym ?? '' })}
            </Text>
          )}
        </div>
        {mayCreate && (
          <Button component={Link} to="/app/projects/new">
            {t('projectEditor:list.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <UrlSearchInput label={t('projectEditor:list.search')} placeholder={t('projects:list.searchPlaceholder')} w={260} />
        <MultiSelect
          label={t('projects:statusLabel')}
          placeholder={url.getList('status').length ? undefined : t('common:all')}
          value={url.getList('status')}
          onChange={(value) => url.set({ status: value })}
          data={STATUSES.map((status) => ({ value: status, label: t(`projects:status.${status}`) }))}
          w={260}
        />
        <Select
          label={t('projects:list.sort')}
          value={sort}
          allowDeselect={false}
          onChange={(value) => url.set({ sort: value === SORTS[0] ? null : value })}
          data={SORTS.map((value) => ({ value, label: t(`projects:sort.${value.replace(':', '_')}`) }))}
          w={260}
        />
      </Group>
      <QueryState
        loading={loading && !data}
        error={error}
        empty={projects?.nodes.length === 0}
        emptyText={filtered ? t('projectEditor:list.noneFiltered') : t('projectEditor:list.none')}
      >
        {projects && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projects:list.project')}</Table.Th>
                    <Table.Th>{t('projects:statusLabel')}</Table.Th>
                    <Table.Th>{t('projects:period')}</Table.Th>
                    <Table.Th>{admin ? t('projects:organisations') : t('projectEditor:list.ourRole')}</Table.Th>
                    <Table.Th>{t('projectEditor:list.updated')}</Table.Th>
                    {withActions && <Table.Th>{t('common:actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {projects.nodes.map((project) => {
                    const title = project.title ?? t('projects:untitled');
                    const right = editRight(user, project.participants);
                    const ourRoles = project.participants.filter((participant) => participant.organisation.id === own).map((participant) => t(`projects:role.${participant.role}`));
                    return (
                      <Table.Tr key={project.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/projects/${project.id}`} fw={500}>
                            {title}
                          </Anchor>
                          {!admin && (
                            <Text size="xs" c="dimmed">
                              {organisationNames(project.participants)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{t(`projects:status.${project.status}`)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.period(project.startDate, project.endDate, '—')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{admin ? organisationNames(project.participants) : ourRoles.join(', ')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(project.updatedAt)}</Text>
                        </Table.Td>
                        {withActions && (
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              {right === 'edit' && (
                                <Button
                                  component={Link}
                                  to={`/app/projects/${project.id}/edit`}
                                  size="compact-sm"
                                  variant="light"
                                  aria-label={t('projectEditor:list.editLabel', { title })}
                                >
                                  {t('common:edit')}
                                </Button>
                              )}
                              {right === 'funding' && (
                                <Button
                                  component={Link}
                                  to={`/app/projects/${project.id}/edit`}
                                  size="compact-sm"
                                  variant="light"
                                  aria-label={t('projectEditor:list.moneyLabel', { title })}
                                >
                                  {t('projectEditor:list.money')}
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
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

/** `/app/projects`: the projects of the user's organisation (all, for an ADMIN). */
export default function MyProjectsPage() {
  return (
    <RequireRole roles={EDITOR_PAGE_ROLES}>
      <MyProjects />
    </RequireRole>
  );
}
