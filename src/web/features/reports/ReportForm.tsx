import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, CloseButton, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ActivityReportInput,
  type ActivityType,
  ReportsCreateDraftDocument,
  ReportsDetailDocument,
  type ReportsFullFragment,
  ReportsProjectDocument,
  ReportsSubmitDraftDocument,
  ReportsSubmitNewDocument,
  ReportsUpdateDocument,
  ThemeOptionsDocument,
  type UpdateActivityReportInput,
} from '../../gql/graphql';
import { DateField } from '../../app/dates';
import { applyServerErrors, hasCode } from '../../app/errors';
import { currentLanguage, LANGUAGES, type UiLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { knownUnit, PlacesSelect } from './PlacesSelect';
import { ProjectPicker } from './ProjectPicker';
import { ACTIVITY_TYPES, newIdempotencyKey, organisationName, useNotice, useReportErrorText } from './report-labels';

type Texts = Record<UiLanguage, string>;
type Count = number | string;

export interface ReportValues {
  projectId: string | null;
  organisationId: string | null;
  type: ActivityType | null;
  title: Texts;
  description: Texts;
  startDate: string | null;
  endDate: string | null;
  unitCodes: string[];
  themeCodes: string[];
  participantsTotal: Count;
  participantsWomen: Count;
  participantsMen: Count;
  participantsYouth: Count;
  outputs: string[];
  links: { title: string; url: string }[];
}

const COUNT_FIELDS = ['participantsTotal', 'participantsWomen', 'participantsMen', 'participantsYouth'] as const;

const texts = (value?: { ky?: string | null; ru?: string | null; en?: string | null } | null): Texts => ({ ky: value?.ky ?? '', ru: value?.ru ?? '', en: value?.en ?? '' });

function valuesOf(report: ReportsFullFragment): ReportValues {
  return {
    projectId: report.project?.id ?? null,
    organisationId: report.organisation?.id ?? null,
    type: report.type,
    title: texts(report.titles),
    description: texts(report.description),
    startDate: report.startDate,
    endDate: report.endDate,
    unitCodes: report.places.map((place) => place.unit.code),
    themeCodes: report.themes.map((theme) => theme.code),
    participantsTotal: report.participantsTotal ?? '',
    participantsWomen: report.participantsWomen ?? '',
    participantsMen: report.participantsMen ?? '',
    participantsYouth: report.participantsYouth ?? '',
    outputs: report.outputs,
    links: report.links.map((link) => ({ title: link.title ?? '', url: link.url })),
  };
}

const count = (value: Count): number | null => (value === '' || value == null ? null : Number(value));

/** Only the languages with text; null when none has. */
function translations(value: Texts): { ky?: string; ru?: string; en?: string } | null {
  const given = Object.fromEntries(LANGUAGES.flatMap((language) => (value[language].trim() ? [[language, value[language].trim()]] : [])));
  return Object.keys(given).length ? given : null;
}

/** The fields both a new report and a change send, in the hub's terms. */
function commonInput(values: ReportValues) {
  return {
    type: values.type!,
    title: translations(values.title) ?? {},
    description: translations(values.description),
    startDate: values.startDate!,
    endDate: values.endDate || null,
    unitCodes: values.unitCodes,
    participantsTotal: count(values.participantsTotal),
    participantsWomen: count(values.participantsWomen),
    participantsMen: count(values.participantsMen),
    participantsYouth: count(values.participantsYouth),
    outputs: values.outputs.map((output) => output.trim()).filter(Boolean),
    links: values.links.filter((link) => link.url.trim()).map((link) => ({ url: link.url.trim(), title: link.title.trim() || null })),
  };
}

function newReportInput(values: ReportValues): ActivityReportInput {
  return { ...commonInput(values), projectId: values.projectId!, organisationId: values.organisationId!, themeCodes: values.themeCodes.length ? values.themeCodes : null };
}

function changeInput(values: ReportValues, version: number): UpdateActivityReportInput {
  // Themes left empty stay as they are (the project's, when the report was made).
  return { ...commonInput(values), version, themeCodes: values.themeCodes.length ? values.themeCodes : undefined };
}

/** What the hub keeps of a report's content, in a form two reports can be compared in. */
function comparable(values: ReportValues, withThemes: boolean) {
  return JSON.stringify({
    ...newReportInput(values),
    endDate: values.endDate || values.startDate,
    unitCodes: [...values.unitCodes].sort(),
    themeCodes: withThemes ? [...values.themeCodes].sort() : null,
  });
}

/** Does the hub's report have what the form has (our own write, whose answer was lost)? */
function sameContent(saved: ReportValues, form: ReportValues): boolean {
  // Themes left empty take the project's: any themes then match.
  const withThemes = form.themeCodes.length > 0;
  return comparable(saved, withThemes) === comparable(form, withThemes);
}

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

export interface ReportFormProps {
  /** The saved report (a DRAFT or RETURNED one); none for a new report. */
  report?: ReportsFullFragment;
  /** After a save or a submission, with the report as the hub now has it. */
  onSaved(report: ReportsFullFragment, how: 'saved' | 'submitted'): void;
}

/**
 * A report's form: save it as a draft, or submit it for review. A new report is submitted with
 * an idempotency key made once per form, so a double click or a retry after a lost answer
 * makes one report; a saved one is first saved (with the version read), then submitted.
 */
export function ReportForm({ report, onSaved }: ReportFormProps) {
  const { t } = useTranslation(['reports', 'geography', 'common']);
  const describe = useReportErrorText();
  const notice = useNotice();
  const client = useApolloClient();
  const { user } = useSession();
  const isAdmin = user?.role === 'ADMIN';
  const language = currentLanguage();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [version, setVersion] = useState(report?.version ?? null);
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [keyReused, setKeyReused] = useState(false);
  const [themesTouched, setThemesTouched] = useState(!!report);
  const busy = useRef(false);
  const [working, setWorking] = useState<'draft' | 'submit' | null>(null);

  const form = useForm<ReportValues>({
    initialValues: report
      ? valuesOf(report)
      : {
          projectId: null,
          organisationId: isAdmin ? null : (user?.organisation?.id ?? null),
          type: null,
          title: texts(),
          description: texts(),
          startDate: null,
          endDate: null,
          unitCodes: [],
          themeCodes: [],
          participantsTotal: '',
          participantsWomen: '',
          participantsMen: '',
          participantsYouth: '',
          outputs: [],
          links: [],
        },
    validate: (values) => {
      const problems: Record<string, string> = {};
      if (!values.projectId) problems.projectId = t('reports:form.check.project');
      if (!values.organisationId) problems.organisationId = t('reports:form.check.organisation');
      if (!values.type) problems.type = t('reports:form.check.type');
      if (!translations(values.title)) problems[`title.${language}`] = t('reports:form.check.title');
      if (!values.startDate) problems.startDate = t('reports:form.check.startDate');
      if (values.startDate && values.endDate && values.endDate < values.startDate) problems.endDate = t('reports:form.check.endBeforeStart');
      if (values.unitCodes.length === 0) problems.unitCodes = t('reports:form.check.places');
      Object.assign(problems, countProblems(values));
      values.links.forEach((link, index) => {
        if (!link.url.trim() && link.title.trim()) problems[`links.${index}.url`] = t('reports:form.check.linkUrl');
        else if (link.url.trim() && !/^https?:\/\/\S+$/i.test(link.url.trim())) problems[`links.${index}.url`] = t('reports:form.check.linkUrl');
      });
      return problems;
    },
  });

  /** Head counts by the hub's rules: none negative, women + men ≤ total, youth ≤ total, a breakdown needs the total. */
  function countProblems(values: ReportValues): Partial<Record<(typeof COUNT_FIELDS)[number], string>> {
    const problems: Partial<Record<(typeof COUNT_FIELDS)[number], string>> = {};
    for (const field of COUNT_FIELDS) {
      const value = count(values[field]);
      if (value != null && (value < 0 || !Number.isInteger(value))) problems[field] = t('reports:form.check.wholeNumber');
    }
    const [total, women, men, youth] = COUNT_FIELDS.map((field) => count(values[field]));
    if (total == null && (women != null || men != null || youth != null)) problems.participantsTotal ??= t('reports:form.check.totalRequired');
    if (total != null && (women ?? 0) + (men ?? 0) > total) {
      problems.participantsWomen ??= t('reports:form.check.womenMen', { total });
      problems.participantsMen ??= t('reports:form.check.womenMen', { total });
    }
    if (total != null && (youth ?? 0) > total) problems.participantsYouth ??= t('reports:form.check.youth', { total });
    return problems;
  }

  /** A head count changed: once the counts were found wrong, their messages follow every change. */
  const setCount = (field: (typeof COUNT_FIELDS)[number], value: Count) => {
    form.setFieldValue(field, value);
    if (!COUNT_FIELDS.some((name) => Boolean(form.errors[name]))) return;
    const problems = countProblems({ ...form.getValues(), [field]: value });
    for (const name of COUNT_FIELDS) form.setFieldError(name, problems[name] ?? null);
  };

  const project = useQuery(ReportsProjectDocument, { variables: { id: form.values.projectId ?? '' }, skip: !form.values.projectId });
  const themes = useQuery(ThemeOptionsDocument);
  const chosenProject = project.data?.project && project.data.project.id === form.values.projectId ? project.data.project : null;

  // The project's themes are the default until the user chooses others.
  useEffect(() => {
    if (chosenProject && !themesTouched)
      form.setFieldValue(
        'themeCodes',
        chosenProject.themes.map((theme) => theme.code),
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenProject?.id, themesTouched]);

  // An administrator reports for one of the project's organisations.
  const participantOrganisations = chosenProject
    ? [...new Map(chosenProject.participants.map((participant) => [participant.organisation.id, participant.organisation])).values()]
    : [];
  useEffect(() => {
    if (!isAdmin || report || !chosenProject) return;
    const ids = participantOrganisations.map((organisation) => organisation.id);
    if (!form.values.organisationId || !ids.includes(form.values.organisationId)) form.setFieldValue('organisationId', ids.length === 1 ? ids[0] : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenProject?.id]);

  const coverage = chosenProject ? chosenProject.coverage.map((entry) => ({ code: entry.unit.code, ancestors: entry.unit.ancestors.map((ancestor) => ancestor.code) })) : null;
  const levelName = (level: string) => t(`geography:level.${level}`);

  /** Puts field errors next to their fields; the rest, said in the UI's language, goes above the buttons. */
  const showErrors = (error: unknown) => {
    const elsewhere: string[] = [];
    const target = {
      setFieldError(path: string, message: string) {
        const field = path.replace(/\[(\d+)\]/g, '.$1');
        if (field.split('.')[0] in form.values) form.setFieldError(field, message);
        else elsewhere.push(message);
      },
    };
    const rest = applyServerErrors(target, error, describe, { 'input.title': `title.${language}`, 'input.description': `description.${language}` });
    setKeyReused(rest.some((entry) => entry.reason === 'IDEMPOTENCY_KEY_REUSED'));
    setErrors([...rest.map(describe), ...elsewhere]);
  };

  const freshReport = async (): Promise<ReportsFullFragment | null> => {
    if (!report) return null;
    const { data } = await client.query({ query: ReportsDetailDocument, variables: { id: report.id }, fetchPolicy: 'network-only' });
    return data?.activityReport ?? null;
  };

  /**
   * A CONFLICT on a saved report. Either our own earlier request got through but its answer was
   * lost (the hub has what the form has: carry on with the hub's version), or the report was
   * submitted meanwhile, or someone else changed it (the user's input stays; they decide).
   */
  const resolveConflict = async (values: ReportValues, submitting: boolean): Promise<ReportsFullFragment | 'stop'> => {
    const fresh = await freshReport().catch(() => null);
    if (!fresh) {
      setConflict(true);
      return 'stop';
    }
    const same = sameContent(valuesOf(fresh), values);
    if (fresh.status !== 'DRAFT' && fresh.status !== 'RETURNED') {
      if (submitting && same) {
        notice(t('reports:notice.submitted'));
        onSaved(fresh, 'submitted');
      } else {
        notice(describe({ code: 'CONFLICT', reason: 'REPORT_NOT_EDITABLE', message: '' }), 'red');
        onSaved(fresh, 'saved');
      }
      return 'stop';
    }
    if (same) return fresh;
    setConflict(true);
    return 'stop';
  };

  const [createDraft] = useMutation(ReportsCreateDraftDocument);
  const [update] = useMutation(ReportsUpdateDocument);
  const [submitNew] = useMutation(ReportsSubmitNewDocument);
  const [submitDraft] = useMutation(ReportsSubmitDraftDocument);

  /** Saves the changes of a saved report (if any); returns the version to submit, or null when it stopped. */
  const saveChanges = async (values: ReportValues, submitting: boolean): Promise<number | null> => {
    const current = version ?? report!.version;
    if (!form.isDirty()) return current;
    try {
      const { data } = await update({ variables: { id: report!.id, input: changeInput(values, current) } });
      setVersion(data!.updateActivityReport.version);
      form.resetDirty(values);
      return data!.updateActivityReport.version;
    } catch (error) {
      if (!hasCode(error, 'CONFLICT')) throw error;
      const outcome = await resolveConflict(values, submitting);
      if (outcome === 'stop') return null;
      setVersion(outcome.version);
      form.resetDirty(values);
      return outcome.version;
    }
  };

  const submitSaved = async (values: ReportValues, savedVersion: number, attempt = 1): Promise<void> => {
    try {
      const { data } = await submitDraft({ variables: { id: report!.id, version: savedVersion } });
      setVersion(data!.submitActivityReportDraft.version);
      notice(t('reports:notice.submitted'));
      onSaved(data!.submitActivityReportDraft, 'submitted');
    } catch (error) {
      if (!hasCode(error, 'CONFLICT')) throw error;
      const outcome = await resolveConflict(values, true);
      if (outcome !== 'stop' && attempt === 1) await submitSaved(values, outcome.version, 2);
    }
  };

  const run = async (how: 'draft' | 'submit', values: ReportValues) => {
    // One action at a time: a second click while the first is on its way does nothing.
    if (busy.current) return;
    busy.current = true;
    setWorking(how);
    setErrors([]);
    setKeyReused(false);
    setConflict(false);
    try {
      if (!report) {
        if (how === 'draft') {
          const { data } = await createDraft({ variables: { input: newReportInput(values) } });
          notice(t('reports:notice.draftSaved'));
          onSaved(data!.createActivityReport, 'saved');
        } else {
          // The same key on every attempt: the hub makes one report however often this is sent.
          const { data } = await submitNew({ variables: { input: newReportInput(values), idempotencyKey } });
          notice(t('reports:notice.submitted'));
          onSaved(data!.submitActivityReport, 'submitted');
        }
        return;
      }
      const savedVersion = await saveChanges(values, how === 'submit');
      if (savedVersion == null) return;
      if (how === 'draft') notice(t('common:saved'));
      else await submitSaved(values, savedVersion);
    } catch (error) {
      showErrors(error);
    } finally {
      busy.current = false;
      setWorking(null);
    }
  };

  const returned = report?.status === 'RETURNED';
  return (
    <form noValidate aria-label={report ? t('reports:form.editLabel') : t('reports:form.newLabel')} onSubmit={form.onSubmit((values) => run('submit', values))}>
      <Stack>
        <Section title={t('reports:form.what')}>
          <ProjectPicker
            organisationId={isAdmin ? null : (user?.organisation?.id ?? '')}
            label={t('reports:field.project')}
            description={report ? t('reports:form.projectFixed') : t('reports:form.projectHint')}
            required
            disabled={!!report}
            value={form.values.projectId}
            onChange={(id) => form.setFieldValue('projectId', id)}
            error={form.errors.projectId as string | undefined}
          />
          {isAdmin && (
            <Select
              label={t('reports:field.organisation')}
              description={t('reports:form.organisationHint')}
              required
              disabled={!!report || !chosenProject}
              data={participantOrganisations.map((organisation) => ({ value: organisation.id, label: organisationName(organisation) }))}
              {...form.getInputProps('organisationId')}
            />
          )}
          <Select
            label={t('reports:field.type')}
            required
            data={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`reports:type.${type}`) }))}
            {...form.getInputProps('type')}
          />
          <Text size="sm" c="dimmed">
            {t('reports:form.titleHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {LANGUAGES.map((lang) => (
              <TextInput key={lang} label={t(`reports:field.title_${lang}`)} lang={lang} maxLength={500} {...form.getInputProps(`title.${lang}`)} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {LANGUAGES.map((lang) => (
              <Textarea key={lang} label={t(`reports:field.description_${lang}`)} lang={lang} autosize minRows={3} maxRows={12} {...form.getInputProps(`description.${lang}`)} />
            ))}
          </SimpleGrid>
        </Section>

        <Section title={t('reports:form.whenWhere')}>
          <Group align="flex-start" wrap="wrap">
            <DateField
              label={t('reports:field.startDate')}
              required
              clearable={false}
              value={form.values.startDate}
              onChange={(day) => form.setFieldValue('startDate', day)}
              error={form.errors.startDate as string | undefined}
              w={220}
            />
            <DateField
              label={t('reports:field.endDate')}
              description={t('reports:form.endDateHint')}
              clearLabel={t('reports:form.clearEndDate')}
              value={form.values.endDate}
              onChange={(day) => form.setFieldValue('endDate', day)}
              error={form.errors.endDate as string | undefined}
              minDate={form.values.startDate ?? undefined}
              w={220}
            />
          </Group>
          <PlacesSelect
            label={t('reports:field.places')}
            description={t('reports:form.placesHint')}
            required
            value={form.values.unitCodes}
            onChange={(codes) => form.setFieldValue('unitCodes', codes)}
            initial={report ? report.places.map((place) => knownUnit(place.unit, levelName)) : []}
            coverage={coverage}
            error={form.errors.unitCodes as string | undefined}
          />
          <MultiSelect
            label={t('reports:field.themes')}
            description={t('reports:form.themesHint')}
            data={(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))}
            value={form.values.themeCodes}
            onChange={(codes) => {
              setThemesTouched(true);
              form.setFieldValue('themeCodes', codes);
            }}
            error={form.errors.themeCodes as string | undefined}
            searchable
            clearable
          />
        </Section>

        <Section title={t('reports:form.participants')}>
          <Text size="sm" c="dimmed">
            {t('reports:form.participantsHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {COUNT_FIELDS.map((field) => (
              <NumberInput
                key={field}
                label={t(`reports:field.${field}`)}
                description={t(`reports:form.hint.${field}`)}
                min={0}
                allowNegative={false}
                allowDecimal={false}
                thousandSeparator=" "
                {...form.getInputProps(field)}
                onChange={(value) => setCount(field, value)}
              />
            ))}
          </SimpleGrid>
        </Section>

        <Section title={t('reports:form.results')}>
          <Stack gap="xs">
            <Title order={3} size="h6">
              {t('reports:field.outputs')}
            </Title>
            {form.values.outputs.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('reports:form.noOutputs')}
              </Text>
            )}
            {form.values.outputs.map((_, index) => (
              <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
                <TextInput style={{ flex: 1 }} label={t('reports:form.output', { n: index + 1 })} maxLength={1000} {...form.getInputProps(`outputs.${index}`)} />
                <CloseButton mb={4} aria-label={t('reports:form.removeOutput', { n: index + 1 })} onClick={() => form.removeListItem('outputs', index)} />
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => form.insertListItem('outputs', '')}>
                {t('reports:form.addOutput')}
              </Button>
            </Group>
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h6">
              {t('reports:field.links')}
            </Title>
            {form.values.links.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('reports:form.noLinks')}
              </Text>
            )}
            {form.values.links.map((_, index) => (
              <Group key={index} align="flex-start" wrap="wrap" gap="xs">
                <TextInput style={{ flex: '1 1 200px' }} label={t('reports:form.linkTitle', { n: index + 1 })} {...form.getInputProps(`links.${index}.title`)} />
                <TextInput
                  style={{ flex: '2 1 260px' }}
                  type="url"
                  label={t('reports:form.linkUrl', { n: index + 1 })}
                  placeholder="https://"
                  {...form.getInputProps(`links.${index}.url`)}
                />
                <CloseButton mt={28} aria-label={t('reports:form.removeLink', { n: index + 1 })} onClick={() => form.removeListItem('links', index)} />
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => form.insertListItem('links', { title: '', url: '' })}>
                {t('reports:form.addLink')}
              </Button>
            </Group>
          </Stack>
        </Section>

        {conflict && (
          <ConflictAlert
            onReload={async () => {
              const fresh = await freshReport();
              if (fresh) setVersion(fresh.version);
              setConflict(false);
            }}
          />
        )}
        {keyReused ? (
          <Stack gap="xs">
            <Alert color="red" role="alert" title={t('reports:form.alreadySubmittedTitle')}>
              {t('reports:reason.IDEMPOTENCY_KEY_REUSED')}
            </Alert>
            <Anchor component={Link} to="/app/reports?status=SUBMITTED">
              {t('reports:form.openSubmitted')}
            </Anchor>
          </Stack>
        ) : (
          errors.length > 0 && (
            <Alert color="red" title={t('common:error.title')} role="alert">
              {errors.map((text, index) => (
                <Text key={index} size="sm">
                  {text}
                </Text>
              ))}
            </Alert>
          )
        )}
        {Object.keys(form.errors).length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {t('reports:form.fixFields')}
          </Alert>
        )}
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" loading={working === 'draft'} disabled={working === 'submit'} onClick={() => form.onSubmit((values) => run('draft', values))()}>
            {t('reports:form.saveDraft')}
          </Button>
          <Button type="submit" loading={working === 'submit'} disabled={working === 'draft'}>
            {returned ? t('reports:form.resubmit') : t('reports:form.submit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" ta="right">
          {t('reports:form.submitHint')}
        </Text>
      </Stack>
    </form>
  );
}
