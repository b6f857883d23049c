import { useMutation } from '@apollo/client/react';
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SetPasswordDocument, SignInDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError, serverErrors } from '../../app/errors';
import { useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';
import { ReasonAlert, useNotifySuccess, useReasonText } from './reasons';

/** The hub's rule (setPassword): 10 to 200 characters. */
export const MIN_PASSWORD = 10;
const MAX_PASSWORD = 200;

/**
 * Where an invited person lands from the link an administrator sent: they choose a password
 * (twice), and are signed in with it straight away.
 */
export default function SetPasswordPage() {
  const { t } = useTranslation(['users', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { refresh } = useSession();
  const describe = useReasonText('users');
  const notifySuccess = useNotifySuccess('users');
  const [setPassword, { loading: saving }] = useMutation(SetPasswordDocument);
  const [signIn, { loading: signingIn }] = useMutation(SignInDocument);
  const [linkInvalid, setLinkInvalid] = useState(!token);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const [setButNotSignedIn, setSetButNotSignedIn] = useState(false);
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) =>
        value.length < MIN_PASSWORD
          ? t('users:password.tooShort', { count: MIN_PASSWORD })
          : value.length > MAX_PASSWORD
            ? t('users:password.tooLong', { count: MAX_PASSWORD })
            : null,
      repeat: (value, values) => (value !== values.password ? t('users:password.mismatch') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    let email: string;
    try {
      const { data } = await setPassword({ variables: { token, password: values.password } });
      if (!data) return;
      email = data.setPassword.email;
    } catch (error) {
      if (serverErrors(error).some((entry) => entry.reason === 'INVALID_SETUP_TOKEN')) setLinkInvalid(true);
      else setErrors(applyServerErrors(form, error, describe));
      return;
    }
    try {
      await signIn({ variables: { email, password: values.password } });
      await refresh();
      notifySuccess(t('users:password.doneSignedIn'));
      void navigate('/app', { replace: true });
    } catch {
      setSetButNotSignedIn(true);
    }
  });

  return (
    <Container size={460} py="xl">
      <PageTitle title={t('users:password.title')} />
      {setButNotSignedIn ? (
        <Alert color="green" title={t('users:password.doneTitle')} role="status">
          <Text size="sm">{t('users:password.doneText')}</Text>
          <Button component={Link} to="/sign-in" mt="md">
            {t('users:password.signIn')}
          </Button>
        </Alert>
      ) : linkInvalid ? (
        <Alert color="orange" title={t('users:password.invalidTitle')} role="alert">
          <Text size="sm">{t('users:password.invalidText')}</Text>
          <Button component={Link} to="/sign-in" variant="default" size="xs" mt="sm">
            {t('users:password.haveOne')}
          </Button>
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('users:password.title')}>
          <Stack>
            <Text size="sm">{t('users:password.intro')}</Text>
            <ReasonAlert errors={errors} describe={describe} />
            <PasswordInput
              label={t('users:password.new')}
              description={t('users:password.rule', { count: MIN_PASSWORD })}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput label={t('users:password.repeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
            <Button type="submit" loading={saving || signingIn}>
              {t('users:password.submit')}
            </Button>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
