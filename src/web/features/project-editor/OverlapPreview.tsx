import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorOverlapPreviewDocument, type OverlapDraftInput } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { serverErrors } from '../../app/errors';
import { OverlapExplanation } from '../projects/OverlapList';
import { organisationNames } from '../projects/project-labels';
import { useEditorErrorText } from './errors';

const SHOWN = 10;

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
  const { data, previousData, loading, error } = useQuery(EditorOverlapPreviewDocument, {
    variables: { draft: debounced!, first: SHOWN },
    skip: !debounced,
    fetchPolicy: 'network-only',
  });
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
            <OverlapExplanation overlap={overlap} draft />
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
