import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, CloseButton, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AddAgendaItemDocument,
  MeetingDetailDocument,
  OrganisationOptionsDocument,
  ProjectPickDocument,
  ThemeOptionsDocument,
  UnitLabelFragmentDoc,
  UpdateAgendaItemDocument,
} from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { UnitSelect } from '../geography/UnitSelect';
import { notifyDone, ReasonAlert, useReasonText } from './feedback';
import type { MeetingData } from './MeetingPage';
import { TranslationsFields } from './TranslationsFields';

type Item = MeetingData['agenda'][number];

interface Values {
  title: { ky: string; ru: string; en: string };
  presenterOrganisationId: string | null;
  themeCodes: string[];
  units: { code: string; name: string }[];
  projects: { id: string; title: string }[];
  minutes: string;
}

const valuesOf = (item: Item | null): Values => ({
  title: { ky: item?.titles.ky ?? '', ru: item?.titles.ru ?? '', en: item?.titles.en ?? '' },
  presenterOrganisationId: item?.presenter?.id ?? null,
  themeCodes: item?.themes.map((theme) => theme.code) ?? [],
  units: item?.units.map((unit) => ({ code: unit.code, name: unit.name ?? unit.code })) ?? [],
  projects: item?.projects.map((project) => ({ id: project.id, title: project.title ?? project.id })) ?? [],
  minutes: item?.minutes ?? '',
});

const orNull = (text: string) => text.trim() || null;

