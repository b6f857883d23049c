import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, CopyButton, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TokensCreateDocument, type TokensItemFragment, TokensListDocument, TokensRevokeDocument } from '../../gql/graphql';
import { applyServerErrors, serverErrors, useErrorText } from '../../app/errors';
import { useFormat } from '../../app/format';
import { notify } from '../../app/notify';
import { RequireRole, useSession } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageTitle } from '../../app/ui/PageTitle';
import { QueryState } from '../../app/ui/QueryState';

type Created = { secret: string; name: string; expiresAt: string };

function TokenState({ token }: { token: TokensItemFragment }) {
  const { t } = useTranslation('tokens');
  if (token.revokedAt) return <Badge color="gray.7">{t('tokens:state.revoked')}</Badge>;
  if (!token.active) return <Badge color="red.9">{t('tokens:state.expired')}</Badge>;
  return <Badge color="teal.9">{t('tokens:state.active')}</Badge>;
}

/** Name and validity of a new token; then its secret, shown this once, with a copy button. */
function CreateTokenModal({ opened, onClose, userId }: { opened: boolean; onClose(): void; userId: string }) {
  const { t } = useTranslation(['tokens', 'common']);
  const format = useFormat();
  const describe = useErrorText();
  const [create, { loading }] = useMutation(TokensCreateDocument, { refetchQueries: [TokensListDocument] });
  const [created, setCreated] = useState<Created | null>(null);
  const [errors, setErrors] = useState<ReturnType<typeof applyServerErrors>>([]);
  const busy = useRef(false);
  const form = useForm({
    initialValues: { name: '', expiresInDays: 90 as number | string },
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 200 ? t('tokens:create.nameTooLong') : null) : t('tokens:create.nameRequired')),
      expiresInDays: (value) => (Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 365 ? null : t('tokens:create.daysRange')),
    },
  });
  const close = () => {
    // The secret leaves the page with the dialog: it is never shown again.
    setCreated(null);
    setErrors([]);
    form.reset();
    onClose();
  };
  const days = Number(form.values.expiresInDays);
  const until = Number.isInteger(days) && days >= 1 && days <= 365 ? new Date(Date.now() + days * 86_400_000).toISOString() : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('tokens:secret.title') : t('tokens:create.title')}
      size="lg"
      closeOnClickOutside={!created}
      closeButtonProps={{ 'aria-label': t('tokens:closeDialog') }}
    >
      {created ? (
        <Stack>
          <Alert color="red" variant="light" title={t('tokens:secret.onceTitle')} role="alert">
            {t('tokens:secret.once')}
          </Alert>
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label={t('tokens:secret.label', { name: created.name })}
              value={created.secret}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal.9' : undefined} onClick={copy}>
                  {copied ? t('tokens:secret.copied') : t('tokens:secret.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">{t('tokens:secret.use')}</Text>
          <Text size="sm" c="dimmed">
            {t('tokens:secret.expires', { when: format.dateTime(created.expiresAt) })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>{t('tokens:secret.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            if (busy.current) return;
            busy.current = true;
            setErrors([]);
            try {
              const { data } = await create({ variables: { input: { name: values.name.trim(), expiresInDays: Number(values.expiresInDays), userId } } });
              const result = data!.createApiToken;
              setCreated({ secret: result.secret, name: result.token.name, expiresAt: result.token.expiresAt });
            } catch (error) {
              setErrors(applyServerErrors(form, error, describe));
            } finally {
              busy.current = false;
            }
          })}
        >
          <Stack>
            <TextInput label={t('tokens:create.name')} description={t('tokens:create.nameHint')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
            <NumberInput
              label={t('tokens:create.days')}
              description={until ? t('tokens:create.daysHint', { when: format.date(until.slice(0, 10)) }) : t('tokens:create.daysRange')}
              required
              min={1}
              max={365}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('expiresInDays')}
            />
            <ErrorAlert errors={errors} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:cancel')}
              </Button>
              <Button type="submit" loading={loading}>
                {t('tokens:create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Asks before a token is revoked: the systems using it stop at once. */
function RevokeModal({ token, onClose }: { token: TokensItemFragment | null; onClose(): void }) {
  const { t } = useTranslation(['tokens', 'common']);
  const [revoke, { loading, error, reset }] = useMutation(TokensRevokeDocument, { refetchQueries: [TokensListDocument] });
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={!!token} onClose={close} title={t('tokens:revoke.title')} closeButtonProps={{ 'aria-label': t('tokens:closeDialog') }}>
      {token && (
        <Stack>
          <Text>{t('tokens:revoke.text', { name: token.name })}</Text>
          {error && <ErrorAlert errors={serverErrors(error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red.9"
              loading={loading}
              onClick={async () => {
                const done = await revoke({ variables: { id: token.id } }).catch(() => null);
                if (!done?.data) return;
                notify({ message: t('tokens:revoke.done', { name: token.name }), color: 'blue', closeButtonProps: { 'aria-label': t('tokens:closeNotice') } });
                close();
              }}
            >
              {t('tokens:revoke.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Tokens() {
  const { t } = useTranslation(['tokens', 'common']);
  const format = useFormat();
  const { user } = useSession();
  const url = useUrlState<'revoked'>();
  const includeRevoked = url.get('revoked') === '1';
  // Always the caller's own tokens (an administrator without `userId` would get everyone's).
  const { data, loading, error } = useQuery(TokensListDocument, { variables: { userId: user?.id ?? '', includeRevoked }, skip: !user });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokensItemFragment | null>(null);
  const tokens = data?.apiTokens;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ maxWidth: 720 }}>
          <PageTitle title={t('tokens:title')} />
          <Text>{t('tokens:intro')}</Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('tokens:create.open')}</Button>
      </Group>
      <Switch label={t('tokens:showRevoked')} checked={includeRevoked} onChange={(event) => url.set({ revoked: event.currentTarget.checked ? '1' : null })} />
      <QueryState loading={loading && !data} error={error} empty={tokens?.length === 0} emptyText={includeRevoked ? t('tokens:noneAtAll') : t('tokens:none')}>
        {tokens && (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens:column.name')}</Table.Th>
                  <Table.Th>{t('tokens:column.begins')}</Table.Th>
                  <Table.Th>{t('tokens:column.created')}</Table.Th>
                  <Table.Th>{t('tokens:column.expires')}</Table.Th>
                  <Table.Th>{t('tokens:column.lastUsed')}</Table.Th>
                  <Table.Th>{t('tokens:column.state')}</Table.Th>
                  <Table.Th>{t('common:actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text fw={500}>{token.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {token.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(token.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(token.expiresAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens:neverUsed')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <TokenState token={token} />
                      {token.revokedAt && (
                        <Text size="xs" c="dimmed">
                          {format.dateTime(token.revokedAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!token.revokedAt && (
                        <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(token)} aria-label={t('tokens:revoke.label', { name: token.name })}>
                          {t('tokens:revoke.button')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {user && <CreateTokenModal opened={creating} onClose={() => setCreating(false)} userId={user.id} />}
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

/** `/app/tokens`: the signed-in user's API tokens for partner systems. */
export default function TokensPage() {
  return (
    <RequireRole>
      <Tokens />
    </RequireRole>
  );
}
