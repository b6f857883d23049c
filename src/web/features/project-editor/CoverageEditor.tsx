import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Box, Button, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorUnitChildrenDocument, EditorUnitSearchDocument } from '../../gql/graphql';
import { ProjectCoverageMap } from '../projects/ProjectCoverageMap';
import { type CoverageRow, type PickedUnit, unitOf } from './model';

const COUNTRY = 'KG';

/** "Batken rayon — Batken oblast (district)": enough to tell namesakes apart. */
function useUnitLabel() {
  const { t } = useTranslation(['geography']);
  return (unit: PickedUnit) => `${[unit.name ?? unit.code, unit.parentName].filter(Boolean).join(' — ')} (${t(`geography:level.${unit.level}`)})`;
}

/** Finds a unit by typing its name in Cyrillic or Latin, or its code; picking one adds it. */
function UnitSearch({ chosen, onPick }: { chosen: Set<string>; onPick(unit: PickedUnit): void }) {
  const { t } = useTranslation(['projectEditor', 'geography', 'common']);
  const label = useUnitLabel();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useQuery(EditorUnitSearchDocument, { variables: { search: debounced }, skip: debounced.length < 2 });
  const units = (found.data?.adminUnits.nodes ?? []).map(unitOf).filter((unit) => !chosen.has(unit.code));
  return (
    <Select
      label={t('projectEditor:coverage.search')}
      description={t('projectEditor:coverage.searchHint')}
      placeholder={t('geography:search.placeholder')}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={units.map((unit) => ({ value: unit.code, label: label(unit) }))}
      onChange={(code) => {
        const unit = units.find((entry) => entry.code === code);
        if (unit) onPick(unit);
        setSearch('');
      }}
      nothingFoundMessage={debounced.length < 2 ? t('geography:search.typeMore') : found.loading ? t('common:loading') : t('geography:search.none')}
    />
  );
}

/** One unit of the tree: a checkbox to choose it and, above ayil aimaks, a button to open what is inside. */
function TreeNode({ unit, chosen, inside, onToggle }: { unit: PickedUnit; chosen: Set<string>; inside: Set<string>; onToggle(unit: PickedUnit, on: boolean): void }) {
  const { t } = useTranslation(['projectEditor', 'geography']);
  const [open, setOpen] = useState(false);
  const name = unit.name ?? unit.code;
  const leaf = unit.level === 'MUNICIPALITY';
  return (
    <li>
      <Group gap={6} wrap="nowrap" py={2}>
        {leaf ? (
          <Box w={28} />
        ) : (
          <ActionIcon
            variant="subtle"
            size="md"
            aria-expanded={open}
            aria-label={t(open ? 'projectEditor:tree.close' : 'projectEditor:tree.open', { name })}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </ActionIcon>
        )}
        <Checkbox
          label={`${name} (${t(`geography:level.${unit.level}`)})`}
          checked={chosen.has(unit.code)}
          indeterminate={!chosen.has(unit.code) && inside.has(unit.code)}
          onChange={(event) => onToggle(unit, event.currentTarget.checked)}
        />
      </Group>
      {open && <TreeChildren code={unit.code} chosen={chosen} inside={inside} onToggle={onToggle} />}
    </li>
  );
}

function TreeChildren({ code, chosen, inside, onToggle }: { code: string; chosen: Set<string>; inside: Set<string>; onToggle(unit: PickedUnit, on: boolean): void }) {
  const { t } = useTranslation(['projectEditor', 'common']);
  const { data, loading, error } = useQuery(EditorUnitChildrenDocument, { variables: { code }, fetchPolicy: 'cache-first' });
  if (loading && !data) return <Loader size="xs" ml={34} aria-label={t('common:loading')} />;
  if (error)
    return (
      <Text size="sm" c="red.8" ml={34}>
        {t('projectEditor:tree.failed')}
      </Text>
    );
  const children = data?.adminUnit?.children ?? [];
  if (!children.length)
    return (
      <Text size="sm" c="dimmed" ml={34}>
        {t('projectEditor:tree.empty')}
      </Text>
    );
  return (
    <Box component="ul" style={{ listStyle: 'none' }} pl={code === COUNTRY ? 0 : 28} m={0}>
      {children.map((child) => (
        <TreeNode key={child.code} unit={unitOf(child)} chosen={chosen} inside={inside} onToggle={onToggle} />
      ))}
    </Box>
  );
}

