import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorOverlapPreviewDocument, type EditorOverlapPreviewQuery, type OverlapDraftInput } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { serverErrors } from '../../app/errors';
import { organisationNames } from '../projects/project-labels';
import { useEditorErrorText } from './errors';

type Preview = EditorOverlapPreviewQuery['overlapPreview']['nodes'][number];

const SHOWN = 10;

/** How specific the shared place is, from the geographic part of the score (as on the project page). */
function placeKind(geographic: number): 'municipality' | 'district' | 'region' | 'country' {
  if (geographic >= 0.99) return 'municipality';
  if (geographic >= 0.6) return 'district';
  if (geographic >= 0.3) return 'region';
  return 'country';
}

/** One pair's score in words: where, when and on what the draft and the other project meet. */
function PreviewExplanation({ overlap }: { overlap: Preview }) {
  const { t } = useTranslation('projectEditor');
  const format = useFormat();
  const { geographic, time, themes } = overlap.components;
  const places = overlap.sharedUnits.map((unit) => unit.name ?? unit.code).join(', ');
  return (
    <Stack gap={2}>
      <Text size="sm">{t(`overlap.where.${placeKind(geographic)}`, { places })}</Text>
      <Text size="sm">{t('overlap.when', { from: format.date(overlap.periodStart) || '…', to: format.date(overlap.periodEnd) || t('overlap.open'), share: format.percent(time) })}</Text>
      <Text size="sm">{t('overlap.what', { themes: overlap.sharedThemes.map((theme) => theme.name ?? theme.code).join(', '), share: format.percent(themes) })}</Text>
      <Text size="xs" c="dimmed">
        {t('overlap.formula', { score: format.decimal(overlap.score), geographic: format.decimal(geographic), time: format.decimal(time), themes: format.decimal(themes) })}
      </Text>
    </Stack>
  );
}

/**
 * "Who else works there on the same theme at the same time", computed from the form as it is
 * now (places, themes, dates, organisations), before anything is saved. Asked again a moment
 * after the user stops changing those fields.
 */
export function OverlapPreview({ draft }: { draft: OverlapDraftInput | null }) {
  const { t } = useTranslation(['projectEditor', 'projects']);
  const format = useFormat();
  const describe = useEditorErrorText();
  const key = JSON.stringify(draft);
  const [debouncedKey] = useDebouncedValue(key, 600);
  const debounced = useMemo(() => JSON.parse(debouncedKey) as OverlapDraftInput | null, [debouncedKey]);
  const { data, previousData, loading, error } = useQuery(EditorOverlapPreviewDocument, { variables: { draft: debounced!, first: SHOWN }, skip: !debounced, fetchPolicy: 'network-only' });
  const shown = (data ?? previousData)?.overlapPreview;
  const waiting = key !== debouncedKey || loading;

  if (!draft) {
    return (
      <Text size="sm" c="dimmed">
        {t('projectEditor:overlap.needMore')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" aria-busy={waiting}>
      <Group gap="xs" mih={20}>
        {waiting && <Loader size="xs" aria-hidden="true" />}
        <Text size="sm" role="status" aria-live="polite">
          {waiting
            ? t('projectEditor:overlap.checking')
            : error
              ? serverErrors(error).map(describe).join(' ')
              : shown
                ? shown.totalCount === 0
                  ? t('projectEditor:overlap.none')
                  : t('projectEditor:overlap.found', { count: shown.totalCount })
                : ''}
        </Text>
      </Group>
      {!error &&
        shown?.nodes.map((overlap) => (
          <Paper key={overlap.project.id} component="article" withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Anchor href={`/projects/${overlap.project.id}`} target="_blank" rel="noopener" fw={500}>
                  {overlap.project.title ?? t('projects:untitled')}
                  <span className="visually-hidden"> {t('projectEditor:newTab')}</span>
                </Anchor>
                <Text size="xs" c="dimmed">
                  {organisationNames(overlap.project.participants)}
                </Text>
              </div>
              <Badge variant="light" style={{ flexShrink: 0, overflow: 'visible' }} aria-label={t('projects:overlap.scoreLabel', { score: format.decimal(overlap.score) })}>
                {format.decimal(overlap.score)}
              </Badge>
            </Group>
            <PreviewExplanation overlap={overlap} />
          </Paper>
        ))}
      {!error && !waiting && shown && shown.totalCount > shown.nodes.length && (
        <Text size="sm" c="dimmed">
          {t('projectEditor:overlap.more', { count: shown.totalCount - shown.nodes.length })}
        </Text>
      )}
    </Stack>
  );
}
