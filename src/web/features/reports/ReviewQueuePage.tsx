import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReportsReviewQueueDocument } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { RequireRole } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { organisationName, REVIEWERS } from './report-labels';

const PAGE_SIZE = 20;

function Queue() {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const url = useUrlState();
  const { data, loading, error } = useQuery(ReportsReviewQueueDocument, { variables: { first: PAGE_SIZE, offset: (url.page - 1) * PAGE_SIZE } });
  const queue = data?.activityReports;
  return (
    <Stack>
      <div>
        <PageTitle title={t('reports:queue.title')} />
        <Text>{t('reports:queue.intro')}</Text>
      </div>
      <QueryState loading={loading && !data} error={error} empty={queue?.nodes.length === 0} emptyText={t('reports:queue.empty')}>
        {queue && (
          <>
            <Text size="sm">{t('reports:queue.waiting', { count: queue.totalCount })}</Text>
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports:queue.submitted')}</Table.Th>
                    <Table.Th>{t('reports:list.report')}</Table.Th>
                    <Table.Th>{t('reports:field.organisation')}</Table.Th>
                    <Table.Th>{t('reports:field.project')}</Table.Th>
                    <Table.Th>{t('reports:field.period')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queue.nodes.map((report) => {
                    const outside = report.places.filter((place) => place.outsideCoverage).length;
                    return (
                      <Table.Tr key={report.id}>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(report.submittedAt)}</Text>
                        </Table.Td>
                        <Table.Td maw={360}>
                          <Anchor component={Link} to={`/app/review/${report.id}`} fw={500}>
                            {report.title ?? t('reports:untitled')}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t(`reports:type.${report.type}`)}
                          </Text>
                          {outside > 0 && (
                            <Badge color="red" variant="light" size="sm" mt={4}>
                              {t('reports:queue.outside', { count: outside })}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{organisationName(report.organisation)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{report.project?.title ?? t('reports:untitledProject')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {report.startDate === report.endDate ? format.date(report.startDate) : `${format.date(report.startDate)} – ${format.date(report.endDate)}`}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={queue.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** `/app/review`: reports waiting for the secretariat, the longest-waiting first. */
export default function ReviewQueuePage() {
  return (
    <RequireRole roles={REVIEWERS}>
      <Queue />
    </RequireRole>
  );
}
