import { Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { RequireRole, signInPath, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import type { Role } from '../../gql/graphql';
import { useFileSize } from './file-size';
import type { ImportReport } from './import-report';
import { ImportReportView } from './ImportReportView';
import { useRefusalText } from './refusal-text';
import { uploadIatiFile } from './upload';

/** Who may import: the secretariat and administrators for anyone, a partner editor for its own organisation. */
export const IMPORTERS: Role[] = ['ADMIN', 'SECRETARIAT', 'PARTNER_EDITOR'];

/** The largest file the hub takes over HTTP (MAX_IMPORT_BYTES in src/iati/iati-import.routes.ts). */
const MAX_BYTES = 256 * 1024 * 1024;

type Action = 'check' | 'import';

interface Running {
  action: Action;
  sent: number;
  total: number;
  /** The whole file has arrived; the hub reads it. */
  uploaded: boolean;
}

function ImportScreen() {
  const { t } = useTranslation(['iati', 'common']);
  const { user, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const size = useFileSize();
  const refusalText = useRefusalText();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const reportHeading = useRef<HTMLDivElement>(null);

  // Leaving the page stops an upload still under way.
  useEffect(() => () => abort.current?.abort(), []);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    setError(!chosen ? null : chosen.size === 0 ? t('iati:refused.empty') : chosen.size > MAX_BYTES ? t('iati:refused.IATI_FILE_TOO_LARGE', { limit: size(MAX_BYTES) }) : null);
  };

  const run = async (action: Action) => {
    if (!file || running) {
      if (!file) setError(t('iati:chooseFirst'));
      return;
    }
    setError(null);
    setReport(null);
    setRunning({ action, sent: 0, total: file.size, uploaded: false });
    abort.current = new AbortController();
    const result = await uploadIatiFile(file, {
      dryRun: action === 'check',
      language: currentLanguage(),
      signal: abort.current.signal,
      onProgress: (sent, total) => setRunning((now) => now && { ...now, sent, total }),
      onUploaded: () => setRunning((now) => now && { ...now, sent: now.total, uploaded: true }),
    });
    abort.current = null;
    setRunning(null);
    if (result.kind === 'aborted') return;
    if (result.kind === 'network') {
      setError(t('iati:refused.network'));
      return;
    }
    if (result.kind === 'refused') {
      if (result.status === 401) {
        // The session ended: sign in again and come back here.
        await refresh();
        void navigate(`${signInPath(location)}&expired=1`, { replace: true });
        return;
      }
      setError(refusalText(result.status, result.errors));
      return;
    }
    setReport(result.report);
    requestAnimationFrame(() => reportHeading.current?.focus());
  };

  const percent = running && running.total > 0 ? Math.min(100, Math.round((running.sent / running.total) * 100)) : 0;
  const progressText = running
    ? running.uploaded
      ? t(running.action === 'check' ? 'iati:progress.checking' : 'iati:progress.importing', { name: file?.name ?? '', size: size(running.total) })
      : t('iati:progress.uploading', { name: file?.name ?? '', sent: size(running.sent), total: size(running.total), percent })
    : '';

  return (
    <Stack>
      <div>
        <PageTitle title={t('iati:title')} />
        <Text maw={820}>{t('iati:intro')}</Text>
        {user?.role === 'PARTNER_EDITOR' && (
          <Text maw={820} mt="xs">
            {t('iati:introPartner', { name: user.organisation?.acronym ?? user.organisation?.name ?? '' })}
          </Text>
        )}
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('iati:fileSection')} maw={820}>
        <Stack>
          <FileInput
            label={t('iati:file')}
            description={file ? t('iati:chosen', { name: file.name, size: size(file.size) }) : t('iati:fileHint', { limit: size(MAX_BYTES) })}
            placeholder={t('iati:filePlaceholder')}
            accept=".xml,application/xml,text/xml"
            clearable
            clearButtonProps={{ 'aria-label': t('iati:removeFile') }}
            value={file}
            onChange={choose}
            disabled={!!running}
            error={error}
            errorProps={{ role: 'alert' }}
            // The placeholder is text in a button here, not an input's placeholder: dimmed, as Mantine's grey is too faint.
            styles={{ input: { '--input-placeholder-color': 'var(--mantine-color-dimmed)' } }}
          />
          <Group wrap="wrap">
            <Button variant="default" onClick={() => void run('check')} loading={running?.action === 'check'} disabled={!!running && running.action !== 'check'}>
              {t('iati:check')}
            </Button>
            <Button onClick={() => void run('import')} loading={running?.action === 'import'} disabled={!!running && running.action !== 'import'}>
              {t('iati:import')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('iati:buttonsHint')}
          </Text>
          {running && (
            <Stack gap={4} role="status">
              <Text size="sm">{progressText}</Text>
              <Progress
                value={running.uploaded ? 100 : percent}
                striped={running.uploaded}
                animated={running.uploaded}
                aria-label={running.uploaded ? t('iati:progress.reading') : t('iati:progress.sending', { percent })}
                transitionDuration={200}
              />
            </Stack>
          )}
        </Stack>
      </Paper>
      {report && (
        <div ref={reportHeading} tabIndex={-1} style={{ outline: 'none' }}>
          <ImportReportView report={report} />
        </div>
      )}
    </Stack>
  );
}

/** `/app/iati-import`: an IATI activity file checked (a dry run) or imported, with the report shown readably. */
export default function IatiImportPage() {
  return (
    <RequireRole roles={IMPORTERS}>
      <ImportScreen />
    </RequireRole>
  );
}
