import { useMutation } from '@apollo/client/react';
import { Alert, Button, Container, Paper, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SignInDocument } from '../../gql/graphql';
import { serverErrors, useErrorText } from '../../app/errors';
import { useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';

/** Only paths of this site: `next=//evil.example` must not send the user away. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const describe = useErrorText();
  const [signIn, { loading, error }] = useMutation(SignInDocument);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('auth:emailInvalid')),
      password: (value) => (value ? null : t('auth:passwordRequired')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const result = await signIn({ variables: { email: values.email.trim(), password: values.password } }).catch(() => null);
    if (!result?.data?.login) return;
    await refresh();
    void navigate(safeNext(params.get('next')) ?? '/app', { replace: true });
  });

  return (
    <Container size={420} py="xl">
      <PageTitle title={t('auth:signIn.title')} />
      {params.get('expired') && (
        <Alert color="blue" mb="md" role="status">
          {t('auth:signIn.expired')}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('auth:signIn.title')}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {serverErrors(error)
                .map((entry) => describe(entry))
                .join(' ')}
            </Alert>
          )}
          <TextInput label={t('auth:email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth:password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={loading}>
            {t('auth:signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
