import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { colourOf, GAP_FILL, GAP_STROKE, UNKNOWN_FILL } from './classes';

function Swatch({ fill, stroke, dashed }: { fill: string; stroke?: string; dashed?: boolean }) {
  return <Box w={22} h={14} style={{ background: fill, border: `${dashed ? '2px dashed' : '1px solid'} ${stroke ?? '#495057'}`, flex: 'none' }} aria-hidden />;
}

/** What each colour means: the classes with their ranges, the gap, missing money. */
export function MapLegend({ breaks, format, title, showUnknown }: { breaks: number[]; format(value: number): string; title: string; showUnknown: boolean }) {
  const { t } = useTranslation('map');
  return (
    <Stack gap={4} aria-label={t('legend.label')} role="group">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {breaks.map((bound, index) => {
        const next = breaks[index + 1];
        const range =
          next === undefined ? t('legend.orMore', { value: format(bound) }) : next - 1 > bound ? t('legend.range', { from: format(bound), to: format(next - 1) }) : format(bound);
        return (
          <Group key={bound} gap="xs" wrap="nowrap">
            <Swatch fill={colourOf(index, breaks.length)} />
            <Text size="sm">{range}</Text>
          </Group>
        );
      })}
      <Group gap="xs" wrap="nowrap">
        <Swatch fill={GAP_FILL} stroke={GAP_STROKE} dashed />
        <Text size="sm">{t('legend.gap')}</Text>
      </Group>
      {showUnknown && (
        <Group gap="xs" wrap="nowrap">
          <Swatch fill={UNKNOWN_FILL} />
          <Text size="sm">{t('legend.unknown')}</Text>
        </Group>
      )}
    </Stack>
  );
}
