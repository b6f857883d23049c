import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Fieldset, Group, Modal, NumberInput, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateThemeRecordDocument, ReferenceThemesDocument, type ReferenceThemesQuery, ThemeOptionsDocument, UpdateThemeRecordDocument } from '../../gql/graphql';
import { applyServerErrors, hasCode, type ServerError } from '../../app/errors';
import { ConflictAlert } from '../../app/ui/ConflictAlert';
import { QueryState } from '../../app/ui/QueryState';
import { ReasonAlert, useNotifySuccess, useReasonText } from '../users/reasons';

type Theme = ReferenceThemesQuery['themes'][number];
const LANGS = ['ky', 'ru', 'en'] as const;
const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;
const DAC = /^\d{5}$/;

/** The theme taxonomy: every theme with its names, description, DAC codes and position. */
export function ThemesPanel() {
  const { t } = useTranslation(['reference', 'common']);
  const { data, loading, error } = useQuery(ReferenceThemesDocument);
  const [editing, setEditing] = useState<Theme | 'new' | null>(null);
  const none = t('common:none');
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2} size="h3">
            {t('reference:themes.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={700}>
            {t('reference:themes.intro')}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')}>{t('reference:themes.create')}</Button>
      </Group>
      <QueryState loading={loading && !data} error={error} empty={data?.themes.length === 0}>
        {data && (
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reference:themes.position')}</Table.Th>
                  <Table.Th>{t('reference:themes.theme')}</Table.Th>
                  <Table.Th>{t('reference:themes.description')}</Table.Th>
                  <Table.Th>{t('reference:themes.dacCodes')}</Table.Th>
                  <Table.Th>{t('common:actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.themes.map((theme) => (
                  <Table.Tr key={theme.code}>
                    <Table.Td>{theme.position}</Table.Td>
                    <Table.Td>
                      <Text fw={500}>{theme.name ?? theme.code}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {theme.code}
                      </Text>
                      {LANGS.map((language) => (
                        <Text key={language} size="xs">
                          <Text span size="xs" c="dimmed">
                            {t(`reference:lang.${language}`)}:
                          </Text>{' '}
                          <span lang={language}>{theme.names[language] ?? none}</span>
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm">{theme.description.text ?? none}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {theme.dacCodes.length === 0
                          ? none
                          : theme.dacCodes.map((code) => (
                              <Badge key={code} variant="light" size="sm">
                                {code}
                              </Badge>
                            ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" aria-label={t('reference:themes.editWhich', { name: theme.name ?? theme.code })} onClick={() => setEditing(theme)}>
                        {t('common:edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing && <ThemeModal theme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

interface Values {
  code: string;
  name: { ky: string; ru: string; en: string };
  description: { ky: string; ru: string; en: string };
  dacCodes: string[];
  position: number | string;
}

const FIELD_MAP = { 'input.name': 'names' };
const texts = (values: { ky: string; ru: string; en: string }) => ({ ky: values.ky.trim() || null, ru: values.ru.trim() || null, en: values.en.trim() || null });

/** Creates a theme (its code is chosen once) or changes one, with the version it read. */
function ThemeModal({ theme, onClose }: { theme: Theme | null; onClose(): void }) {
  const { t } = useTranslation(['reference', 'common']);
  const describe = useReasonText('reference');
  const notifySuccess = useNotifySuccess('reference');
  const client = useApolloClient();
  const refetchQueries = [ReferenceThemesDocument, ThemeOptionsDocument];
  const [create, creating] = useMutation(CreateThemeRecordDocument, { refetchQueries });
  const [update, updating] = useMutation(UpdateThemeRecordDocument, { refetchQueries });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [version, setVersion] = useState(theme?.version ?? 1);
  const form = useForm<Values>({
    initialValues: {
      code: theme?.code ?? '',
      name: { ky: theme?.names.ky ?? '', ru: theme?.names.ru ?? '', en: theme?.names.en ?? '' },
      description: { ky: theme?.description.ky ?? '', ru: theme?.description.ru ?? '', en: theme?.description.en ?? '' },
      dacCodes: theme?.dacCodes ?? [],
      position: theme?.position ?? '',
    },
    validate: (values) => ({
      code: theme || CODE.test(values.code) ? null : t('reference:themes.codeInvalid'),
      names: values.name.ky.trim() || values.name.ru.trim() || values.name.en.trim() ? null : t('reference:themes.nameRequired'),
      dacCodes: values.dacCodes.every((code) => DAC.test(code)) ? null : t('reference:themes.dacInvalid'),
      position:
        values.position === '' || (Number.isInteger(Number(values.position)) && Number(values.position) >= 0 && Number(values.position) <= 32767)
          ? null
          : t('reference:themes.positionInvalid'),
    }),
  });

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    setConflict(false);
    const position = values.position === '' ? null : Number(values.position);
    try {
      if (theme) {
        await update({
          variables: {
            code: theme.code,
            input: { version, name: texts(values.name), description: texts(values.description), dacCodes: values.dacCodes, ...(position == null ? {} : { position }) },
          },
        });
        notifySuccess(t('reference:themes.saved'));
      } else {
        await create({ variables: { input: { code: values.code, name: texts(values.name), description: texts(values.description), dacCodes: values.dacCodes, position } } });
        notifySuccess(t('reference:themes.created', { code: values.code }));
      }
      onClose();
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) setConflict(true);
      else setErrors(applyServerErrors(form, error, describe, FIELD_MAP));
    }
  });

  const reload = async () => {
    if (!theme) return;
    const fresh = await client.query({ query: ReferenceThemesDocument, fetchPolicy: 'network-only' });
    const current = fresh.data?.themes.find((entry) => entry.code === theme.code);
    if (current) setVersion(current.version);
    setConflict(false);
  };

  const nameProps = (language: (typeof LANGS)[number]) => {
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
  const nameError = form.errors.names;
  const title = theme ? t('reference:themes.editTitle', { name: theme.name ?? theme.code }) : t('reference:themes.newTitle');

  return (
    <Modal opened onClose={onClose} title={title} size="xl" closeButtonProps={{ 'aria-label': t('reference:close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {conflict && <ConflictAlert onReload={() => void reload()} />}
          <ReasonAlert errors={errors} describe={describe} />
          <TextInput
            label={t('reference:themes.code')}
            description={theme ? t('reference:themes.codeFixed') : t('reference:themes.codeHelp')}
            required={!theme}
            disabled={!!theme}
            ff="monospace"
            {...form.getInputProps('code')}
            onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase().replace(/[\s-]+/g, '_'))}
          />
          <Fieldset legend={t('reference:themes.names')}>
            <Text size="sm" c={nameError ? 'red' : 'dimmed'} mb="xs" role={nameError ? 'alert' : undefined}>
              {nameError ?? t('reference:themes.namesHelp')}
            </Text>
            <Stack gap="sm">
              {LANGS.map((language) => (
                <TextInput key={language} label={t(`reference:themes.nameIn.${language}`)} lang={language} {...nameProps(language)} />
              ))}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('reference:themes.description')}>
            <Stack gap="sm">
              {LANGS.map((language) => (
                <Textarea
                  key={language}
                  label={t(`reference:themes.descriptionIn.${language}`)}
                  lang={language}
                  autosize
                  minRows={2}
                  {...form.getInputProps(`description.${language}`)}
                />
              ))}
            </Stack>
          </Fieldset>
          <Group grow align="flex-start" wrap="wrap">
            <TagsInput
              label={t('reference:themes.dacCodes')}
              description={t('reference:themes.dacHelp')}
              splitChars={[',', ' ', ';']}
              clearable
              miw={260}
              {...form.getInputProps('dacCodes')}
            />
            <NumberInput
              label={t('reference:themes.position')}
              description={theme ? t('reference:themes.positionHelp') : t('reference:themes.positionNewHelp')}
              min={0}
              max={32767}
              allowDecimal={false}
              allowNegative={false}
              miw={200}
              {...form.getInputProps('position')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={creating.loading || updating.loading}>
              {theme ? t('common:save') : t('reference:themes.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
