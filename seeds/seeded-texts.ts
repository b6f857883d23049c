import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Language, type Translations } from '../src/common/localized-text';

/** The texts a seed gives one of its rows, so that a row an earlier seed wrote can be brought up to date. */
export interface SeededTexts {
  /** Table of the row (e.g. `meeting`). */
  table: string;
  /** The row's seed id. */
  id: string;
  /** Each text by the column prefix of its TranslatedText (`title_` → `title_ky`, `title_ru`, `title_en`). */
  texts: Record<string, Translations>;
  /** The row's `source`, where the seed gives one. */
  source?: string;
  /** Other columns that follow from the texts (e.g. a search key), computed from the texts as written. */
  derived?: (texts: Record<string, Translations>) => Record<string, string>;
}

const LANGUAGES = Object.values(Language);
const REFERENCE_NAME = 'seeded-texts';

type Row = Record<string, string | number | null>;

/** What a row's texts become: the seed's where no one has edited the row, else the row's with gaps filled. */
function target(current: Row, seeded: SeededTexts): Row {
  const untouched = Number(current.version) === 1;
  const next: Row = {};
  for (const [prefix, values] of Object.entries(seeded.texts)) {
    for (const language of LANGUAGES) {
      const column = `${prefix}${language}`;
      const value = values[language]?.trim() || null;
      next[column] = untouched ? value : (current[column] ?? value);
    }
  }
  if (seeded.source !== undefined) next.source = untouched ? seeded.source : (current.source ?? seeded.source);
  return next;
}

/**
 * Brings the texts of seeded rows that an earlier version of the seeds wrote (e.g. English only)
 * to the seeds' texts, once per version of those texts (its hash is kept in `reference_data`).
 * A row no one has edited (`version` still 1) gets the seeds' texts and source; a row someone has
 * edited keeps its texts and only gets the languages it lacks. Rows are updated in place: same id,
 * `version` and `updated_at` (a briefing would otherwise count every seeded project as changed).
 * Rows that are not there (deleted, or not yet seeded) are skipped. Returns how many rows changed.
 */
export async function upgradeSeededTexts(em: EntityManager, rows: SeededTexts[]): Promise<number> {
  const version = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
  const [stored] = await em.execute<{ version: string }[]>('select version from reference_data where name = ?', [REFERENCE_NAME]);
  if (stored?.version === version) return 0;
  const knex = em.getConnection().getKnex();
  let changed = 0;
  const tables = new Map<string, SeededTexts[]>();
  for (const row of rows) tables.set(row.table, [...(tables.get(row.table) ?? []), row]);
  for (const [table, seeded] of tables) {
    const columns = [
      ...new Set(
        seeded.flatMap((row) => [
          ...Object.keys(row.texts).flatMap((prefix) => LANGUAGES.map((language) => `${prefix}${language}`)),
          ...(row.source !== undefined ? ['source'] : []),
        ]),
      ),
    ];
    const currentRows = await em.execute<Row[]>(
      knex(table)
        .select('id', 'version', ...columns)
        .whereIn(
          'id',
          seeded.map((row) => row.id),
        )
        .toQuery(),
    );
    const byId = new Map(currentRows.map((row) => [row.id as string, row]));
    for (const row of seeded) {
      const current = byId.get(row.id);
      if (!current) continue;
      const next = target(current, row);
      if (Object.entries(next).every(([column, value]) => current[column] === value)) continue;
      const texts = Object.fromEntries(
        Object.keys(row.texts).map((prefix) => [prefix, Object.fromEntries(LANGUAGES.map((language) => [language, next[`${prefix}${language}`] as string | null]))]),
      );
      await em.execute(
        knex(table)
          .update({ ...next, ...row.derived?.(texts) })
          .where('id', row.id)
          .toQuery(),
        [],
        'run',
      );
      changed += 1;
    }
  }
  await em.execute(
    `insert into reference_data (name, version, loaded_at) values (?, ?, now())
     on conflict (name) do update set version = excluded.version, loaded_at = excluded.loaded_at`,
    [REFERENCE_NAME, version],
    'run',
  );
  return changed;
}
