import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequireRole, STAFF } from '../../app/session';
import { useUrlState } from '../../app/url-state';
import { PageTitle } from '../../app/ui/PageTitle';
import { FlagsPanel } from './FlagsPanel';
import { RatesPanel } from './RatesPanel';
import { ThemesPanel } from './ThemesPanel';

const TABS = ['themes', 'rates', 'flags'] as const;

/** The secretariat's reference data, one tab each: themes, exchange rates, unit flags. */
export default function ReferencePage() {
  return (
    <RequireRole roles={STAFF}>
      <Reference />
    </RequireRole>
  );
}

function Reference() {
  const { t } = useTranslation(['reference', 'common']);
  const url = useUrlState<'tab'>();
  const tab = (TABS as readonly string[]).includes(url.get('tab')) ? url.get('tab') : 'themes';
  return (
    <Stack>
      <PageTitle title={t('reference:title')} />
      <Text c="dimmed" size="sm" maw={760}>
        {t('reference:intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => url.set({ tab: value === 'themes' ? null : value })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`reference:tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="themes" pt="md">
          <ThemesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="md">
          <RatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="flags" pt="md">
          <FlagsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
