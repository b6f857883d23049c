import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ReportsDetailDocument, type ReportsFullFragment } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { RequireRole, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ReportForm } from './ReportForm';
import { ReportView } from './ReportView';
import { organisationName, REPORT_READERS, REPORT_WRITERS } from './report-labels';
import { StatusBadge } from './StatusBadge';

function BackToList() {
  const { t } = useTranslation('reports');
  return (
    <Anchor component={Link} to="/app/reports" size="sm">
      ← {t('reports:backToList')}
    </Anchor>
  );
}

/** A new report: the form; once saved or submitted, the report's own page. */
function NewReport() {
  const { t } = useTranslation(['reports', 'common']);
  const navigate = useNavigate();
  const { user } = useSession();
  return (
    <Stack>
      <div>
        <BackToList />
        <PageTitle title={t('reports:new.title')} />
        <Text>{t('reports:new.intro')}</Text>
      </div>
      {user?.role !== 'ADMIN' && !user?.organisation ? (
        <Alert color="orange" role="alert">
          {t('reports:new.noOrganisation')}
        </Alert>
      ) : (
        <ReportForm onSaved={(report) => navigate(`/app/reports/${report.id}`, { replace: true })} />
      )}
    </Stack>
  );
}

/** May this user change this report (a draft or a returned one of their organisation)? */
function mayEdit(report: ReportsFullFragment, user: ReturnType<typeof useSession>['user']): boolean {
  if (report.status !== 'DRAFT' && report.status !== 'RETURNED') return false;
  if (user?.role === 'ADMIN') return true;
  return user?.role === 'PARTNER_EDITOR' && !!report.organisation && user.organisation?.id === report.organisation.id;
}

/** A saved report: the form while it is a draft or returned (for its editors), else read-only. */
function ExistingReport({ id }: { id: string }) {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const { user } = useSession();
  const { data, loading, error } = useQuery(ReportsDetailDocument, { variables: { id } });
  const report = data?.activityReport;
  if (!loading && !error && data && !report) {
    return (
      <Stack>
        <BackToList />
        <PageTitle title={t('reports:notFound.title')} />
        <Alert color="orange" role="alert">
          {t('reports:notFound.text')}
        </Alert>
      </Stack>
    );
  }
  return (
    <QueryState loading={loading && !data} error={error}>
      {report && (
        <Stack>
          <div>
            <BackToList />
            <PageTitle title={report.title ?? t('reports:untitled')} />
            <Group gap="xs" wrap="wrap">
              <StatusBadge status={report.status} size="md" />
              <Text size="sm" c="dimmed">
                {[report.project?.title, organisationName(report.organisation)].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </div>
          {report.status === 'RETURNED' && (
            <Alert color="red" variant="light" title={t('reports:returned.title')} role="note">
              <Text style={{ whiteSpace: 'pre-line' }} fw={500}>
                {report.reviewComment}
              </Text>
              <Text size="sm" mt="xs">
                {[report.reviewedAt ? t('reports:returned.when', { when: format.dateTime(report.reviewedAt) }) : null, mayEdit(report, user) ? t('reports:returned.whatNow') : null]
                  .filter(Boolean)
                  .join(' ')}
              </Text>
            </Alert>
          )}
          {report.status === 'ACCEPTED' && report.reviewComment && (
            <Alert color="blue" variant="light" title={t('reports:accepted.note')} role="note">
              <Text style={{ whiteSpace: 'pre-line' }}>{report.reviewComment}</Text>
            </Alert>
          )}
          {report.status === 'SUBMITTED' && <Text>{t('reports:submittedNote')}</Text>}
          {report.status === 'ACCEPTED' && <Text>{t('reports:acceptedNote')}</Text>}
          {mayEdit(report, user) ? <ReportForm key={report.id} report={report} onSaved={() => undefined} /> : <ReportView report={report} />}
        </Stack>
      )}
    </QueryState>
  );
}

/** `/app/reports/new` and `/app/reports/:id`. */
export default function ReportPage() {
  const { id } = useParams();
  return id ? (
    <RequireRole roles={REPORT_READERS}>
      <ExistingReport id={id} />
    </RequireRole>
  ) : (
    <RequireRole roles={REPORT_WRITERS}>
      <NewReport />
    </RequireRole>
  );
}
