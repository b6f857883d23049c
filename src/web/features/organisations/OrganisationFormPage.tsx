import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Fieldset, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CreateOrganisationRecordDocument,
  type OrganisationForEditQuery,
  OrganisationForEditDocument,
  type OrganisationKind,
  UpdateOrganisationRecordDocument,
} from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError } from '../../app/errors';
import { RequireRole, STAFF, useSession } from '../../app/session';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { NotAllowed } from '../../app/ui/NotAllowed';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ReasonAlert, useNotifySuccess, useReasonText } from '../users/reasons';
import { ORGANISATION_KINDS } from './kinds';

type Existing = NonNullable<OrganisationForEditQuery['organisation']>;

interface Values {
  name: { ky: string; ru: string; en: string };
  acronym: string;
  kind: OrganisationKind | null;
  iatiIdentifier: string;
  country: string;
  website: string;
  source: string;
}

/** Server paths the form calls otherwise: the names are one group, shown under it. */
const FIELD_MAP = { 'input.name': 'names', 'input.country': 'country' };

const orNull = (value: string) => value.trim() || null;

/** `/app/organisations/new`: the secretariat registers an organisation. */
export function NewOrganisationPage() {
  return (
    <RequireRole roles={STAFF}>
      <OrganisationForm />
    </RequireRole>
  );
}

/** `/app/organisations/:id/edit`: the secretariat, or a partner editor for its own organisation. */
export function EditOrganisationPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={[...STAFF, 'PARTNER_EDITOR']}>
      <EditLoader id={id} />
    </RequireRole>
  );
}

function EditLoader({ id }: { id: string }) {
  const { t } = useTranslation(['organisations', 'common']);
  const { user } = useSession();
  const own = user?.role !== 'PARTNER_EDITOR' || user.organisation?.id === id;
  const { data, loading, error } = useQuery(OrganisationForEditDocument, { variables: { id }, skip: !own, fetchPolicy: 'network-only' });
  if (!own) return <NotAllowed />;
  return (
    <QueryState loading={loading && !data} error={error} empty={!!data && !data.organisation} emptyText={t('organisations:notFound')}>
      {data?.organisation && <OrganisationForm existing={data.organisation} />}
    </QueryState>
  );
}

function OrganisationForm({ existing }: { existing?: Existing }) {
  const { t } = useTranslation(['organisations', 'common']);
  const navigate = useNavigate();
  const client = useApolloClient();
  const describe = useReasonText('organisations');
  const notifySuccess = useNotifySuccess('organisations');
  const [create, creating] = useMutation(CreateOrganisationRecordDocument);
  const [update, updating] = useMutation(UpdateOrganisationRecordDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(existing?.version ?? 1);
  const form = useForm<Values>({
    initialValues: {
      name: { ky: existing?.names.ky ?? '', ru: existing?.names.ru ?? '', en: existing?.names.en ?? '' },
      acronym: existing?.acronym ?? '',
      kind: existing?.kind ?? null,
      iatiIdentifier: existing?.iatiIdentifier ?? '',
      country: existing?.country ?? '',
      website: existing?.website ?? '',
      source: existing?.source ?? '',
    },
    validate: (values) => ({
      names: values.name.ky.trim() || values.name.ru.trim() || values.name.en.trim() ? null : t('organisations:form.nameRequired'),
      kind: values.kind ? null : t('organisations:form.kindRequired'),
      country: !values.country.trim() || /^[A-Za-z]{2}$/.test(values.country.trim()) ? null : t('organisations:form.countryInvalid'),
      website: !values.website.trim() || /^https?:\/\/\S+$/i.test(values.website.trim()) ? null : t('organisations:form.websiteInvalid'),
    }),
  });
  /** A name field; typing in any of the three clears the group's error. */
  const nameProps = (language: 'ky' | 'ru' | 'en') => {
    const props = form.getInputProps(`name.${language}`);
    return {
      ...props,
      error: !!form.errors.names,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        props.onChange(event);
        form.clearFieldError('names');
      },
    };
  };

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    setConflict(false);
    const input = {
      name: { ky: orNull(values.name.ky), ru: orNull(values.name.ru), en: orNull(values.name.en) },
      acronym: orNull(values.acronym),
      kind: values.kind!,
      iatiIdentifier: orNull(values.iatiIdentifier),
      country: values.country.trim() ? values.country.trim().toUpperCase() : null,
      website: orNull(values.website),
      source: orNull(values.source),
    };
    try {
      if (existing) {
        await update({ variables: { id: existing.id, input: { ...input, version } } });
        notifySuccess(t('common:saved'));
        void navigate(`/organisations/${existing.id}`);
      } else {
        const { data } = await create({ variables: { input } });
        if (!data) return;
        notifySuccess(t('organisations:form.created', { name: data.createOrganisation.name ?? '' }));
        void navigate(`/organisations/${data.createOrganisation.id}`);
      }
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else setErrors(applyServerErrors(form, error, describe, FIELD_MAP));
    }
  });

  /** Reads the organisation again and takes its newest version; the form keeps what was typed. */
  const reload = async () => {
    if (!existing) return;
    const fresh = await client.query({ query: OrganisationForEditDocument, variables: { id: existing.id }, fetchPolicy: 'network-only' });
    if (fresh.data?.organisation) setVersion(fresh.data.organisation.version);
    setConflict(false);
  };

  const title = existing ? t('organisations:edit.title', { name: existing.name ?? '' }) : t('organisations:form.newTitle');
  const nameError = form.errors.names;
  return (
    <Stack maw={820}>
      <div>
        <Anchor component={Link} to={existing ? `/organisations/${existing.id}` : '/organisations'} size="sm">
          ← {existing ? t('organisations:edit.back') : t('organisations:backToList')}
        </Anchor>
        <PageTitle title={title} />
      </div>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {conflict && <ConflictAlert onReload={() => void reload()} />}
          <ReasonAlert errors={errors} describe={describe} />
          <Fieldset legend={t('organisations:form.names')} aria-describedby="organisation-name-help">
            <Text size="sm" c={nameError ? 'red' : 'dimmed'} id="organisation-name-help" mb="xs" role={nameError ? 'alert' : undefined}>
              {nameError ?? t('organisations:form.namesHelp')}
            </Text>
            <Stack gap="sm">
              <TextInput label={t('organisations:name.ky')} lang="ky" {...nameProps('ky')} />
              <TextInput label={t('organisations:name.ru')} lang="ru" {...nameProps('ru')} />
              <TextInput label={t('organisations:name.en')} lang="en" {...nameProps('en')} />
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('organisations:acronym')} description={t('organisations:form.acronymHelp')} {...form.getInputProps('acronym')} />
            <Select
              label={t('organisations:kindLabel')}
              required
              searchable
              data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`organisations:kind.${value}`) }))}
              {...form.getInputProps('kind')}
            />
            <TextInput label={t('organisations:iatiIdentifier')} description={t('organisations:form.iatiHelp')} {...form.getInputProps('iatiIdentifier')} />
            <TextInput label={t('organisations:country')} description={t('organisations:form.countryHelp')} maxLength={2} {...form.getInputProps('country')} />
          </SimpleGrid>
          <TextInput label={t('organisations:website')} type="url" placeholder="https://" {...form.getInputProps('website')} />
          <Textarea label={t('organisations:source')} description={t('organisations:form.sourceHelp')} autosize minRows={2} {...form.getInputProps('source')} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={existing ? `/organisations/${existing.id}` : '/organisations'}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={creating.loading || updating.loading}>
              {existing ? t('common:save') : t('organisations:form.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
