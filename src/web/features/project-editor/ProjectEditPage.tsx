import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  List,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  ActionIcon,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  EditorCreateProjectDocument,
  EditorProjectDocument,
  type EditorProjectFieldsFragment,
  EditorSetCoverageDocument,
  EditorSetParticipantsDocument,
  EditorUpdateProjectDocument,
  OrganisationOptionsDocument,
  type ProjectStatus,
  ThemeOptionsDocument,
} from '../../gql/graphql';
import { DateField } from '../../app/dates';
import { hasCode, type ServerError, serverErrors } from '../../app/errors';
import { useFormat } from '../../app/format';
import { notify } from '../../app/notify';
import { EDITORS, RequireRole, type SignedInUser, useSession } from '../../app/session';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { CoverageEditor } from './CoverageEditor';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useEditorErrorText } from './errors';
import { FundingSection } from './FundingSection';
import {
  coverageInput,
  createInput,
  draftOf,
  editRight,
  EDITING_ROLES,
  emptyValues,
  formPath,
  type Lang,
  LANGUAGES,
  mergeAfterReload,
  newKey,
  participantsInput,
  type ProjectFormValues,
  sameEntries,
  STATUSES,
  updateInput,
  valuesOf,
} from './model';
import { OverlapPreview } from './OverlapPreview';
import { type OrganisationOption, ParticipantsEditor } from './ParticipantsEditor';

/** Form paths that have a place on the page; a server error naming another goes above the form. */
const SHOWN_PATHS =
  /^(title|description\.\w+|objectives\.\w+|status|plannedStart|plannedEnd|actualStart|actualEnd|themeCodes|targetGroups|iatiIdentifier|links\.\d+\.(url|title)|participants(\.\d+(\.organisationId|\.role)?)?|coverage(\.\d+\.(share|unitCode))?)$/;

