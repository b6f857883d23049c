import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferenceRatesDocument, SetRateDocument } from '../../gql/graphql';
import { DateField } from '../../app/dates';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { todayInBishkek } from '../../app/bishkek-day';
import { useFormat } from '../../app/format';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { QueryState } from '../../app/ui/QueryState';
import { ReasonAlert, useNotifySuccess, useReasonText } from '../users/reasons';

const PAGE_SIZE = 20;
/** Currencies the partners in Kyrgyzstan mostly report in, offered first. */
const COMMON = ['KGS', 'EUR', 'RUB', 'CHF', 'GBP', 'JPY', 'CNY', 'KZT', 'TRY', 'SEK', 'NOK', 'DKK', 'CAD', 'AUD', 'KRW'];
const NUMBER = /^\d+(\.\d+)?$/;
type Direction = 'perUsd' | 'inUsd';

/** A decimal typed the way the UI's language writes it (87,45 or 87.45; spaces allowed). */
export function normaliseDecimal(text: string): string {
  return text.trim().replace(/\s/g, '').replace(',', '.');
}

/** US dollars per unit, as the hub keeps rates, from what was typed in either direction. */
export function usdPerUnit(value: string, direction: Direction): string | null {
  const text = normaliseDecimal(value);
  if (!NUMBER.test(text) || Number(text) <= 0) return null;
  if (direction === 'inUsd') return text;
  const rate = (1 / Number(text)).toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return Number(rate) > 0 ? rate : null;
}