/** Adds an agenda item or changes one: its title, who presents it, what it is about, the minutes. */
export function AgendaItemModal({ meetingId, item, opened, onClose }: { meetingId: string; item: Item | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation(['meetings', 'common']);
  const describe = useReasonText('meetings');
  const client = useApolloClient();
  const organisations = useQuery(OrganisationOptionsDocument, { skip: !opened });
  const themes = useQuery(ThemeOptionsDocument, { skip: !opened });
  const refetch = { refetchQueries: [MeetingDetailDocument], awaitRefetchQueries: true };
  const [add, adding] = useMutation(AddAgendaItemDocument, refetch);
  const [update, updating] = useMutation(UpdateAgendaItemDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [projectSearch, setProjectSearch] = useState('');
  const [search] = useDebouncedValue(projectSearch.trim(), 250);
  const found = useQuery(ProjectPickDocument, { variables: { search }, skip: search.length < 2 });
  const form = useForm<Values>({
    initialValues: valuesOf(item),
    validate: {
      title: { ky: (_, values) => (values.title.ky.trim() || values.title.ru.trim() || values.title.en.trim() ? null : t('meetings:titleRequired')) },
    },
  });
  useEffect(() => {
    if (!opened) return;
    form.setValues(valuesOf(item));
    form.resetDirty(valuesOf(item));
    setErrors([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (or another record) only: Mantine's form is a new object on every render, and a refetch of the same record must not reset what is typed
  }, [opened, item?.id]);

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    const input = {
      title: { ky: orNull(values.title.ky), ru: orNull(values.title.ru), en: orNull(values.title.en) },
      description: item ? { ky: item.description.ky ?? null, ru: item.description.ru ?? null, en: item.description.en ?? null } : null,
      presenterOrganisationId: values.presenterOrganisationId,
      themeCodes: values.themeCodes,
      unitCodes: values.units.map((unit) => unit.code),
      projectIds: values.projects.map((project) => project.id),
      minutes: orNull(values.minutes),
    };
    try {
      if (item) await update({ variables: { id: item.id, input } });
      else await add({ variables: { meetingId, input } });
      notifyDone(item ? t('common:saved') : t('meetings:agenda.added'), t('meetings:closeDialog'));
      onClose();
    } catch (error) {
      setErrors(
        applyServerErrors(form, error, describe, { 'input.title': 'title.ky', 'input.presenterOrganisationId': 'presenterOrganisationId', 'input.themeCodes': 'themeCodes' }),
      );
    }
  });

  const projectOptions = (found.data?.projects.nodes ?? [])
    .filter((project) => !form.values.projects.some((chosen) => chosen.id === project.id))
    .map((project) => ({ value: project.id, label: project.title ?? project.id }));

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('meetings:closeDialog') }}
      opened={opened}
      onClose={onClose}
      title={item ? t('meetings:agenda.editTitle') : t('meetings:agenda.addTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ReasonAlert errors={errors} describe={describe} />
          <TranslationsFields form={form} path="title" legend={t('meetings:agenda.itemTitle')} />
          <Select
            label={t('meetings:agenda.presenterLabel')}
            placeholder={t('meetings:agenda.nobody')}
            data={(organisations.data?.organisations.nodes ?? []).map((organisation) => ({
              value: organisation.id,
              label: organisation.acronym && organisation.name ? `${organisation.name} (${organisation.acronym})` : (organisation.name ?? organisation.acronym ?? organisation.id),
            }))}
            searchable
            clearable
            {...form.getInputProps('presenterOrganisationId')}
          />
          <MultiSelect
            label={t('meetings:agenda.themes')}
            data={(themes.data?.themes ?? []).map((theme) => ({ value: theme.code, label: theme.name ?? theme.code }))}
            searchable
            clearable
            {...form.getInputProps('themeCodes')}
          />
          <Stack gap={4}>
            <UnitSelect
              label={t('meetings:agenda.units')}
              value={null}
              onChange={(code) => {
                if (!code || form.values.units.some((unit) => unit.code === code)) return;
                // The search that offered the place has brought its name into the cache.
                const cached = client.readFragment({ fragment: UnitLabelFragmentDoc, id: client.cache.identify({ __typename: 'AdminUnit', code }) });
                form.insertListItem('units', { code, name: cached?.name ?? code });
              }}
            />
            <UnitNames units={form.values.units} onRemove={(index) => form.removeListItem('units', index)} />
          </Stack>
          <Stack gap={4}>
            <Select
              label={t('meetings:agenda.projectsLabel')}
              placeholder={t('meetings:agenda.projectSearch')}
              searchable
              value={null}
              searchValue={projectSearch}
              onSearchChange={setProjectSearch}
              filter={({ options }) => options}
              data={projectOptions}
              nothingFoundMessage={search.length < 2 ? t('meetings:agenda.typeMore') : found.loading ? t('common:loading') : t('meetings:agenda.noProject')}
              onChange={(id) => {
                const project = found.data?.projects.nodes.find((entry) => entry.id === id);
                if (project) form.insertListItem('projects', { id: project.id, title: project.title ?? project.id });
                setProjectSearch('');
              }}
            />
            <Group gap={4}>
              {form.values.projects.map((project, index) => (
                <Badge
                  key={project.id}
                  variant="light"
                  pr={3}
                  rightSection={
                    <CloseButton size="xs" aria-label={t('meetings:agenda.removeLink', { name: project.title })} onClick={() => form.removeListItem('projects', index)} />
                  }
                >
                  {project.title}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Textarea label={t('meetings:agenda.minutes')} description={t('meetings:agenda.minutesHelp')} autosize minRows={3} maxRows={12} {...form.getInputProps('minutes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={adding.loading || updating.loading}>
              {item ? t('common:save') : t('meetings:agenda.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The places chosen, with a button to take each off. */
function UnitNames({ units, onRemove }: { units: { code: string; name: string }[]; onRemove(index: number): void }) {
  const { t } = useTranslation('meetings');
  return (
    <Group gap={4}>
      {units.map((unit, index) => (
        <Badge
          key={unit.code}
          variant="outline"
          color="gray.8"
          pr={3}
          rightSection={<CloseButton size="xs" aria-label={t('meetings:agenda.removeLink', { name: unit.name })} onClick={() => onRemove(index)} />}
        >
          {unit.name}
        </Badge>
      ))}
    </Group>
  );
}
