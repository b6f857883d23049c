import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminUserListDocument, type Role } from '../../gql/graphql';
import { RequireRole, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { Pager } from '../../app/ui/Pager';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';
import { ActiveToggleModal, EditUserModal } from './EditUserModal';
import { InviteUserModal } from './InviteUserModal';
import { type ListedUser, ROLES, useOrganisationChoices } from './user-choices';
import { UrlSearchInput } from '../../app/ui/UrlSearchInput';

const PAGE_SIZE = 25;

/** The administrator's list of the people who sign in: invite, change, deactivate. */
export default function UsersPage() {
  return (
    <RequireRole roles={['ADMIN']}>
      <UserAdministration />
    </RequireRole>
  );
}

function UserAdministration() {
  const { t } = useTranslation(['users', 'common']);
  const { user: me } = useSession();
  const url = useUrlState<'q' | 'role' | 'org' | 'active'>();
  const organisations = useOrganisationChoices();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<ListedUser | null>(null);
  const [toggling, setToggling] = useState<ListedUser | null>(null);

  const active = url.get('active');
  const { data, loading, error, refetch } = useQuery(AdminUserListDocument, {
    variables: {
      filter: {
        search: url.get('q') || null,
        role: (ROLES as string[]).includes(url.get('role')) ? (url.get('role') as Role) : null,
        organisationId: url.get('org') || null,
        active: active === 'true' ? true : active === 'false' ? false : null,
      },
      first: PAGE_SIZE,
      offset: (url.page - 1) * PAGE_SIZE,
    },
  });
  const users = data?.users;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t('users:title')} />
        <Button onClick={() => setInviting(true)}>{t('users:invite.open')}</Button>
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        {t('users:intro')}
      </Text>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <UrlSearchInput label={t('users:filter.search')} placeholder={t('users:filter.searchPlaceholder')} />
        <Select
          label={t('users:role')}
          placeholder={t('common:all')}
          clearable
          value={url.get('role') || null}
          onChange={(value) => url.set({ role: value })}
          data={ROLES.map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
          w={220}
        />
        <Select
          label={t('users:organisation')}
          placeholder={t('common:all')}
          clearable
          searchable
          value={url.get('org') || null}
          onChange={(value) => url.set({ org: value })}
          data={organisations}
          w={260}
        />
        <Select
          label={t('users:filter.status')}
          placeholder={t('common:all')}
          clearable
          value={active || null}
          onChange={(value) => url.set({ active: value })}
          data={[
            { value: 'true', label: t('users:status.active') },
            { value: 'false', label: t('users:status.inactive') },
          ]}
          w={180}
        />
      </Group>
      <QueryState loading={loading && !data} error={error} empty={users?.nodes.length === 0} emptyText={t('users:none')}>
        {users && (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users:person')}</Table.Th>
                    <Table.Th>{t('users:role')}</Table.Th>
                    <Table.Th>{t('users:organisation')}</Table.Th>
                    <Table.Th>{t('users:filter.status')}</Table.Th>
                    <Table.Th>{t('common:actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.nodes.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text fw={500}>{user.name}</Text>
                        <Text size="sm" c="dimmed">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`common:role.${user.role}`)}</Table.Td>
                      <Table.Td>{user.organisation ? (user.organisation.acronym ?? user.organisation.name) : t('common:none')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={user.active ? 'blue' : 'gray'}>
                          {user.active ? t('users:status.active') : t('users:status.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" aria-label={t('users:editWho', { name: user.name })} onClick={() => setEditing(user)}>
                            {t('common:edit')}
                          </Button>
                          {user.id !== me?.id && (
                            <Button
                              size="xs"
                              variant="light"
                              color={user.active ? 'red' : 'green'}
                              aria-label={t(user.active ? 'users:deactivate.who' : 'users:reactivate.who', { name: user.name })}
                              onClick={() => setToggling(user)}
                            >
                              {user.active ? t('users:deactivate.button') : t('users:reactivate.button')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={url.page} size={PAGE_SIZE} total={users.totalCount} onChange={url.setPage} />
          </>
        )}
      </QueryState>
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} organisations={organisations} onInvited={() => void refetch()} />
      {editing && <EditUserModal user={editing} organisations={organisations} onClose={() => setEditing(null)} />}
      {toggling && <ActiveToggleModal user={toggling} onClose={() => setToggling(null)} />}
    </Stack>
  );
}
