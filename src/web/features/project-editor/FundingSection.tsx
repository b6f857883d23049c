import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorAddBudgetDocument, EditorFundingDocument, EditorRecordTransactionDocument, type TransactionType } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { DateField } from '../../app/dates';
import { useFormat } from '../../app/format';
import { notify } from '../../app/notify';
import { QueryState } from '../../app/ui/QueryState';
import { CURRENCIES } from '../map/map-view';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { useEditorErrorText } from './errors';
import { formPath } from './model';
import type { OrganisationOption } from './ParticipantsEditor';

const TYPES: TransactionType[] = ['COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE', 'INCOMING_FUNDS'];
const MONEY = /^\d{1,16}([.,]\d{1,2})?$/;

/** An amount as the user types it (spaces, a decimal comma) made into the API's decimal string. */
function decimalOf(amount: string): string {
  return amount.replace(/[\s\u00a0]/g, '').replace(',', '.');
}

function BudgetForm({ projectId, onSaved }: { projectId: string; onSaved(): void }) {
  const { t } = useTranslation(['projectEditor', 'common']);
  const describe = useEditorErrorText();
  const [rest, setRest] = useState<ServerError[]>([]);
  const [add, { loading }] = useMutation(EditorAddBudgetDocument);
  const form = useForm({
    initialValues: { periodStart: null as string | null, periodEnd: null as string | null, amount: '', currency: 'USD', revised: false },
    validate: {
      periodStart: (value) => (value ? null : t('projectEditor:validation.required')),
      periodEnd: (value, values) =>
        !value ? t('projectEditor:validation.required') : values.periodStart && value < values.periodStart ? t('projectEditor:reason.END_BEFORE_START') : null,
      amount: (value) => (MONEY.test(decimalOf(value)) && /[1-9]/.test(value) ? null : t('projectEditor:validation.amount')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setRest([]);
    try {
      await add({
        variables: {
          input: {
            projectId,
            periodStart: values.periodStart!,
            periodEnd: values.periodEnd!,
            amount: decimalOf(values.amount),
            currency: values.currency,
            revised: values.revised,
          },
        },
      });
      notify({ message: t('projectEditor:funding.budgetSaved'), color: 'green' });
      form.reset();
      onSaved();
    } catch (error) {
      setRest(applyServerErrors({ setFieldError: (path, message) => form.setFieldError(formPath(path), message) }, error, describe));
    }
  });
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={t('projectEditor:funding.addBudget')}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('projectEditor:funding.addBudget')}
        </Title>
        <ErrorAlert errors={rest} describe={describe} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <DateField
            label={t('projectEditor:funding.periodStart')}
            clearLabel={t('projectEditor:clearDate', { field: t('projectEditor:funding.periodStart') })}
            required
            value={form.values.periodStart}
            onChange={(value) => form.setFieldValue('periodStart', value)}
            error={form.errors.periodStart as string | undefined}
          />
          <DateField
            label={t('projectEditor:funding.periodEnd')}
            clearLabel={t('projectEditor:clearDate', { field: t('projectEditor:funding.periodEnd') })}
            required
            value={form.values.periodEnd}
            onChange={(value) => form.setFieldValue('periodEnd', value)}
            error={form.errors.periodEnd as string | undefined}
          />
          <TextInput label={t('projectEditor:funding.amount')} description={t('projectEditor:funding.amountHint')} required inputMode="decimal" {...form.getInputProps('amount')} />
          <Select label={t('projectEditor:funding.currency')} data={[...CURRENCIES]} allowDeselect={false} searchable {...form.getInputProps('currency')} />
        </SimpleGrid>
        <Checkbox label={t('projectEditor:funding.revised')} {...form.getInputProps('revised', { type: 'checkbox' })} />
        <Group>
          <Button type="submit" size="xs" loading={loading}>
            {t('projectEditor:funding.addBudgetSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A funder's own money goes out of it (provider); an organisation running the project mostly receives. */
function TransactionForm({
  projectId,
  organisations,
  ownOrganisationId,
  funder,
  onSaved,
}: {
  projectId: string;
  organisations: OrganisationOption[];
  ownOrganisationId: string | null;
  funder: boolean;
  onSaved(): void;
}) {
  const { t } = useTranslation(['projectEditor', 'common']);
  const describe = useEditorErrorText();
  const [rest, setRest] = useState<ServerError[]>([]);
  const [record, { loading }] = useMutation(EditorRecordTransactionDocument);
  const form = useForm({
    initialValues: {
      type: 'COMMITMENT' as TransactionType,
      amount: '',
      currency: 'USD',
      valueDate: null as string | null,
      providerId: funder ? ownOrganisationId : null,
      receiverId: funder ? null : ownOrganisationId,
      description: '',
    },
    validate: {
      valueDate: (value) => (value ? null : t('projectEditor:validation.required')),
      amount: (value) => (MONEY.test(decimalOf(value)) && /[1-9]/.test(value) ? null : t('projectEditor:validation.amount')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setRest([]);
    try {
      await record({
        variables: {
          input: {
            projectId,
            type: values.type,
            amount: decimalOf(values.amount),
            currency: values.currency,
            valueDate: values.valueDate!,
            providerId: values.providerId,
            receiverId: values.receiverId,
            description: values.description.trim() || null,
          },
        },
      });
      notify({ message: t('projectEditor:funding.transactionSaved'), color: 'green' });
      form.reset();
      onSaved();
    } catch (error) {
      // A refusal names the other side (FORBIDDEN on receiverId): said above the form, and at the field.
      const others = applyServerErrors({ setFieldError: (path, message) => form.setFieldError(formPath(path), message) }, error, describe);
      for (const entry of others) if (entry.field && entry.code === 'FORBIDDEN') form.setFieldError(formPath(entry.field), t('projectEditor:funding.notParticipant'));
      setRest(others);
    }
  });
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate aria-label={t('projectEditor:funding.addTransaction')}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {t('projectEditor:funding.addTransaction')}
        </Title>
        <ErrorAlert errors={rest} describe={describe} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Select
            label={t('projectEditor:funding.type')}
            data={TYPES.map((type) => ({ value: type, label: t(`projectEditor:transactionType.${type}`) }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <DateField
            label={t('projectEditor:funding.valueDate')}
            clearLabel={t('projectEditor:clearDate', { field: t('projectEditor:funding.valueDate') })}
            required
            value={form.values.valueDate}
            onChange={(value) => form.setFieldValue('valueDate', value)}
            error={form.errors.valueDate as string | undefined}
          />
          <TextInput label={t('projectEditor:funding.amount')} description={t('projectEditor:funding.amountHint')} required inputMode="decimal" {...form.getInputProps('amount')} />
          <Select label={t('projectEditor:funding.currency')} data={[...CURRENCIES]} allowDeselect={false} searchable {...form.getInputProps('currency')} />
          <Select label={t('projectEditor:funding.provider')} data={organisations} searchable clearable {...form.getInputProps('providerId')} />
          <Select label={t('projectEditor:funding.receiver')} data={organisations} searchable clearable {...form.getInputProps('receiverId')} />
        </SimpleGrid>
        <TextInput label={t('projectEditor:funding.description')} {...form.getInputProps('description')} />
        <Group>
          <Button type="submit" size="xs" loading={loading}>
            {t('projectEditor:funding.addTransactionSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * A project's budgets and transactions, with forms to add them. `mayBudget` is false for a
 * partner whose organisation only funds the project: it records only its own money.
 */
export function FundingSection({
  projectId,
  organisations,
  ownOrganisationId,
  mayBudget,
}: {
  projectId: string;
  organisations: OrganisationOption[];
  ownOrganisationId: string | null;
  mayBudget: boolean;
}) {
  const { t } = useTranslation(['projectEditor', 'common']);
  const format = useFormat();
  // Exact amounts here (the project page rounds to whole units for reading).
  const money = (amount: string, currency: string) =>
    new Intl.NumberFormat(format.locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(Number(amount));
  const { data, loading, error, refetch } = useQuery(EditorFundingDocument, { variables: { id: projectId } });
  const project = data?.project;
  const name = (organisation: { name?: string | null; acronym?: string | null } | null | undefined) => (organisation ? (organisation.acronym ?? organisation.name ?? '') : '—');
  const saved = () => void refetch();
  return (
    <Stack gap="md">
      <QueryState loading={loading && !data} error={error}>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('projectEditor:funding.budgets')}
          </Title>
          {project?.budgets.length ? (
            <Table.ScrollContainer minWidth={480}>
              <Table striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projectEditor:funding.period')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.amount')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.kind')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {project.budgets.map((budget) => (
                    <Table.Tr key={budget.id}>
                      <Table.Td>{`${format.date(budget.periodStart)} – ${format.date(budget.periodEnd)}`}</Table.Td>
                      <Table.Td>{money(budget.amount, budget.currency)}</Table.Td>
                      <Table.Td>{budget.revised ? t('projectEditor:funding.revisedBudget') : t('projectEditor:funding.originalBudget')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text size="sm" c="dimmed">
              {t('projectEditor:funding.noBudgets')}
            </Text>
          )}
        </div>
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('projectEditor:funding.transactions')}
          </Title>
          {project?.transactions.length ? (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projectEditor:funding.valueDate')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.type')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.amount')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.fromTo')}</Table.Th>
                    <Table.Th>{t('projectEditor:funding.description')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {project.transactions.map((transaction) => (
                    <Table.Tr key={transaction.id}>
                      <Table.Td>{format.date(transaction.valueDate)}</Table.Td>
                      <Table.Td>{t(`projectEditor:transactionType.${transaction.type}`)}</Table.Td>
                      <Table.Td>{money(transaction.amount, transaction.currency)}</Table.Td>
                      <Table.Td>{`${name(transaction.provider)} → ${name(transaction.receiver)}`}</Table.Td>
                      <Table.Td>{transaction.description ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text size="sm" c="dimmed">
              {t('projectEditor:funding.noTransactions')}
            </Text>
          )}
        </div>
      </QueryState>
      {!mayBudget && (
        <Text size="sm" role="note">
          {t('projectEditor:funding.funderOnly')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: mayBudget ? 2 : 1 }}>
        {mayBudget && <BudgetForm projectId={projectId} onSaved={saved} />}
        <TransactionForm projectId={projectId} organisations={organisations} ownOrganisationId={ownOrganisationId} funder={!mayBudget} onSaved={saved} />
      </SimpleGrid>
    </Stack>
  );
}
