import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationDirectoryDocument, type OrganisationKind } from '../../gql/graphql';
import { STAFF, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ORGANISATION_KINDS, useCountryName } from './kinds';
import { UrlSearchInput } from '../../app/ui/UrlSearchInput';
import { AwaitingConfirmationBadge } from './OrganisationConfirmation';

const PAGE_SIZE = 25;

/** Every organisation the hub knows: donors, agencies, NGOs, state and local bodies. */
export default function OrganisationsPage() {
  const { t } = useTranslation(['organisations', 'common']);
  const countryName = useCountryName();
  const { user } = useSession();
  const url = useUrlState<'q' | 'kind' | 'confirmation'>();
  // `?confirmation=awaiting`: the organisations an IATI import created that the secretariat has still to confirm.
  const awaiting = url.get('confirmation') === 'awaiting';
  const kind = (ORGANISATION_KINDS as string[]).includes(url.get('kind')) ? (url.get('kind') as OrganisationKind) : null;
  const { data, loading, error } = useQuery(OrganisationDirectoryDocument, {
    variables: {
      filter: { search: url.get('q') || null, kinds: kind ? [kind] : null, needsConfirmation: awaiting ? true : null },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  const organisations = data?.organisations;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t('organisations:list.title')} />
        {user && STAFF.includes(user.role) && (
          <Button component={Link} to="/app/organisations/new">
            {t('organisations:list.create')}
          </Button>
        )}
      </Group>
      {(user || awaiting) && (
        <SegmentedControl
          aria-label={t('organisations:confirmation.filter')}
          value={awaiting ? 'awaiting' : 'all'}
          onChange={(value) => url.set({ confirmation: value === 'awaiting' ? 'awaiting' : null })}
          data={[
            { value: 'all', label: t('organisations:confirmation.all') },
            { value: 'awaiting', label: t('organisations:confirmation.awaiting') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <Group align="flex-end" wrap="wrap" gap="sm">
        <UrlSearchInput label={t('organisations:list.search')} placeholder={t('organisations:list.searchPlaceholder')} w={280} />
        <Select
          label={t('organisations:kindLabel')}
          placeholder={t('common:all')}
          clearable
          value={kind}
          onChange={(value) => url.set({ kind: value })}
          data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`organisations:kind.${value}`) }))}
          w={300}
        />
      </Group>
      <QueryState
        loading={loading && !data}
        error={error}
        empty={organisations?.nodes.length === 0}
        emptyText={awaiting && !url.get('q') && !kind ? t('organisations:confirmation.none') : t('organisations:list.none')}
      >
        {organisations && (
          <>
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisations:list.organisation')}</Table.Th>
                    <Table.Th>{t('organisations:acronym')}</Table.Th>
                    <Table.Th>{t('organisations:kindLabel')}</Table.Th>
                    <Table.Th>{t('organisations:country')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organisations.nodes.map((organisation) => (
                    <Table.Tr key={organisation.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="wrap">
                          <Anchor component={Link} to={`/organisations/${organisation.id}`} fw={500}>
                            {organisation.name ?? organisation.acronym ?? organisation.id}
                          </Anchor>
                          {organisation.needsConfirmation && <AwaitingConfirmationBadge />}
                        </Group>
                      </Table.Td>
                      <Table.Td>{organisation.acronym ?? t('common:none')}</Table.Td>
                      <Table.Td>{t(`organisations:kind.${organisation.kind}`)}</Table.Td>
                      <Table.Td>{countryName(organisation.country) || t('common:none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={organisations.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
      <Text size="xs" c="dimmed">
        {t('organisations:list.note')}
      </Text>
    </Stack>
  );
}
