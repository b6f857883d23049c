import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Code, CopyButton, FileButton, Group, List, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ReportsImportMutation, ReportsImportDocument, ReportsProjectOptionsDocument, ReportsUnitSearchDocument } from '../../gql/graphql';
import { serverErrors } from '../../app/errors';
import { useFormat } from '../../app/format';
import { RequireRole, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { unitLabel } from './PlacesSelect';
import { ACTIVITY_TYPES, REPORT_WRITERS, useReportErrorText } from './report-labels';

/** The template's columns, in order (README, "Bulk import (CSV)"). */
export const IMPORT_COLUMNS = [
  'project_id',
  'organisation_id',
  'type',
  'title_en',
  'title_ru',
  'title_ky',
  'start_date',
  'end_date',
  'unit_codes',
  'theme_codes',
  'participants_total',
  'participants_women',
  'participants_men',
  'participants_youth',
  'outputs',
] as const;

type Result = ReportsImportMutation['importActivityReports'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** Saves the header of the template as a CSV file (UTF-8 with a BOM, so spreadsheets read Cyrillic). */
function downloadTemplate() {
  const blob = new Blob(['\uFEFF' + IMPORT_COLUMNS.join(',') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'yntymak-activity-reports.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function CopyId({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('reports');
  return (
    <Group gap="xs" wrap="nowrap">
      <Code>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} aria-label={t('reports:import.copyLabel', { what: label })}>
            {copied ? t('reports:import.copied') : t('reports:import.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** Finds a place's code by its name in any script, to copy into `unit_codes`. */
function PlaceCodeFinder() {
  const { t } = useTranslation(['reports', 'geography', 'common']);
  const levelName = (level: string) => t(`geography:level.${level}`);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ code: string; label: string } | null>(null);
  const found = useQuery(ReportsUnitSearchDocument, { variables: { search: debounced, first: 20 }, skip: debounced.length < 2 });
  const options = (found.data?.adminUnits.nodes ?? []).map((unit) => ({ value: unit.code, label: unitLabel(unit, levelName) }));
  if (chosen && !options.some((option) => option.value === chosen.code)) options.unshift({ value: chosen.code, label: chosen.label });
  return (
    <Stack gap={4}>
      <Select
        label={t('reports:import.findPlace')}
        description={t('reports:import.findPlaceHint')}
        searchable
        clearable
        filter={({ options: all }) => all}
        data={options}
        value={chosen?.code ?? null}
        onChange={(code, option) => setChosen(code && option ? { code, label: option.label } : null)}
        onSearchChange={setSearch}
        nothingFoundMessage={debounced.length < 2 ? t('geography:search.typeMore') : found.loading ? t('common:loading') : t('geography:search.none')}
        maw={520}
      />
      {chosen && <CopyId value={chosen.code} label={chosen.label} />}
    </Stack>
  );
}

/** What the user needs to fill the template: column meanings, their organisation's and projects' ids. */
function TemplateHelp() {
  const { t } = useTranslation(['reports', 'common']);
  const { user } = useSession();
  const organisation = user?.organisation;
  const projects = useQuery(ReportsProjectOptionsDocument, { variables: { filter: { organisationIds: [organisation?.id ?? ''] }, first: 100 }, skip: !organisation });
  return (
    <Section title={t('reports:import.templateTitle')}>
      <Text>{t('reports:import.templateIntro')}</Text>
      <Group>
        <Button variant="default" onClick={downloadTemplate}>
          {t('reports:import.download')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports:import.column')}</Table.Th>
              <Table.Th>{t('reports:import.whatToWrite')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {IMPORT_COLUMNS.map((column) => (
              <Table.Tr key={column}>
                <Table.Td>
                  <Code>{column}</Code>
                </Table.Td>
                <Table.Td>{t(`reports:import.columns.${column}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm">
        {t('reports:import.types')} {ACTIVITY_TYPES.map((type) => `${type} (${t(`reports:type.${type}`)})`).join(', ')}.
      </Text>
      <PlaceCodeFinder />
      {organisation && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reports:import.yourOrganisation', { name: organisation.acronym ?? organisation.name ?? '' })}
          </Text>
          <CopyId value={organisation.id} label={t('reports:import.organisationId')} />
        </Stack>
      )}
      {organisation && (projects.data?.projects.nodes.length ?? 0) > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reports:import.yourProjects')}
          </Text>
          <List size="sm" spacing={4}>
            {projects.data!.projects.nodes.map((project) => (
              <List.Item key={project.id}>
                <Text size="sm">{project.title ?? t('reports:untitledProject')}</Text>
                <CopyId value={project.id} label={project.title ?? t('reports:untitledProject')} />
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Section>
  );
}

function ImportScreen() {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const describe = useReportErrorText();
  const [file, setFile] = useState<File | null>(null);
  const resetFile = useRef<() => void>(null);
  const [pasted, setPasted] = useState('');
  const [fileText, setFileText] = useState('');
  const csv = file ? fileText : pasted;
  const [checked, setChecked] = useState<{ csv: string; result: Result } | null>(null);
  const [imported, setImported] = useState<Result | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [run, { loading }] = useMutation(ReportsImportDocument);
  const [working, setWorking] = useState<'check' | 'import' | null>(null);
  const busy = useRef(false);

  const current = checked && checked.csv === csv ? checked.result : null;
  const canImport = !!current && current.valid && current.rows > 0 && !imported;

  const send = async (dryRun: boolean) => {
    if (busy.current || !csv.trim()) return;
    busy.current = true;
    setWorking(dryRun ? 'check' : 'import');
    setErrors([]);
    try {
      const { data } = await run({ variables: { csv, dryRun } });
      const result = data!.importActivityReports;
      if (dryRun || !result.valid) setChecked({ csv, result });
      if (!dryRun && result.valid) setImported(result);
    } catch (error) {
      setChecked(null);
      // Whole-file problems (no header, not CSV, another organisation's rows) come as errors.
      setErrors(serverErrors(error).map(describe));
    } finally {
      busy.current = false;
      setWorking(null);
    }
  };

  const problemText = (problem: Result['problems'][number]) => t(`reports:import.problem.${problem.reason}`, { value: problem.value ?? '' });
  const rowsWithProblems = current ? new Set(current.problems.map((problem) => problem.row)).size : 0;

  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/app/reports" size="sm">
          ← {t('reports:backToList')}
        </Anchor>
        <PageTitle title={t('reports:import.title')} />
        <Text>{t('reports:import.intro')}</Text>
      </div>
      <TemplateHelp />
      <Section title={t('reports:import.fileTitle')}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="import-file-label">
            {t('reports:import.file')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reports:import.fileHint')}
          </Text>
          <Group gap="sm" wrap="wrap">
            <FileButton
              resetRef={resetFile}
              accept=".csv,text/csv"
              inputProps={{ 'aria-labelledby': 'import-file-label' }}
              onChange={async (chosen) => {
                setFile(chosen);
                setImported(null);
                setFileText(chosen ? await chosen.text() : '');
              }}
            >
              {(props) => (
                <Button variant="default" {...props}>
                  {file ? t('reports:import.chooseOther') : t('reports:import.choose')}
                </Button>
              )}
            </FileButton>
            {file && (
              <>
                <Text size="sm">{t('reports:import.chosen', { name: file.name, count: Math.max(0, fileText.split(/\r?\n/).filter((line) => line.trim()).length - 1) })}</Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    resetFile.current?.();
                    setFile(null);
                    setFileText('');
                    setImported(null);
                  }}
                >
                  {t('reports:import.removeFile')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
        <Textarea
          label={t('reports:import.paste')}
          description={file ? t('reports:import.pasteDisabled') : t('reports:import.pasteHint')}
          disabled={!!file}
          autosize
          minRows={4}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
          value={pasted}
          onChange={(event) => {
            setPasted(event.currentTarget.value);
            setImported(null);
          }}
        />
        <Group wrap="wrap">
          <Button onClick={() => send(true)} loading={working === 'check'} disabled={!csv.trim() || working === 'import'}>
            {t('reports:import.check')}
          </Button>
          <Button onClick={() => send(false)} loading={working === 'import'} disabled={!canImport || loading}>
            {t('reports:import.import')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('reports:import.importHint')}
        </Text>
      </Section>

      {errors.length > 0 && (
        <Alert color="red" title={t('reports:import.fileRefused')} role="alert">
          {errors.map((text, index) => (
            <Text key={index} size="sm">
              {text}
            </Text>
          ))}
          <Text size="sm" mt="xs">
            {t('reports:import.nothingWritten')}
          </Text>
        </Alert>
      )}

      {imported && (
        <Stack gap="xs">
          <Alert color="blue" title={t('reports:import.doneTitle', { count: imported.created })} role="status">
            <Text size="sm">{t('reports:import.doneText', { count: imported.created })}</Text>
          </Alert>
          <Anchor component={Link} to="/app/reports?status=SUBMITTED">
            {t('reports:import.openSubmitted')}
          </Anchor>
        </Stack>
      )}

      {current && !imported && current.valid && (
        <Alert color="blue" variant="light" title={t('reports:import.validTitle', { count: current.rows })} role="status">
          {t('reports:import.validText', { count: current.rows })}
        </Alert>
      )}

      {current && !current.valid && (
        <Section title={t('reports:import.problemsTitle')}>
          <Alert color="red" variant="light" title={t('reports:import.invalidTitle', { count: current.problems.length, rows: format.number(rowsWithProblems) })} role="alert">
            <Text size="sm">{t('reports:import.invalidText', { count: current.rows })}</Text>
            {current.problems.length >= 500 && <Text size="sm">{t('reports:import.firstProblems')}</Text>}
          </Alert>
          <Table.ScrollContainer minWidth={620}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('reports:import.problemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports:import.row')}</Table.Th>
                  <Table.Th>{t('reports:import.column')}</Table.Th>
                  <Table.Th>{t('reports:import.whatIsWrong')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.problems.map((problem, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{format.number(problem.row)}</Table.Td>
                    <Table.Td>{problem.column ? <Code>{problem.column}</Code> : t('reports:import.wholeRow')}</Table.Td>
                    <Table.Td>{problemText(problem)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}
    </Stack>
  );
}

/** `/app/reports/import`: many reports at once from a CSV file, checked before anything is written. */
export default function ImportPage() {
  return (
    <RequireRole roles={REPORT_WRITERS}>
      <ImportScreen />
    </RequireRole>
  );
}
