import { Alert, Anchor, Badge, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { STAFF, useSession } from '../../app/session';
import { type ImportedActivity, type ImportOutcome, type ImportReport, OUTCOMES, PLACEMENT_RULES } from './import-report';

/** Rows of the activities table shown before "Show all". */
export const FIRST_ROWS = 20;

/** The link to the organisations the secretariat has still to confirm (the organisations list, filtered). */
export const AWAITING_CONFIRMATION_PATH = '/organisations?confirmation=awaiting';

const OUTCOME_COLOURS: Record<ImportOutcome, string> = { CREATED: 'teal.9', UPDATED: 'blue.8', UNCHANGED: 'gray.7', SKIPPED: 'yellow.4', FAILED: 'red.9' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** What became of an activity, in colour and in words (a dry run says what would become of it). */
function OutcomeBadge({ outcome, dryRun }: { outcome: ImportOutcome; dryRun: boolean }) {
  const { t } = useTranslation('iati');
  return (
    <Badge color={OUTCOME_COLOURS[outcome]} autoContrast variant="filled" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t(dryRun ? `iati:countDry.${outcome}` : `iati:count.${outcome}`)}
    </Badge>
  );
}

function ActivityDetails({ item }: { item: ImportedActivity }) {
  const { t } = useTranslation('iati');
  const lines: ReactNode[] = [];
  if (item.reason) lines.push(<Text size="sm">{t(`iati:skip.${item.reason.code}`)}</Text>);
  for (const placement of item.placements) {
    // A location given only by its code is named by it: the code once.
    const named = placement.location !== placement.unitCode;
    lines.push(
      <Text size="sm">
        {t(`iati:placement.${placement.rule}`)}: <Code>{placement.unitCode}</Code>
        {placement.noLocation ? ` (${t('iati:report.noLocation')})` : named && ` ← ${placement.location}`}
      </Text>,
    );
  }
  // Warnings of one kind once, with how many times (two organisations created read alike).
  const warnings = new Map<string, number>();
  for (const warning of item.warnings) warnings.set(warning.code, (warnings.get(warning.code) ?? 0) + 1);
  for (const [code, count] of warnings) {
    lines.push(
      <Text size="sm" c="var(--mantine-color-orange-light-color)">
        {t(`iati:warning.${code}`)}
        {count > 1 && ` (×${count})`}
      </Text>,
    );
  }
  if (lines.length === 0) return <Text size="sm">{t('iati:report.noDetails')}</Text>;
  return (
    <Stack gap={2}>
      {lines.map((line, index) => (
        <div key={index}>{line}</div>
      ))}
    </Stack>
  );
}

function ActivitiesTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation('iati');
  const format = useFormat();
  const [all, setAll] = useState(false);
  const rows = all ? report.items : report.items.slice(0, FIRST_ROWS);
  const linkable = (item: ImportedActivity) => !report.dryRun && item.projectId && item.outcome !== 'SKIPPED' && item.outcome !== 'FAILED';
  return (
    <Section title={t('iati:report.activitiesTitle')}>
      {/* Focusable, so that a keyboard scrolls the table sideways on a narrow screen. */}
      <Table.ScrollContainer minWidth={680} type="native" tabIndex={0} role="region" aria-label={t('iati:report.activitiesCaption')}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('iati:report.activitiesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('iati:report.index')}</Table.Th>
              <Table.Th>{t('iati:report.activity')}</Table.Th>
              <Table.Th>{t('iati:report.outcome')}</Table.Th>
              <Table.Th>{t('iati:report.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => (
              <Table.Tr key={item.index}>
                <Table.Td>{format.number(item.index)}</Table.Td>
                <Table.Td maw={360}>
                  {linkable(item) ? (
                    <Anchor component={Link} to={`/projects/${item.projectId}`} size="sm" fw={500}>
                      {item.title ?? t('iati:report.untitled')}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {item.title ?? t('iati:report.untitled')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {item.identifier ?? t('iati:report.noIdentifier')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={item.outcome} dryRun={report.dryRun} />
                </Table.Td>
                <Table.Td>
                  <ActivityDetails item={item} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.items.length > FIRST_ROWS && (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {all ? t('iati:report.shownAll', { count: report.items.length }) : t('iati:report.shownFirst', { shown: format.number(FIRST_ROWS), count: report.items.length })}
          </Text>
          <Button variant="default" size="xs" onClick={() => setAll(!all)}>
            {all ? t('iati:report.showFewer', { shown: format.number(FIRST_ROWS) }) : t('iati:report.showAll', { count: report.items.length })}
          </Button>
        </Group>
      )}
      {report.itemsNotListed > 0 && (
        <Text size="sm" c="dimmed">
          {t('iati:report.notListed', { count: report.itemsNotListed })}
        </Text>
      )}
    </Section>
  );
}

/** The report of one run (a check or an import): the counts, why activities were left out, what needs a person's attention, every activity. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('iati');
  const format = useFormat();
  const { user } = useSession();
  const staff = !!user && STAFF.includes(user.role);
  const counts: Record<ImportOutcome, number> = { CREATED: report.created, UPDATED: report.updated, UNCHANGED: report.unchanged, SKIPPED: report.skipped, FAILED: report.failed };
  const skipped = Object.entries(report.skippedByReason).filter(([, count]) => (count ?? 0) > 0);
  const placed = PLACEMENT_RULES.reduce((sum, rule) => sum + report.placements[rule], 0);
  const seconds = format.decimal(report.durationMs / 1000, 1);

  return (
    <Stack>
      <Title order={2} size="h3">
        {report.dryRun ? t('iati:report.dryTitle') : t('iati:report.doneTitle')}
      </Title>
      <Alert color={report.failed > 0 ? 'orange' : report.dryRun ? 'blue' : 'green'} variant="light" role="status">
        <Text size="sm">{t('iati:report.summary', { count: report.activities, file: report.file, seconds })}</Text>
        {report.organisation && <Text size="sm">{t('iati:report.forOrganisation', { name: report.organisation.name ?? report.organisation.iatiIdentifier ?? '' })}</Text>}
        <Text size="sm" fw={500} mt={4}>
          {report.dryRun ? t('iati:report.dryText') : report.failed > 0 ? t('iati:report.failedText', { count: report.failed }) : t('iati:report.doneText')}
        </Text>
      </Alert>

      <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm" component="dl" m={0}>
        {OUTCOMES.map((outcome) => (
          <Paper key={outcome} withBorder p="sm" radius="md" data-outcome={outcome}>
            <Text component="dt" size="sm" c="dimmed">
              {t(report.dryRun ? `iati:countDry.${outcome}` : `iati:count.${outcome}`)}
            </Text>
            <Text component="dd" m={0} fz={28} fw={700} lh={1.2} c={outcome === 'FAILED' && counts.FAILED > 0 ? 'red.9' : undefined}>
              {format.number(counts[outcome])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      {report.organisationsCreated.length > 0 && (
        <Section title={t(report.dryRun ? 'iati:report.organisationsDryTitle' : 'iati:report.organisationsTitle', { count: report.organisationsCreated.length })}>
          <Text size="sm">{report.dryRun ? t('iati:report.organisationsDryText') : t('iati:report.organisationsText')}</Text>
          <List size="sm" spacing={2}>
            {report.organisationsCreated.map((organisation) => (
              <List.Item key={organisation.id}>
                {report.dryRun ? (
                  organisation.name
                ) : (
                  <Anchor component={Link} to={`/organisations/${organisation.id}`} size="sm">
                    {organisation.name}
                  </Anchor>
                )}{' '}
                <Text span size="xs" c="dimmed">
                  ({organisation.iatiIdentifier ?? t('iati:report.noOrganisationIdentifier')})
                </Text>
              </List.Item>
            ))}
          </List>
          {!report.dryRun &&
            (staff ? (
              <Anchor component={Link} to={AWAITING_CONFIRMATION_PATH} size="sm" fw={500}>
                {t('iati:report.openAwaiting')}
              </Anchor>
            ) : (
              <Text size="sm">{t('iati:report.secretariatConfirms')}</Text>
            ))}
        </Section>
      )}

      {skipped.length > 0 && (
        <Section title={t('iati:report.skippedTitle')}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('iati:report.reason')}</Table.Th>
                <Table.Th ta="right">{t('iati:report.activitiesCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skipped.map(([reason, count]) => (
                <Table.Tr key={reason}>
                  <Table.Td>{t(`iati:skip.${reason}`)}</Table.Td>
                  <Table.Td ta="right">{format.number(count ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, md: report.unmappedSectors.length > 0 ? 2 : 1 }} spacing="md">
        <Section title={t('iati:report.placementsTitle')}>
          {placed === 0 ? (
            <Text size="sm" c="dimmed">
              {t('iati:report.noPlacements')}
            </Text>
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {PLACEMENT_RULES.map((rule) => (
                  <Table.Tr key={rule}>
                    <Table.Th scope="row" fw={400}>
                      {t(`iati:placement.${rule}`)}
                    </Table.Th>
                    <Table.Td ta="right">{format.number(report.placements[rule])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {report.placements.COUNTRY > 0 && (
            <Text size="xs" c="dimmed">
              {t('iati:report.countryHint')}
            </Text>
          )}
        </Section>
        {report.unmappedSectors.length > 0 && (
          <Section title={t('iati:report.sectorsTitle')}>
            <Text size="sm">{t('iati:report.sectorsText')}</Text>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('iati:report.sectorCode')}</Table.Th>
                  <Table.Th>{t('iati:report.vocabulary')}</Table.Th>
                  <Table.Th ta="right">{t('iati:report.activitiesCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.unmappedSectors.map((sector) => (
                  <Table.Tr key={`${sector.vocabulary}-${sector.code}`}>
                    <Table.Td>
                      <Code>{sector.code}</Code>
                    </Table.Td>
                    <Table.Td>{sector.vocabulary}</Table.Td>
                    <Table.Td ta="right">{format.number(sector.activities)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        )}
      </SimpleGrid>

      {report.items.length > 0 && <ActivitiesTable report={report} />}
    </Stack>
  );
}
