import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FlaggedUnitsDocument, SetUnitFlagsDocument, type UnitFlagsQuery, UnitFlagsDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { QueryState } from '../../app/ui/QueryState';
import { UnitSelect } from '../geography/UnitSelect';
import { ReasonAlert, useNotifySuccess, useReasonText } from '../users/reasons';

const PAGE_SIZE = 20;
type Unit = NonNullable<UnitFlagsQuery['adminUnit']>;

/** The flags the secretariat keeps on units (border area, multi-ethnic): set them, list them. */
export function FlagsPanel() {
  const { t } = useTranslation(['reference', 'geography', 'common']);
  const url = useUrlState<'unit' | 'flag'>();
  const code = url.get('unit') || null;
  const chosen = useQuery(UnitFlagsDocument, { variables: { code: code ?? '' }, skip: !code });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="flags-set-title">
        <Stack>
          <Title order={2} size="h3" id="flags-set-title">
            {t('reference:flags.setTitle')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('reference:flags.intro')}
          </Text>
          <UnitSelect label={t('reference:flags.unit')} value={code} onChange={(value) => url.set({ unit: value })} w={420} />
          {code && (
            <QueryState loading={chosen.loading && !chosen.data} error={chosen.error} empty={!!chosen.data && !chosen.data.adminUnit} emptyText={t('reference:flags.noUnit')}>
              {chosen.data?.adminUnit && <FlagsForm key={chosen.data.adminUnit.code} unit={chosen.data.adminUnit} />}
            </QueryState>
          )}
        </Stack>
      </Paper>
      <FlaggedList
        onChoose={(value) => {
          url.set({ unit: value });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
    </Stack>
  );
}

function FlagsForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation(['reference', 'geography', 'common']);
  const format = useFormat();
  const describe = useReasonText('reference');
  const notifySuccess = useNotifySuccess('reference');
  const [save, { loading }] = useMutation(SetUnitFlagsDocument, { refetchQueries: [FlaggedUnitsDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({
    initialValues: { borderArea: unit.borderArea, multiEthnic: unit.multiEthnic, source: unit.flagsSource ?? '' },
    validate: { source: (value) => (value.trim() ? null : t('reference:flags.sourceRequired')) },
  });

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await save({ variables: { code: unit.code, input: { borderArea: values.borderArea, multiEthnic: values.multiEthnic, source: values.source.trim() } } });
      notifySuccess(t('reference:flags.saved', { name: unit.name ?? unit.code }));
      form.resetDirty();
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe, { input: 'source' }));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('reference:flags.formLabel', { name: unit.name ?? unit.code })}>
      <Stack>
        <div>
          <Text fw={600}>{unit.name ?? unit.code}</Text>
          <Text size="sm" c="dimmed">
            {[t(`geography:level.${unit.level}`), unit.parent?.name].filter(Boolean).join(' · ')} · <span style={{ fontFamily: 'monospace' }}>{unit.code}</span>
          </Text>
          <Text size="sm" c="dimmed">
            {unit.flagsUpdatedAt
              ? t('reference:flags.lastSet', { when: format.dateTime(unit.flagsUpdatedAt), source: unit.flagsSource ?? t('common:none') })
              : t('reference:flags.neverSet')}
          </Text>
        </div>
        <ReasonAlert errors={errors} describe={describe} />
        <Switch label={t('reference:flags.borderArea')} description={t('reference:flags.borderAreaHelp')} {...form.getInputProps('borderArea', { type: 'checkbox' })} />
        <Switch label={t('reference:flags.multiEthnic')} description={t('reference:flags.multiEthnicHelp')} {...form.getInputProps('multiEthnic', { type: 'checkbox' })} />
        <Textarea label={t('reference:flags.source')} description={t('reference:flags.sourceHelp')} required autosize minRows={2} {...form.getInputProps('source')} />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('reference:flags.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FlaggedList({ onChoose }: { onChoose(code: string): void }) {
  const { t } = useTranslation(['reference', 'geography', 'common']);
  const format = useFormat();
  const url = useUrlState<'flag'>();
  const flag = url.get('flag') === 'multiEthnic' ? 'multiEthnic' : 'borderArea';
  const { data, loading, error } = useQuery(FlaggedUnitsDocument, {
    variables: { filter: flag === 'borderArea' ? { borderArea: true } : { multiEthnic: true }, first: PAGE_SIZE, offset: (url.page - 1) * PAGE_SIZE },
  });
  const units = data?.adminUnits;
  return (
    <Stack component="section" aria-labelledby="flags-list-title">
      <Title order={2} size="h3" id="flags-list-title">
        {t('reference:flags.listTitle')}
      </Title>
      <SegmentedControl
        aria-label={t('reference:flags.listChoice')}
        value={flag}
        onChange={(value) => url.set({ flag: value === 'borderArea' ? null : value })}
        data={[
          { value: 'borderArea', label: t('reference:flags.borderAreas') },
          { value: 'multiEthnic', label: t('reference:flags.multiEthnicUnits') },
        ]}
        w="fit-content"
      />
      <QueryState loading={loading && !data} error={error} empty={units?.nodes.length === 0} emptyText={t('reference:flags.noneFlagged')}>
        {units && (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reference:flags.unit')}</Table.Th>
                    <Table.Th>{t('reference:flags.flags')}</Table.Th>
                    <Table.Th>{t('reference:flags.source')}</Table.Th>
                    <Table.Th>{t('reference:flags.setOn')}</Table.Th>
                    <Table.Th>{t('common:actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {units.nodes.map((unit) => (
                    <Table.Tr key={unit.code}>
                      <Table.Td>
                        <Text fw={500}>{unit.name ?? unit.code}</Text>
                        <Text size="xs" c="dimmed">
                          {[t(`geography:level.${unit.level}`), unit.parent?.name].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {unit.borderArea && <Badge variant="light">{t('reference:flags.borderArea')}</Badge>}
                          {unit.multiEthnic && (
                            <Badge variant="light" color="gray">
                              {t('reference:flags.multiEthnic')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Text size="sm">{unit.flagsSource ?? t('common:none')}</Text>
                      </Table.Td>
                      <Table.Td>{unit.flagsUpdatedAt ? format.dateTime(unit.flagsUpdatedAt) : t('common:none')}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" aria-label={t('reference:flags.changeWhich', { name: unit.name ?? unit.code })} onClick={() => onChoose(unit.code)}>
                          {t('reference:flags.change')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={units.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
