import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ReportsAcceptDocument, ReportsDetailDocument, type ReportsFullFragment, ReportsReturnDocument } from '../../gql/graphql';
import { applyServerErrors } from '../../app/errors';
import { useFormat } from '../../app/format';
import { RequireRole } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ReportView } from './ReportView';
import { organisationName, REVIEWERS, useNotice, useReportErrorText } from './report-labels';
import { StatusBadge } from './StatusBadge';

/** The secretariat's decision: accept (a note is optional) or return with a comment (required). */
function Decision({ report }: { report: ReportsFullFragment }) {
  const { t } = useTranslation(['reports', 'common']);
  const describe = useReportErrorText();
  const notice = useNotice();
  const navigate = useNavigate();
  const [accept] = useMutation(ReportsAcceptDocument);
  const [giveBack] = useMutation(ReportsReturnDocument);
  const [working, setWorking] = useState<'accept' | 'return' | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const busy = useRef(false);
  const comment = useRef<HTMLTextAreaElement>(null);
  const form = useForm({ initialValues: { comment: '' } });

  const decide = async (how: 'accept' | 'return') => {
    if (busy.current) return;
    const text = form.values.comment.trim();
    if (how === 'return' && !text) {
      // Said before anything is sent: a report goes back only with what to change.
      form.setFieldError('comment', t('reports:review.commentRequired'));
      comment.current?.focus();
      return;
    }
    busy.current = true;
    setWorking(how);
    setErrors([]);
    try {
      const input = { version: report.version, comment: text || null };
      if (how === 'accept') await accept({ variables: { id: report.id, input } });
      else await giveBack({ variables: { id: report.id, input } });
      notice(how === 'accept' ? t('reports:notice.accepted') : t('reports:notice.returned'));
      void navigate('/app/review');
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe).map(describe));
    } finally {
      busy.current = false;
      setWorking(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decision-title">
      <Title order={2} size="h4" mb="sm" id="decision-title">
        {t('reports:review.title')}
      </Title>
      <Stack gap="sm">
        <Textarea
          ref={comment}
          label={t('reports:review.comment')}
          description={t('reports:review.commentHint')}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('comment')}
        />
        {errors.length > 0 && (
          <Alert color="red" title={t('common:error.title')} role="alert">
            {errors.map((text, index) => (
              <Text key={index} size="sm">
                {text}
              </Text>
            ))}
          </Alert>
        )}
        <Group wrap="wrap">
          <Button loading={working === 'accept'} disabled={working === 'return'} onClick={() => decide('accept')}>
            {t('reports:review.accept')}
          </Button>
          <Button color="red.9" variant="outline" loading={working === 'return'} disabled={working === 'accept'} onClick={() => decide('return')}>
            {t('reports:review.return')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Review({ id }: { id: string }) {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const { data, loading, error } = useQuery(ReportsDetailDocument, { variables: { id } });
  const report = data?.activityReport;
  const back = (
    <Anchor component={Link} to="/app/review" size="sm">
      ← {t('reports:queue.back')}
    </Anchor>
  );
  if (!loading && !error && data && !report) {
    return (
      <Stack>
        {back}
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
            {back}
            <PageTitle title={report.title ?? t('reports:untitled')} />
            <Group gap="xs" wrap="wrap">
              <StatusBadge status={report.status} size="md" />
              <Text size="sm" c="dimmed">
                {[organisationName(report.organisation), report.submittedAt ? t('reports:view.submitted', { when: format.dateTime(report.submittedAt) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          </div>
          {report.status !== 'SUBMITTED' && (
            <Alert color="blue" variant="light" role="status">
              {t('reports:review.notWaiting', { status: t(`reports:status.${report.status}`) })}
            </Alert>
          )}
          {report.status !== 'SUBMITTED' && report.reviewComment && (
            <Alert color="gray" variant="light" title={t('reports:review.lastComment')} role="note">
              <Text style={{ whiteSpace: 'pre-line' }}>{report.reviewComment}</Text>
            </Alert>
          )}
          <Grid>
            <Grid.Col span={{ base: 12, md: report.status === 'SUBMITTED' ? 8 : 12 }}>
              <ReportView report={report} />
            </Grid.Col>
            {report.status === 'SUBMITTED' && (
              <Grid.Col span={{ base: 12, md: 4 }}>
                <div style={{ position: 'sticky', top: 72 }}>
                  <Decision key={report.version} report={report} />
                </div>
              </Grid.Col>
            )}
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}

/** `/app/review/:id`: one submitted report in full, with the secretariat's decision. */
export default function ReviewPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={REVIEWERS}>
      <Review id={id} />
    </RequireRole>
  );
}
