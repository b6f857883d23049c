import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ExportLink {
  href: string;
  label: string;
}

/** "Download: …" — plain links to the exports of what the page shows (no script of their own). */
export function ExportLinks({ links }: { links: ExportLink[] }) {
  const { t } = useTranslation('common');
  return (
    <Group gap="sm" wrap="wrap" component="nav" aria-label={t('common:export.label')}>
      <Text size="sm" c="dimmed">
        {t('common:export.download')}
      </Text>
      {links.map((link) => (
        <Anchor key={link.href} href={link.href} download size="sm">
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}