function Section({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section">
      <Title order={2} size="h4" mb={description ? 4 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function useOrganisationOptions(): OrganisationOption[] {
  const organisations = useQuery(OrganisationOptionsDocument, { fetchPolicy: 'cache-first' });
  return useMemo(
    () =>
      (organisations.data?.organisations.nodes ?? []).map((organisation) => ({
        value: organisation.id,
        label: organisation.acronym ? `${organisation.acronym} — ${organisation.name ?? ''}` : (organisation.name ?? organisation.id),
      })),
    [organisations.data],
  );
}

/** Moves to the first field with an error, so that a keyboard or screen-reader user finds it. */
function focusFirstError() {
  setTimeout(() => {
    const field = document.querySelector<HTMLElement>('main [aria-invalid="true"], main [data-error-anchor]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, 50);
}

/** A merge field (model.ts MERGE_FIELDS) by its label, with the new value where it is short. */
function useFieldWords() {
  const { t } = useTranslation(['projectEditor', 'projects']);
  const format = useFormat();
  const label = (field: string) => {
    if (field === 'themeCodes') return t('projectEditor:fields.themes');
    return t(`projectEditor:fields.${field}`);
  };
  const withValue = (field: string, values: ProjectFormValues) => {
    if (field.startsWith('title.')) return `${label(field)}: «${values.title[field.slice(6) as Lang] || '—'}»`;
    if (field === 'status') return `${label(field)}: ${t(`projects:status.${values.status}`)}`;
    if (['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'].includes(field)) return `${label(field)}: ${format.date(values[field as 'plannedStart']) || '—'}`;
    if (field === 'iatiIdentifier') return `${label(field)}: ${values.iatiIdentifier || '—'}`;
    return label(field);
  };
  return { label, withValue };
}

function validate(values: ProjectFormValues, user: SignedInUser | null, creating: boolean, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!LANGUAGES.some((lang) => values.title[lang].trim())) errors.title = t('projectEditor:validation.title');
  if (values.plannedStart && values.plannedEnd && values.plannedEnd < values.plannedStart) errors.plannedEnd = t('projectEditor:reason.END_BEFORE_START');
  if (values.actualStart && values.actualEnd && values.actualEnd < values.actualStart) errors.actualEnd = t('projectEditor:reason.END_BEFORE_START');
  values.coverage.forEach((row, index) => {
    const share = row.share.trim().replace(',', '.');
    if (share && !(/^\d+(\.\d{1,2})?$/.test(share) && Number(share) <= 100)) errors[`coverage.${index}.share`] = t('projectEditor:reason.SHARE_OUT_OF_RANGE');
  });
  const seen = new Set<string>();
  values.participants.forEach((row, index) => {
    if (!row.organisationId) errors[`participants.${index}.organisationId`] = t('projectEditor:validation.organisation');
    const key = `${row.organisationId}/${row.role}`;
    if (row.organisationId && seen.has(key)) errors[`participants.${index}.organisationId`] = t('projectEditor:reason.DUPLICATE_PARTICIPANT');
    seen.add(key);
  });
  if (!creating && user?.role === 'PARTNER_EDITOR' && user.organisation) {
    const own = user.organisation.id;
    if (!values.participants.some((row) => row.organisationId === own && row.role && EDITING_ROLES.includes(row.role)))
      errors.participants = t('projectEditor:reason.OWN_ORGANISATION_REMOVED');
  }
  values.links.forEach((link, index) => {
    if ((link.url.trim() || link.title.trim()) && !/^https?:\/\/\S+$/i.test(link.url.trim())) errors[`links.${index}.url`] = t('projectEditor:reason.INVALID_URL');
  });
  return errors;
}

/** The project form: new when `project` is null, else an edit of it (with its `version`). */
function ProjectForm({ project }: { project: EditorProjectFieldsFragment | null }) {
  const { t } = useTranslation(['projectEditor', 'projects', 'common']);
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useApolloClient();
  const describe = useEditorErrorText();
  const words = useFieldWords();
  const creating = project === null;
  const projectId = project?.id ?? null;
  const [version, setVersion] = useState(project?.version ?? 0);
  // The stored values the form started from (after a reload, the newest): what "changed" compares with.
  const [stored, setStored] = useState<ProjectFormValues | null>(() => (project ? valuesOf(project) : null));
  const [rest, setRest] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [merged, setMerged] = useState<{ theirs: string[]; both: string[]; newest: ProjectFormValues } | null>(null);
  const [saving, setSaving] = useState(false);
  const themes = useQuery(ThemeOptionsDocument, { fetchPolicy: 'cache-first' });
  const organisations = useOrganisationOptions();
  const [create] = useMutation(EditorCreateProjectDocument);
  const [update] = useMutation(EditorUpdateProjectDocument);
  const [setCoverage] = useMutation(EditorSetCoverageDocument);
  const [setParticipants] = useMutation(EditorSetParticipantsDocument);

  const form = useForm<ProjectFormValues>({
    initialValues: project ? valuesOf(project) : emptyValues(user),
    validate: (values) => validate(values, user, creating, t),
  });
  const values = form.values;
  const errors = form.errors as Record<string, string | undefined>;
  const draft = useMemo(() => draftOf(values, user, projectId), [values, user, projectId]);

  const placeErrors = (error: unknown) => {
    const others: ServerError[] = [];
    for (const entry of serverErrors(error)) {
      const path = entry.field ? formPath(entry.field) : null;
      if (entry.code === 'BAD_USER_INPUT' && path && SHOWN_PATHS.test(path)) form.setFieldError(path, describe(entry));
      else others.push(entry);
    }
    setRest(others);
    focusFirstError();
  };

  const reload = async () => {
    if (!projectId || !stored) return;
    let latest: EditorProjectFieldsFragment | null | undefined;
    try {
      latest = (await client.query({ query: EditorProjectDocument, variables: { id: projectId }, fetchPolicy: 'network-only' })).data?.project;
    } catch (error) {
      setRest(serverErrors(error));
      return;
    }
    if (!latest) return;
    const newest = valuesOf(latest);
    const merge = mergeAfterReload(stored, form.values, newest);
    form.setValues(merge.values);
    setMerged({ theirs: merge.theirs, both: merge.both, newest });
    setStored(newest);
    setVersion(latest.version);
    setConflict(false);
  };

  const submit = form.onSubmit(async (submitted) => {
    setRest([]);
    setConflict(false);
    setMerged(null);
    setSaving(true);
    try {
      if (creating) {
        const result = await create({ variables: { input: createInput(submitted) } });
        const id = result.data!.createProject.id;
        notify({ message: t('projectEditor:form.created'), color: 'green' });
        void navigate(`/projects/${id}`);
        return;
      }
      let current = version;
      const updated = await update({ variables: { id: projectId!, input: updateInput(submitted, current) } });
      current = updated.data!.updateProject.version;
      setVersion(current);
      if (!sameEntries(participantsInput(submitted), participantsInput(stored!))) {
        const result = await setParticipants({ variables: { projectId: projectId!, participants: participantsInput(submitted), version: current } });
        current = result.data!.setProjectParticipants.version;
        setVersion(current);
      }
      if (!sameEntries(coverageInput(submitted), coverageInput(stored!))) {
        const result = await setCoverage({ variables: { projectId: projectId!, coverage: coverageInput(submitted), version: current } });
        current = result.data!.setProjectCoverage.version;
        setVersion(current);
      }
      notify({ message: t('common:saved'), color: 'green' });
      void navigate(`/projects/${projectId}`);
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else placeErrors(error);
    } finally {
      setSaving(false);
    }
  }, focusFirstError);

  const ownOrganisation =
    user?.role === 'PARTNER_EDITOR' && user.organisation ? { id: user.organisation.id, name: user.organisation.name ?? user.organisation.acronym ?? '' } : null;
  const dateField = (field: 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd') => (
    <DateField
      label={t(`projectEditor:fields.${field}`)}
      clearLabel={t('projectEditor:clearDate', { field: t(`projectEditor:fields.${field}`) })}
      value={values[field]}
      onChange={(value) => form.setFieldValue(field, value)}
      error={errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? t('projectEditor:form.newTitle') : t('projectEditor:form.editLabel')}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title={t('projectEditor:sections.about')} description={t('projectEditor:form.titleHint')}>
              <Stack gap="sm">
                <Stack gap="xs">
                  {LANGUAGES.map((lang) => (
                    <TextInput key={lang} lang={lang} label={t(`projectEditor:fields.title.${lang}`)} {...form.getInputProps(`title.${lang}`)} error={Boolean(errors.title)} />
                  ))}
                </Stack>
                {errors.title && (
                  <Text size="sm" c="red.8" role="alert">
                    {errors.title}
                  </Text>
                )}
                <Tabs defaultValue="ky" keepMounted={false}>
                  <Tabs.List aria-label={t('projectEditor:form.languageTabs')}>
                    {LANGUAGES.map((lang) => (
                      <Tabs.Tab key={lang} value={lang}>
                        {t(`projectEditor:language.${lang}`)}
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                  {LANGUAGES.map((lang) => (
                    <Tabs.Panel key={lang} value={lang} pt="sm">
                      <Stack gap="sm">
                        <Textarea
                          lang={lang}
                          label={t(`projectEditor:fields.description.${lang}`)}
                          autosize
                          minRows={3}
                          maxRows={12}
                          {...form.getInputProps(`description.${lang}`)}
                        />
                        <Textarea
                          lang={lang}
                          label={t(`projectEditor:fields.objectives.${lang}`)}
                          autosize
                          minRows={2}
                          maxRows={10}
                          {...form.getInputProps(`objectives.${lang}`)}
                        />
                      </Stack>
                    </Tabs.Panel>
                  ))}
                </Tabs>
              </Stack>
            </Section>

            <Section title={t('projectEditor:sections.when')} description={t('projectEditor:form.datesHint')}>
              <Stack gap="sm">
                <Select
                  label={t('projectEditor:fields.status')}
                  data={STATUSES.map((status) => ({ value: status, label: t(`projects:status.${status}`) }))}
                  allowDeselect={false}
                  value={values.status}
                  onChange={(value) => value && form.setFieldValue('status', value as ProjectStatus)}
                  error={errors.status}
                  maw={320}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {dateField('plannedStart')}
                  {dateField('plannedEnd')}
                  {dateField('actualStart')}
                  {dateField('actualEnd')}
                </SimpleGrid>
              </Stack>
            </Section>

            <Section title={t('projectEditor:sections.what')}>
              <Stack gap="sm">
                <MultiSelect
                  label={t('projectEditor:fields.themes')}
                  description={t('projectEditor:form.themesHint')}
                  data={(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))}
                  searchable
                  {...form.getInputProps('themeCodes')}
                />
                <TagsInput label={t('projectEditor:fields.targetGroups')} description={t('projectEditor:form.targetGroupsHint')} {...form.getInputProps('targetGroups')} />
              </Stack>
            </Section>

            <Section title={t('projectEditor:sections.where')} description={t('projectEditor:form.whereHint')}>
              <CoverageEditor rows={values.coverage} onChange={(rows) => form.setFieldValue('coverage', rows)} errors={errors} />
            </Section>

            <Section title={t('projectEditor:sections.who')}>
              <ParticipantsEditor
                rows={values.participants}
                onChange={(rows) => form.setFieldValue('participants', rows)}
                organisations={organisations}
                errors={errors}
                ownOrganisation={ownOrganisation}
                creating={creating}
              />
            </Section>

            <Section title={t('projectEditor:sections.links')}>
              <Stack gap="sm">
                <TextInput label={t('projectEditor:fields.iatiIdentifier')} description={t('projectEditor:form.iatiHint')} {...form.getInputProps('iatiIdentifier')} maw={420} />
                {values.links.map((link, index) => (
                  <Group key={link.key} align="flex-start" gap="xs" wrap="wrap">
                    <TextInput label={t('projectEditor:fields.linkTitle', { number: index + 1 })} {...form.getInputProps(`links.${index}.title`)} style={{ flex: '1 1 200px' }} />
                    <TextInput
                      label={t('projectEditor:fields.linkUrl', { number: index + 1 })}
                      placeholder="https://"
                      type="url"
                      {...form.getInputProps(`links.${index}.url`)}
                      style={{ flex: '2 1 260px' }}
                    />
                    <ActionIcon
                      mt={26}
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('projectEditor:fields.removeLink', { number: index + 1 })}
                      onClick={() => form.removeListItem('links', index)}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Group>
                ))}
                <div>
                  <Button variant="light" size="xs" onClick={() => form.insertListItem('links', { key: newKey(), title: '', url: '' })}>
                    {t('projectEditor:fields.addLink')}
                  </Button>
                </div>
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md" radius="md" component="section" style={{ position: 'sticky', top: 72 }} aria-labelledby="overlap-preview-title">
            <Title order={2} size="h4" mb={4} id="overlap-preview-title">
              {t('projectEditor:overlap.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('projectEditor:overlap.intro')}
            </Text>
            <OverlapPreview draft={draft} />
          </Paper>
        </Grid.Col>
      </Grid>

      <Stack gap="sm" mt="md">
        {conflict && <ConflictAlert onReload={() => void reload()} />}
        {merged && (
          <Alert color="blue" title={t('projectEditor:conflict.reloaded')} role="status">
            {merged.theirs.length === 0 ? (
              <Text size="sm">{t('projectEditor:conflict.noVisibleChanges')}</Text>
            ) : (
              <>
                <Text size="sm">{t('projectEditor:conflict.theyChanged')}</Text>
                <List size="sm" mb="xs">
                  {merged.theirs.map((field) => (
                    <List.Item key={field}>{words.withValue(field, merged.newest)}</List.Item>
                  ))}
                </List>
                <Text size="sm">{t('projectEditor:conflict.untouchedTaken')}</Text>
                {merged.both.length > 0 && (
                  <Text size="sm" mt="xs">
                    {t('projectEditor:conflict.bothChanged', { fields: merged.both.map(words.label).join(', ') })}
                  </Text>
                )}
              </>
            )}
            <Text size="sm" mt="xs">
              {t('projectEditor:conflict.saveAgain')}
            </Text>
          </Alert>
        )}
        <ErrorAlert errors={rest} describe={describe} />
        <Group>
          <Button type="submit" loading={saving}>
            {creating ? t('projectEditor:form.create') : t('common:save')}
          </Button>
          <Button variant="default" component={Link} to={projectId ? `/projects/${projectId}` : '/app/projects'}>
            {t('common:cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditExisting({ id }: { id: string }) {
  const { t } = useTranslation(['projectEditor', 'projects', 'common']);
  const { user } = useSession();
  const organisations = useOrganisationOptions();
  // The form starts from what the server has now, not from an older copy in the cache.
  const { data, loading, error } = useQuery(EditorProjectDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const project = data?.project;
  if (!loading && !error && data && !project) {
    return (
      <Alert color="orange" title={t('projects:notFound')} role="alert">
        <Anchor component={Link} to="/app/projects">
          {t('projectEditor:list.back')}
        </Anchor>
      </Alert>
    );
  }
  const right = project ? editRight(user, project.participants) : 'none';
  const title = project?.title ?? t('projects:untitled');
  return (
    <QueryState loading={loading && !data} error={error}>
      {project && (
        <Stack gap="md">
          <div>
            <Anchor component={Link} to={`/projects/${id}`} size="sm">
              ← {t('projectEditor:form.backToProject')}
            </Anchor>
            <PageTitle title={right === 'funding' ? t('projectEditor:form.fundingTitle', { title }) : t('projectEditor:form.editTitle', { title })} />
          </div>
          {right === 'none' && (
            <Alert color="orange" title={t('common:notAllowed.title')} role="alert">
              {t('projectEditor:form.notYours')}
            </Alert>
          )}
          {right === 'edit' && <ProjectForm key={project.id} project={project} />}
          {right !== 'none' && (
            <Paper withBorder p="md" radius="md" component="section">
              <Title order={2} size="h4" mb={4}>
                {t('projectEditor:funding.title')}
              </Title>
              {right === 'edit' && (
                <Text size="sm" c="dimmed" mb="sm">
                  {t('projectEditor:funding.intro')}
                </Text>
              )}
              <FundingSection
                projectId={id}
                organisations={organisations}
                ownOrganisationId={user?.role === 'PARTNER_EDITOR' ? (user.organisation?.id ?? null) : null}
                mayBudget={right === 'edit'}
              />
            </Paper>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** `/app/projects/new` and `/app/projects/:id/edit`: the project form for editors. */
export default function ProjectEditPage() {
  const { id } = useParams();
  const { t } = useTranslation(['projectEditor', 'projects', 'common']);
  return (
    <RequireRole roles={EDITORS}>
      {id ? (
        <EditExisting id={id} />
      ) : (
        <Stack gap="md">
          <div>
            <Anchor component={Link} to="/app/projects" size="sm">
              ← {t('projectEditor:list.back')}
            </Anchor>
            <PageTitle title={t('projectEditor:form.newTitle')} />
          </div>
          <ProjectForm project={null} />
        </Stack>
      )}
    </RequireRole>
  );
}
