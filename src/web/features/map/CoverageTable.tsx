import { Button, Table, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CoverageRow {
  code: string;
  parentCode: string | null;
  name: string;
  projects: number;
  organisations: number;
  /** Committed money in the chosen currency; null when a rate is missing. */
  funding: number | null;
  fundingText: string;
  gap: boolean;
}

type SortKey = 'name' | 'projects' | 'organisations' | 'funding';

/** The map's figures as a table, sortable by each column, each unit opening its projects. */
export function CoverageTable({ rows, onSelect, formatNumber }: { rows: CoverageRow[]; onSelect(code: string): void; formatNumber(value: number): string }) {
  const { t } = useTranslation('map');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const sorted = [...rows].sort((a, b) => {
    const order = sort.key === 'name' ? a.name.localeCompare(b.name, document.documentElement.lang) : (a[sort.key] ?? -1) - (b[sort.key] ?? -1);
    return sort.descending ? -order : order;
  });
  const header = (key: SortKey) => (
    <Table.Th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton fw={600} fz="sm" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'name' })}>
        {t(`table.${key}`)} {sort.key === key ? (sort.descending ? '↓' : '↑') : ''}
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            {header('name')}
            {header('projects')}
            {header('organisations')}
            {header('funding')}
            <Table.Th>
              <span className="visually-hidden">{t('table.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td>{row.gap ? `${row.name} — ${t('legend.gap')}` : row.name}</Table.Td>
              <Table.Td>{formatNumber(row.projects)}</Table.Td>
              <Table.Td>{formatNumber(row.organisations)}</Table.Td>
              <Table.Td>{row.fundingText}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" onClick={() => onSelect(row.code)} aria-label={t('table.showProjectsOf', { name: row.name })}>
                  {t('table.showProjects')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
