import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAVIGATION } from '../../app/features';
import { RequireRole, useSession } from '../../app/session';
import { PageTitle } from '../../app/ui/PageTitle';

/** Where a signed-in user lands: a greeting and the work their role has. */
export default function HomePage() {
  const { user } = useSession();
  const items = NAVIGATION.filter((item) => item.to !== '/app' && item.roles && user && item.roles.includes(user.role));
  const { t } = useTranslation(['home', ...new Set(items.map((item) => item.label.split(':')[0]))]);
  return (
    <RequireRole>
      <PageTitle title={t('home:title')} />
      <Text mb="md">{t('home:welcome', { name: user?.name ?? '' })}</Text>
      <List>
        {items.map((item) => (
          <List.Item key={item.to}>
            <Anchor component={Link} to={item.to}>
              {t(item.label)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </RequireRole>
  );
}