/**
 * Where the project works: units found by name, or browsed region → district → ayil aimak; the
 * chosen units with an optional share each, and a map of them.
 */
export function CoverageEditor({ rows, onChange, errors }: { rows: CoverageRow[]; onChange(rows: CoverageRow[]): void; errors: Record<string, string | undefined> }) {
  const { t } = useTranslation(['projectEditor', 'geography', 'common']);
  const label = useUnitLabel();
  const [browsing, setBrowsing] = useState(false);
  const chosen = new Set(rows.map((row) => row.code));
  const inside = new Set(rows.flatMap((row) => row.ancestors));
  const add = (unit: PickedUnit) => {
    if (!chosen.has(unit.code)) onChange([...rows, { ...unit, share: '' }]);
  };
  const remove = (code: string) => onChange(rows.filter((row) => row.code !== code));
  const toggle = (unit: PickedUnit, on: boolean) => (on ? add(unit) : remove(unit.code));
  const country = useQuery(EditorUnitChildrenDocument, { variables: { code: COUNTRY }, fetchPolicy: 'cache-first', skip: !browsing });

  return (
    <Stack gap="sm">
      <UnitSearch chosen={chosen} onPick={add} />
      <div>
        <Button variant="light" size="xs" aria-expanded={browsing} onClick={() => setBrowsing(!browsing)}>
          {browsing ? t('projectEditor:tree.hide') : t('projectEditor:tree.show')}
        </Button>
        {browsing && (
          <Box
            mt="xs"
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, maxHeight: 420, overflowY: 'auto' }}
            role="group"
            aria-label={t('projectEditor:tree.label')}
          >
            {country.data?.adminUnit && (
              <Checkbox
                mb={4}
                label={t('projectEditor:tree.country')}
                checked={chosen.has(COUNTRY)}
                onChange={(event) => toggle(unitOf({ ...country.data!.adminUnit!, ancestors: [] }), event.currentTarget.checked)}
              />
            )}
            <TreeChildren code={COUNTRY} chosen={chosen} inside={inside} onToggle={toggle} />
          </Box>
        )}
      </div>
      <Title order={3} size="h5">
        {t('projectEditor:coverage.chosen', { count: rows.length })}
      </Title>
      {errors.coverage && (
        <Alert color="red" role="alert" p="xs">
          {errors.coverage}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('projectEditor:coverage.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projectEditor:coverage.place')}</Table.Th>
                <Table.Th w={110}>{t('projectEditor:coverage.share')}</Table.Th>
                <Table.Th w={44}>
                  <span className="visually-hidden">{t('common:actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={row.code}>
                  <Table.Td>
                    <Text size="sm">{label(row)}</Text>
                    {errors[`coverage.${index}.unitCode`] && (
                      <Text size="xs" c="red.8" role="alert">
                        {errors[`coverage.${index}.unitCode`]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      label={t('projectEditor:coverage.shareOf', { name: row.name ?? row.code })}
                      labelProps={{ className: 'visually-hidden' }}
                      placeholder="%"
                      value={row.share}
                      error={errors[`coverage.${index}.share`]}
                      onChange={(event) => {
                        const share = event.currentTarget.value;
                        onChange(rows.map((entry) => (entry.code === row.code ? { ...entry, share } : entry)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('projectEditor:coverage.remove', { name: row.name ?? row.code })} onClick={() => remove(row.code)}>
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        {t('projectEditor:coverage.shareHint')}
      </Text>
      {rows.length > 0 && <ProjectCoverageMap coverage={rows.map((row) => ({ unit: { code: row.code, ancestors: row.ancestors.map((code) => ({ code })) } }))} />}
    </Stack>
  );
}
