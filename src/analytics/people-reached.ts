import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "People reached by accepted activity reports at or inside a unit (on the cell's theme, for a theme cell)." })
export class PeopleReached {
  @Field(() => Int, { description: 'Accepted reports.' })
  reports: number;

  @Field(() => Int, { description: 'Participants counted in them (reports without a count add nothing).' })
  total: number;

  @Field(() => Int, { description: 'Of them women.' })
  women: number;

  @Field(() => Int, { description: 'Of them men.' })
  men: number;

  @Field(() => Int, { description: 'Of them young people.' })
  youth: number;
}

interface Row {
  unit_code: string;
  theme_code: string;
  reports: string;
  total: string;
  women: string;
  men: string;
  youth: string;
}

/**
 * People reached per coverage cell, for a whole page of cells in one statement. A report counts
 * once per cell even when it has several places inside it.
 */
export function createPeopleReachedLoader(em: EntityManager) {
  return new DataLoader<{ unitCode: string; themeCode: string | null }, PeopleReached, string>(
    async (keys) => {
      const rows = await em.getConnection().execute<Row[]>(
        `select k.unit_code, k.theme_code, count(r.id) as reports,
           coalesce(sum(r.participants_total), 0) as total, coalesce(sum(r.participants_women), 0) as women,
           coalesce(sum(r.participants_men), 0) as men, coalesce(sum(r.participants_youth), 0) as youth
         from unnest(string_to_array(?, ','), string_to_array(?, ',')) as k(unit_code, theme_code)
         join admin_unit u on u.code = k.unit_code
         left join activity_report r on r.status = 'ACCEPTED'
           and exists (select 1 from activity_place p join admin_unit pu on pu.code = p.unit_code
                       where p.report_id = r.id and (pu.path = u.path or pu.path like u.path || '.%'))
           and (k.theme_code = '' or exists (select 1 from activity_report_theme rt where rt.report_id = r.id and rt.theme_code = k.theme_code))
         group by k.unit_code, k.theme_code`,
        [keys.map((key) => key.unitCode).join(','), keys.map((key) => key.themeCode ?? '').join(',')],
      );
      const byKey = new Map(rows.map((row) => [`${row.unit_code}|${row.theme_code}`, row]));
      return keys.map((key) => {
        const row = byKey.get(`${key.unitCode}|${key.themeCode ?? ''}`);
        return Object.assign(new PeopleReached(), {
          reports: Number(row?.reports ?? 0),
          total: Number(row?.total ?? 0),
          women: Number(row?.women ?? 0),
          men: Number(row?.men ?? 0),
          youth: Number(row?.youth ?? 0),
        });
      });
    },
    { cacheKeyFn: (key) => `${key.unitCode}|${key.themeCode ?? ''}` },
  );
}