/** A currency's name in the UI's language: the catalogue's for common ones (browsers often lack Kyrgyz names), else the browser's. */
function useCurrencyName() {
  const { t, i18n } = useTranslation('reference');
  const format = useFormat();
  return useMemo(() => {
    const names = new Intl.DisplayNames([format.locale], { type: 'currency', fallback: 'code' });
    return (code: string) => {
      if (i18n.exists(`reference:currencyName.${code}`)) return t(`reference:currencyName.${code}`);
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [format.locale, t, i18n]);
}

/** Exchange rates to USD: set one, and read each currency's rates, newest first. */
export function RatesPanel() {
  const { t } = useTranslation(['reference', 'common']);
  const format = useFormat();
  const currencyName = useCurrencyName();
  const url = useUrlState<'currency'>();
  const { data, loading, error } = useQuery(ReferenceRatesDocument);
  const rates = data?.exchangeRates ?? [];
  const currencies = [...new Set(rates.map((rate) => rate.currency))];
  const chosen = currencies.includes(url.get('currency')) ? url.get('currency') : (currencies[0] ?? null);
  const shown = rates.filter((rate) => rate.currency === chosen);
  const page = shown.slice((url.page - 1) * PAGE_SIZE, url.page * PAGE_SIZE);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SetRateForm onSaved={(currency) => url.set({ currency })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Title order={2} size="h3">
            {t('reference:rates.listTitle')}
          </Title>
          <QueryState loading={loading && !data} error={error} empty={!!data && rates.length === 0} emptyText={t('reference:rates.none')}>
            <Select
              label={t('reference:rates.currency')}
              allowDeselect={false}
              searchable
              value={chosen}
              onChange={(value) => url.set({ currency: value })}
              data={currencies.map((code) => ({ value: code, label: `${code} — ${currencyName(code)}` }))}
              w={320}
            />
            {chosen && (
              <>
                <Table.ScrollContainer minWidth={520}>
                  <Table striped verticalSpacing="xs">
                    <Table.Caption>{t('reference:rates.caption', { currency: chosen })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('reference:rates.from')}</Table.Th>
                        <Table.Th>{t('reference:rates.inUsdColumn', { currency: chosen })}</Table.Th>
                        <Table.Th>{t('reference:rates.perUsdColumn', { currency: chosen })}</Table.Th>
                        <Table.Th>{t('reference:rates.source')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {page.map((rate) => (
                        <Table.Tr key={rate.date}>
                          <Table.Td>{format.date(rate.date)}</Table.Td>
                          <Table.Td ff="monospace">{rate.rate.replace(/0+$/, '').replace(/\.$/, '')}</Table.Td>
                          <Table.Td>{format.decimal(1 / Number(rate.rate), 4)}</Table.Td>
                          <Table.Td>{rate.source ?? t('common:none')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Pager page={url.page} size={PAGE_SIZE} total={shown.length} onChange={url.setPage} />
              </>
            )}
          </QueryState>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

interface Values {
  currency: string | null;
  date: string | null;
  direction: Direction;
  value: string;
  source: string;
}

const FIELD_MAP = { 'input.rate': 'value', 'input.currency': 'currency', 'input.date': 'date', 'input.source': 'source' };

function SetRateForm({ onSaved }: { onSaved(currency: string): void }) {
  const { t } = useTranslation(['reference', 'common']);
  const currencyName = useCurrencyName();
  const describe = useReasonText('reference');
  const notifySuccess = useNotifySuccess('reference');
  const [save, { loading }] = useMutation(SetRateDocument, { refetchQueries: [ReferenceRatesDocument] });
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm<Values>({
    initialValues: { currency: 'KGS', date: todayInBishkek(), direction: 'perUsd', value: '', source: '' },
    validate: {
      currency: (value) => (value ? null : t('reference:rates.currencyRequired')),
      date: (value) => (value ? null : t('reference:rates.dateRequired')),
      value: (value, values) => {
        const text = normaliseDecimal(value);
        if (!NUMBER.test(text) || Number(text) <= 0) return t('reference:rates.valueInvalid');
        if ((text.split('.')[1] ?? '').length > 12 || text.split('.')[0].length > 12) return t('reference:rates.valueTooPrecise');
        return usdPerUnit(value, values.direction) ? null : t('reference:rates.valueInvalid');
      },
    },
  });
  const currencyOptions = useMemo(() => {
    const all = Intl.supportedValuesOf('currency').filter((code) => code !== 'USD');
    const ordered = [...COMMON.filter((code) => all.includes(code)), ...all.filter((code) => !COMMON.includes(code))];
    return ordered.map((code) => ({ value: code, label: `${code} — ${currencyName(code)}` }));
  }, [currencyName]);

  const currency = form.values.currency ?? '…';
  const rate = usdPerUnit(form.values.value, form.values.direction);

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await save({
        variables: { input: { currency: values.currency!, date: values.date!, rate: usdPerUnit(values.value, values.direction)!, source: values.source.trim() || null } },
      });
      notifySuccess(t('reference:rates.saved', { currency: values.currency }));
      onSaved(values.currency!);
      form.setFieldValue('value', '');
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe, FIELD_MAP));
    }
  });

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="set-rate-title">
      <Stack>
        <Title order={2} size="h3" id="set-rate-title">
          {t('reference:rates.setTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reference:rates.setIntro')}
        </Text>
        <ReasonAlert errors={errors} describe={describe} />
        <Select label={t('reference:rates.currency')} required searchable allowDeselect={false} data={currencyOptions} limit={50} {...form.getInputProps('currency')} />
        <DateField
          label={t('reference:rates.date')}
          description={t('reference:rates.dateHelp')}
          required
          clearable={false}
          value={form.values.date}
          onChange={(value) => form.setFieldValue('date', value)}
          error={form.errors.date as string | undefined}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rate-direction-label">
            {t('reference:rates.direction')}
          </Text>
          <SegmentedControl
            aria-labelledby="rate-direction-label"
            data={[
              { value: 'perUsd', label: t('reference:rates.perUsd', { currency }) },
              { value: 'inUsd', label: t('reference:rates.inUsd', { currency }) },
            ]}
            value={form.values.direction}
            onChange={(value) => form.setFieldValue('direction', value as Direction)}
          />
        </Stack>
        <TextInput
          label={form.values.direction === 'perUsd' ? t('reference:rates.valuePerUsd', { currency }) : t('reference:rates.valueInUsd', { currency })}
          inputMode="decimal"
          required
          description={rate ? t('reference:rates.preview', { currency, rate }) : t('reference:rates.valueHelp')}
          {...form.getInputProps('value')}
        />
        <TextInput label={t('reference:rates.source')} description={t('reference:rates.sourceHelp')} {...form.getInputProps('source')} />
        <Group justify="flex-end">
          <Button type="submit" loading={loading}>
            {t('reference:rates.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
