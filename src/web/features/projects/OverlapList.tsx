import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProjectOverlapsDocument, type ProjectOverlapsQuery } from '../../gql/graphql';
import { useFormat } from '../../app/format';
import { QueryState } from '../../app/ui/QueryState';
import { organisationNames } from './project-labels';

type Overlap = ProjectOverlapsQuery['overlaps']['nodes'][number];

/** How specific the shared place is, from the geographic part of the score. */
function placeKind(geographic: number): 'municipality' | 'district' | 'region' | 'country' {
  if (geographic >= 0.99) return 'municipality';
  if (geographic >= 0.6) return 'district';
  if (geographic >= 0.3) return 'region';
  return 'country';
}

/** What the explanation of a score reads of a pair: a stored one, or one of a draft (the editor's preview). */
type ExplainedOverlap = Pick<Overlap, 'components' | 'sharedUnits' | 'sharedThemes' | 'periodStart' | 'periodEnd' | 'score'>;

/**
 * The score of one pair in words: where, when and on what the two projects meet; for a project
 * not saved yet (`draft`), in the conditional.
 */
export function OverlapExplanation({ overlap, draft = false }: { overlap: ExplainedOverlap; draft?: boolean }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const { geographic, time, themes } = overlap.components;
  const places = overlap.sharedUnits.map((unit) => unit.name ?? unit.code).join(', ');
  return (
    <Stack gap={2}>
      <Text size="sm">{t(`overlap.where.${placeKind(geographic)}`, { places })}</Text>
      <Text size="sm">
        {t(draft ? 'overlap.whenDraft' : 'overlap.when', {
          from: format.date(overlap.periodStart) || '…',
          to: format.date(overlap.periodEnd) || t('overlap.open'),
          share: format.percent(time),
        })}
      </Text>
      <Text size="sm">{t('overlap.what', { themes: overlap.sharedThemes.map((theme) => theme.name ?? theme.code).join(', '), share: format.percent(themes) })}</Text>
      <Text size="xs" c="dimmed">
        {t('overlap.formula', { score: format.decimal(overlap.score), geographic: format.decimal(geographic), time: format.decimal(time), themes: format.decimal(themes) })}
      </Text>
    </Stack>
  );
}

/** "Who else works there on the same theme at the same time", for one project. */
export function OverlapList({ projectId, first = 20 }: { projectId: string; first?: number }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const { data, loading, error } = useQuery(ProjectOverlapsDocument, { variables: { id: projectId, first } });
  const overlaps = data?.overlaps;
  return (
    <QueryState loading={loading && !data} error={error} empty={overlaps?.nodes.length === 0} emptyText={t('overlap.none')}>
      <Stack gap="sm">
        {overlaps && overlaps.totalCount > overlaps.nodes.length && <Text size="sm">{t('overlap.shown', { shown: overlaps.nodes.length, count: overlaps.totalCount })}</Text>}
        {overlaps?.nodes.map((overlap) => (
          <Paper key={overlap.projectB.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Anchor component={Link} to={`/projects/${overlap.projectB.id}`} fw={500}>
                  {overlap.projectB.title ?? t('untitled')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {organisationNames(overlap.projectB.participants)}
                </Text>
              </div>
              <Badge variant="light" style={{ flexShrink: 0, overflow: 'visible' }} aria-label={t('overlap.scoreLabel', { score: format.decimal(overlap.score) })}>
                {format.decimal(overlap.score)}
              </Badge>
            </Group>
            <OverlapExplanation overlap={overlap} />
          </Paper>
        ))}
      </Stack>
    </QueryState>
  );
}
