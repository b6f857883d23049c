import { Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, also the browser tab's title. */
export function PageTitle({ children, title }: { children?: ReactNode; title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('brand')}`;
  }, [title, t]);
  return (
    <Title order={1} size="h2" mb="md">
      {children ?? title}
    </Title>
  );
}
