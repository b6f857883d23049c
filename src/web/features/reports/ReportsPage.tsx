import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ActivityType, type ReportStatus, ReportsListDocument } from '../../gql/graphql';
import { DateRangeInput } from '../../app/dates';
import { useFormat } from '../../app/format';
import { RequireRole, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ProjectPicker } from './ProjectPicker';
import { ACTIVITY_TYPES, organisationName, REPORT_READERS, REPORT_STATUSES, REPORT_WRITERS } from './report-labels';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 20;

function ReportList() {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const { user } = useSession();
  const url = useUrlState<'status' | 'project' | 'type' | 'from' | 'to'>();
  const isAdmin = user?.role === 'ADMIN';
  // A partner sees its organisation's reports here (others' submitted ones are not its work).
  const organisationId = isAdmin ? null : (user?.organisation?.id ?? '');
  const status = (REPORT_STATUSES as string[]).includes(url.get('status')) ? (url.get('status') as ReportStatus) : null;
  const type = (ACTIVITY_TYPES as string[]).includes(url.get('type')) ? (url.get('type') as ActivityType) : null;
  const from = url.get('from') || null;
  const to = url.get('to') || null;
  const { data, loading, error } = useQuery(ReportsListDocument, {
    variables: {
      filter: {
        organisationId,
        status: status ? [status] : null,
        projectId: url.get('project') || null,
        types: type ? [type] : null,
        period: from || to ? { from, to } : null,
      },
      returnedFilter: { organisationId, status: ['RETURNED'] },
      orderBy: { field: 'UPDATED_AT', direction: 'DESC' },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  const reports = data?.activityReports;
  const returned = data?.returned.totalCount ?? 0;
  const mayWrite = !!user && REPORT_WRITERS.includes(user.role);
  const filtered = !!(status || type || from || to || url.get('project'));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <PageTitle title={t('reports:list.title')} />
          <Text>{isAdmin ? t('reports:list.introAdmin') : t('reports:list.intro', { organisation: organisationName(user?.organisation) })}</Text>
        </div>
        {mayWrite && (
          <Group gap="sm">
            <Button component={Link} to="/app/reports/new">
              {t('reports:list.new')}
            </Button>
            <Button component={Link} to="/app/reports/import" variant="default">
              {t('reports:list.import')}
            </Button>
          </Group>
        )}
      </Group>

      {!isAdmin && returned > 0 && status !== 'RETURNED' && (
        <Alert color="red" variant="light" title={t('reports:list.returnedTitle', { count: returned })} role="status">
          <Text size="sm">{t('reports:list.returnedText', { count: returned })}</Text>
          <Button mt="xs" size="xs" color="red.9" onClick={() => url.set({ status: 'RETURNED' })}>
            {t('reports:list.showReturned')}
          </Button>
        </Alert>
      )}

      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('reports:field.status')}
          placeholder={t('common:all')}
          clearable
          value={status}
          onChange={(value) => url.set({ status: value })}
          data={REPORT_STATUSES.map((value) => ({ value, label: t(`reports:status.${value}`) }))}
          w={200}
        />
        <ProjectPicker
          organisationId={organisationId}
          label={t('reports:field.project')}
          placeholder={t('common:all')}
          clearable
          value={url.get('project') || null}
          onChange={(id) => url.set({ project: id })}
          w={280}
        />
        <Select
          label={t('reports:field.type')}
          placeholder={t('common:all')}
          clearable
          value={type}
          onChange={(value) => url.set({ type: value })}
          data={ACTIVITY_TYPES.map((value) => ({ value, label: t(`reports:type.${value}`) }))}
          w={220}
        />
        <DateRangeInput
          label={t('reports:list.period')}
          clearLabel={t('reports:list.clearPeriod')}
          value={[from, to]}
          onChange={([start, end]) => url.set({ from: start, to: end })}
          w={260}
        />
      </Group>

      <QueryState
        loading={loading && !data}
        error={error}
        empty={reports?.nodes.length === 0}
        emptyText={filtered ? t('reports:list.noneFiltered') : mayWrite ? t('reports:list.noneYet') : t('reports:list.none')}
      >
        {reports && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports:list.report')}</Table.Th>
                    <Table.Th>{t('reports:field.status')}</Table.Th>
                    <Table.Th>{t('reports:field.project')}</Table.Th>
                    <Table.Th>{t('reports:field.period')}</Table.Th>
                    {isAdmin && <Table.Th>{t('reports:field.organisation')}</Table.Th>}
                    <Table.Th>{t('reports:list.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reports.nodes.map((report) => (
                    <Table.Tr key={report.id}>
                      <Table.Td maw={360}>
                        <Anchor component={Link} to={`/app/reports/${report.id}`} fw={500}>
                          {report.title ?? t('reports:untitled')}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`reports:type.${report.type}`)}
                        </Text>
                        {report.status === 'RETURNED' && report.reviewComment && (
                          <Alert color="red" variant="light" p="xs" mt={6} title={t('reports:list.secretariatSays')} role="note">
                            <Text size="sm" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
                              {report.reviewComment}
                            </Text>
                          </Alert>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <StatusBadge status={report.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{report.project?.title ?? t('reports:untitledProject')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {report.startDate === report.endDate ? format.date(report.startDate) : `${format.date(report.startDate)} – ${format.date(report.endDate)}`}
                        </Text>
                      </Table.Td>
                      {isAdmin && (
                        <Table.Td>
                          <Text size="sm">{organisationName(report.organisation)}</Text>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Text size="sm">{format.dateTime(report.updatedAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={reports.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** `/app/reports`: the reports of the caller's organisation (an administrator: all). */
export default function ReportsPage() {
  return (
    <RequireRole roles={REPORT_READERS}>
      <ReportList />
    </RequireRole>
  );
}
