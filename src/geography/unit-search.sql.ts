import type { EntityManager } from '@mikro-orm/postgresql';
import { escapeLike } from '../common/search';
import { type Sql, sql, sqlText } from '../common/sql';
import { foldPlaceName, kindsNamed } from './search-fold';

/**
 * Finding units by what people type. Every name, village and code of a unit is an alias
 * (`admin_unit_alias`), its `key` folded by `foldPlaceName`; a search folds the text the same
 * way and ranks each unit by its best alias:
 *   a code (the unit's own, its SOATE code or a former code), typed in full ........ 4
 *   a name equal to the text ...... 3        a village equal to it ................ 2.5
 *   a name starting with it ....... 2        a village starting with it ........... 1.8
 *   a name containing it .......... 1.5      a village containing it .............. 1.3
 *   when nothing matched so, with pg_trgm, the trigram word similarity (0–1; villages × 0.8),
 *   above 0.4, which forgives small misspellings ("Batkin", "Nookkat").
 * A generic word in the text ("rayon", "айыл аймагы") adds 0.5 to units of that kind. Ties go
 * to the larger unit, then tree order. Without pg_trgm (a server that lacks the
 * extension) only the exact, prefix and substring matches count.
 */

/** The search's SQL: the CTE `search_hits (code, score)` to join units with (to follow `with`). */
export type UnitSearchSql = Sql;

const TRGM = new WeakMap<object, Promise<boolean>>();

/** Whether the database has pg_trgm (asked once per connection pool). */
export function hasTrigrams(em: EntityManager): Promise<boolean> {
  const knex = em.getConnection().getKnex();
  let answer = TRGM.get(knex);
  if (!answer) {
    answer = em
      .getConnection()
      .execute<{ present: boolean }[]>("select exists (select 1 from pg_extension where extname = 'pg_trgm') as present")
      .then(
        ([row]) => row.present,
        () => false,
      );
    TRGM.set(knex, answer);
  }
  return answer;
}

export async function unitSearchSql(em: EntityManager, text: string): Promise<UnitSearchSql | null> {
  const key = foldPlaceName(text);
  const code = text.trim().toUpperCase();
  if (!key && !code) return null;
  const trigrams = await hasTrigrams(em);
  const prefix = `${escapeLike(key)}%`;
  const infix = `%${escapeLike(key)}%`;
  const kinds = `{${kindsNamed(text).join(',')}}`;
  const names =
    key === ''
      ? sqlText('')
      : sql`union all
      select a.unit_code, case
          when a.key = ${key} then case when a.kind = 'VILLAGE' then 2.5 else 3.0 end
          when a.key like ${prefix} then case when a.kind = 'VILLAGE' then 1.8 else 2.0 end
          else case when a.kind = 'VILLAGE' then 1.3 else 1.5 end end
      from admin_unit_alias a
      where a.kind in ('NAME', 'VILLAGE') and a.key like ${infix}`;
  // Similar words only when nothing matched outright: the similarity of every alias is the costly
  // part of a search, and a text that a name contains needs no guessing. `<%` compares with the
  // connection's threshold (WORD_SIMILARITY_THRESHOLD in src/db/orm.ts).
  const similar =
    trigrams && key !== ''
      ? sql`union all
      select a.unit_code, word_similarity(${key}, a.key) * (case when a.kind = 'VILLAGE' then 0.8 else 1 end)
      from admin_unit_alias a
      where not exists (select 1 from search_direct) and a.kind in ('NAME', 'VILLAGE') and ${key} <% a.key`
      : sqlText('');
  return sql`search_direct as (
    select u.code, 4.0 as score from admin_unit u where u.code = ${code}
    union all
    select a.unit_code, 4.0 from admin_unit_alias a where a.kind in ('SOATE_CODE', 'FORMER_CODE') and a.key = ${code}
    ${names}
  ), search_scores as (
    select code, max(score) as score from (
      select code, score from search_direct
      ${similar}
    ) hits
    group by code
  ), search_hits as (
    select h.code, h.score + case when u.kind = any(${kinds}::text[]) then 0.5 else 0 end as score
    from search_scores h join admin_unit u on u.code = h.code
  )`;
}
