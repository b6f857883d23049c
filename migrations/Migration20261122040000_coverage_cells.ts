import { Migration } from '@mikro-orm/migrations';
import { splitStatements } from './Migration20261122020000_analytics_incremental';

/**
 * The coverage map without filters, in the reporting currency (USD), kept per unit and theme.
 *
 * A district × theme map of 10,000 projects reads some 24,000 (unit, project) links and 13,000
 * transactions when computed on request (about 250 ms in PostgreSQL). The map everyone opens
 * first has no filter, so its cells are kept in `analytics_cell` (one row per unit and theme,
 * theme '' for "all themes"), changed by the difference each recomputed project makes:
 * `analytics_apply` notes the projects' contributions before and after it recomputes them and
 * adds the difference. Organisation bits of a cell follow `analytics_cell_org` (projects per
 * cell and organisation): a bit changes only when an organisation's count leaves or reaches 0.
 * `analytics_money` holds each project's money in USD, so the contribution taken out is exactly
 * the one put in. Recorded transactions are noted in `analytics_money_dirty` (pairs do not
 * depend on money); a changed exchange rate recomputes every project's money and the cells' money,
 * and a large batch rebuilds the cells from scratch.
 * Filtered maps and other currencies are still computed on request (coverage.service.ts).
 */
export class Migration20261122040000_coverage_cells extends Migration {
  override async up(): Promise<void> {
    for (const statement of splitStatements(CELLS_SQL)) this.addSql(statement);
    // Build the cells for the data already there, when this migration's transaction commits.
    this.addSql(`insert into analytics_money_dirty values ('${EVERY_PROJECT}');`);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists analytics_money_dirty_${event} on funding_transaction;`);
    this.addSql('drop trigger if exists analytics_money_apply on analytics_money_dirty;');
    this.addSql('drop trigger if exists analytics_rate_money on exchange_rate;');
    this.addSql(`create or replace function analytics_apply() returns trigger language plpgsql as $fn$${PREVIOUS_APPLY}$fn$;`);
    this.addSql(
      'drop function if exists analytics_note_money(), analytics_note_all_money(), analytics_money_refresh(uuid[]), analytics_cell_contributions(uuid[]), analytics_cells_note(uuid[], int), analytics_cells_change(), analytics_cells_rebuild(), analytics_cells_money_rebuild();',
    );
    this.addSql('drop table if exists analytics_cell, analytics_cell_org, analytics_cell_change, analytics_money, analytics_money_dirty cascade;');
  }
}

const EVERYTHING = '00000000-0000-0000-0000-000000000000';
/** In analytics_money_dirty: every project's money and cells, from scratch. */
const EVERY_PROJECT = '00000000-0000-0000-0000-000000000000';
/** In analytics_money_dirty: the money of every project, and nothing else about the cells (an exchange rate changed). */
const EVERY_PROJECTS_MONEY = '00000000-0000-0000-0000-000000000001';
/** Above this many changed projects, rebuilding the cells is cheaper than differences. */
const CELL_DELTA_LIMIT = 2000;

const CELLS_SQL = String.raw`
create table analytics_money (
  project_id uuid primary key,
  committed numeric not null,
  disbursed numeric not null,
  unconvertible int not null
);

create table analytics_cell (
  unit_code text not null,
  theme_code text not null,
  projects int not null,
  direct_projects int not null,
  committed numeric not null,
  disbursed numeric not null,
  unconvertible int not null,
  organisation_bits varbit not null,
  primary key (unit_code, theme_code)
);

create table analytics_cell_org (
  unit_code text not null,
  theme_code text not null,
  organisation_id uuid not null,
  projects int not null,
  primary key (unit_code, theme_code, organisation_id)
);

-- The organisations that just left a cell, to delete: a handful of rows, never the whole table.
create index analytics_cell_org_empty_idx on analytics_cell_org (unit_code) where projects = 0;

create table analytics_money_dirty (project_id uuid primary key);

-- Contributions noted during one maintenance (under its advisory lock) and emptied at its end;
-- a plain table, since creating a temporary one on every commit costs more than the work.
create unlogged table analytics_cell_change (
  unit_code text not null,
  theme_code text not null,
  direct boolean not null,
  committed numeric not null,
  disbursed numeric not null,
  unconvertible int not null,
  organisations uuid[] not null,
  sign int not null
);

-- Each project's commitments and disbursements in USD, converted as coverage.service.ts does:
-- at the rate of the transaction's day (analytics_rate_day), else the latest one before it.
create function analytics_money_refresh(ids uuid[]) returns void language plpgsql as $fn$
begin
  delete from analytics_money where project_id = any(ids);
  insert into analytics_money (project_id, committed, disbursed, unconvertible)
  select t.project_id,
    coalesce(sum(x.converted) filter (where t.type = 'COMMITMENT'), 0),
    coalesce(sum(x.converted) filter (where t.type = 'DISBURSEMENT'), 0),
    count(*) filter (where x.converted is null)
  from funding_transaction t
  left join analytics_rate_day rc on rc.currency = t.currency and rc.day = t.value_date
  cross join lateral (select case when t.currency = 'USD' then t.amount
    else t.amount * coalesce(rc.rate, (select r.rate from exchange_rate r where r.currency = t.currency and r.date <= t.value_date order by r.date desc limit 1)) end
    as converted) x
  where t.type in ('COMMITMENT', 'DISBURSEMENT') and t.project_id = any(ids)
    and exists (select 1 from analytics_project p where p.id = t.project_id)
  group by t.project_id;
end $fn$;

-- What projects add to the cells: one row per unit they reach and theme ('' = all themes);
-- money only where the project works directly, split by the unit's weight.
create function analytics_cell_contributions(ids uuid[])
returns table (unit_code text, theme_code text, direct boolean, committed numeric, disbursed numeric, unconvertible int, organisations uuid[], organisation_bits varbit)
language sql stable as $fn$
  select l.unit_code, t.theme_code, l.direct,
    case when l.direct then coalesce(m.committed, 0) * l.weight else 0 end,
    case when l.direct then coalesce(m.disbursed, 0) * l.weight else 0 end,
    case when l.direct then coalesce(m.unconvertible, 0) else 0 end,
    p.organisations, p.organisation_bits
  from analytics_link l join analytics_project p on p.id = l.project_id
  left join analytics_money m on m.project_id = l.project_id
  cross join lateral (select unnest(p.themes) union all select '') as t(theme_code)
  where l.project_id = any(ids)
$fn$;

-- Notes the contributions of these projects with a sign: -1 before they are recomputed, +1 after.
create function analytics_cells_note(ids uuid[], sign int) returns void language plpgsql as $fn$
begin
  insert into analytics_cell_change
  select c.unit_code, c.theme_code, c.direct, c.committed, c.disbursed, c.unconvertible, c.organisations, sign
  from analytics_cell_contributions(ids) c;
end $fn$;

-- Adds the noted differences to the cells.
create function analytics_cells_change() returns void language plpgsql as $fn$
declare
  capacity int;
begin
  select greatest(1024, ((coalesce(max(position), 0) + 1023) / 1024) * 1024) into capacity from analytics_organisation;
  update analytics_cell set organisation_bits = organisation_bits || repeat('0', capacity - length(organisation_bits))::varbit
  where length(organisation_bits) < capacity;

  insert into analytics_cell as c (unit_code, theme_code, projects, direct_projects, committed, disbursed, unconvertible, organisation_bits)
  select d.unit_code, d.theme_code, sum(d.sign), coalesce(sum(d.sign) filter (where d.direct), 0),
    sum(d.sign * d.committed), sum(d.sign * d.disbursed), sum(d.sign * d.unconvertible), repeat('0', capacity)::varbit
  from analytics_cell_change d group by d.unit_code, d.theme_code
  on conflict (unit_code, theme_code) do update set projects = c.projects + excluded.projects,
    direct_projects = c.direct_projects + excluded.direct_projects, committed = c.committed + excluded.committed,
    disbursed = c.disbursed + excluded.disbursed, unconvertible = c.unconvertible + excluded.unconvertible;

  -- An organisation's bit flips only when its number of projects in the cell leaves or reaches 0.
  with delta as (
    select d.unit_code, d.theme_code, o.id as organisation_id, sum(d.sign)::int as projects
    from analytics_cell_change d cross join unnest(d.organisations) as o(id)
    group by d.unit_code, d.theme_code, o.id having sum(d.sign) <> 0),
  counted as (
    insert into analytics_cell_org as co select * from delta
    on conflict (unit_code, theme_code, organisation_id) do update set projects = co.projects + excluded.projects
    returning co.unit_code, co.theme_code, co.organisation_id, co.projects),
  flips as (
    select n.unit_code, n.theme_code,
      coalesce(bit_or(set_bit(repeat('0', capacity)::varbit, o.position - 1, 1)) filter (where n.projects > 0), repeat('0', capacity)::varbit) as arriving,
      coalesce(bit_or(set_bit(repeat('0', capacity)::varbit, o.position - 1, 1)) filter (where n.projects = 0), repeat('0', capacity)::varbit) as leaving
    from counted n join delta d using (unit_code, theme_code, organisation_id)
    join analytics_organisation o on o.id = n.organisation_id
    where (n.projects > 0) <> (n.projects - d.projects > 0)
    group by n.unit_code, n.theme_code)
  update analytics_cell c set organisation_bits = (c.organisation_bits & ~f.leaving) | f.arriving
  from flips f where f.unit_code = c.unit_code and f.theme_code = c.theme_code;

  delete from analytics_cell_org where projects = 0;
  -- Emptied rather than deleted from: dead rows would pile up between vacuums and mislead the planner.
  truncate analytics_cell_change;
end $fn$;

-- Every project's money and every cell, from scratch.
create function analytics_cells_rebuild() returns void language plpgsql as $fn$
declare
  everyone uuid[] := array(select id from analytics_project);
begin
  truncate analytics_money, analytics_cell, analytics_cell_org;
  perform analytics_money_refresh(everyone);
  insert into analytics_cell
  select c.unit_code, c.theme_code, count(*), count(*) filter (where c.direct), sum(c.committed), sum(c.disbursed), sum(c.unconvertible),
    bit_or(c.organisation_bits)
  from analytics_cell_contributions(everyone) c group by c.unit_code, c.theme_code;
  insert into analytics_cell_org
  select c.unit_code, c.theme_code, o.id, count(*)
  from analytics_cell_contributions(everyone) c cross join unnest(c.organisations) as o(id)
  group by c.unit_code, c.theme_code, o.id;
  analyze analytics_cell;
  analyze analytics_cell_org;
end $fn$;

-- Every project's money and the money of every cell; who works where is unchanged (a rate changed).
create function analytics_cells_money_rebuild() returns void language plpgsql as $fn$
begin
  truncate analytics_money;
  perform analytics_money_refresh(array(select id from analytics_project));
  update analytics_cell set committed = 0, disbursed = 0, unconvertible = 0;
  update analytics_cell c set committed = m.committed, disbursed = m.disbursed, unconvertible = m.unconvertible
  from (
    select l.unit_code, t.theme_code, sum(m.committed * l.weight) as committed, sum(m.disbursed * l.weight) as disbursed,
      sum(m.unconvertible) as unconvertible
    from analytics_link l join analytics_project p on p.id = l.project_id join analytics_money m on m.project_id = l.project_id
    cross join lateral (select unnest(p.themes) union all select '') as t(theme_code)
    where l.direct group by l.unit_code, t.theme_code) m
  where c.unit_code = m.unit_code and c.theme_code = m.theme_code;
end $fn$;

create function analytics_note_money() returns trigger language plpgsql as $fn$
begin
  if TG_OP in ('INSERT', 'UPDATE') then
    insert into analytics_money_dirty select distinct project_id from analytics_new on conflict do nothing;
  end if;
  if TG_OP in ('DELETE', 'UPDATE') then
    insert into analytics_money_dirty select distinct project_id from analytics_old on conflict do nothing;
  end if;
  return null;
end $fn$;

create trigger analytics_money_dirty_insert after insert on funding_transaction referencing new table as analytics_new for each statement execute function analytics_note_money();

create trigger analytics_money_dirty_update after update on funding_transaction referencing old table as analytics_old new table as analytics_new for each statement execute function analytics_note_money();

create trigger analytics_money_dirty_delete after delete on funding_transaction referencing old table as analytics_old for each statement execute function analytics_note_money();

create function analytics_note_all_money() returns trigger language plpgsql as $fn$
begin
  insert into analytics_money_dirty values ('${EVERY_PROJECTS_MONEY}') on conflict do nothing;
  return null;
end $fn$;

-- Money is converted through analytics_rate_day: the cells' money is rebuilt at commit, after the days.
create trigger analytics_rate_money after insert or update or delete or truncate on exchange_rate for each statement execute function analytics_note_all_money();

create or replace function analytics_apply() returns trigger language plpgsql as $fn$
declare
  ids uuid[];
  money_ids uuid[];
  touched uuid[];
begin
  if not exists (select 1 from analytics_dirty) and not exists (select 1 from analytics_money_dirty) then return null; end if;
  -- One maintainer at a time: a later one then sees the pairs the earlier one committed.
  perform pg_advisory_xact_lock(7301001);
  with claimed as (delete from analytics_dirty returning project_id) select array_agg(project_id) into ids from claimed;
  with claimed as (delete from analytics_money_dirty returning project_id) select array_agg(project_id) into money_ids from claimed;
  if ids is null and money_ids is null then return null; end if;
  if '${EVERYTHING}' = any(coalesce(ids, '{}')) then
    refresh materialized view analytics_unit;
    refresh materialized view analytics_theme;
    truncate analytics_overlap, analytics_project, analytics_link, analytics_organisation;
    update analytics_overlap_total set different_organisations = 0, same_organisation = 0;
    perform analytics_refresh(array(select id from project));
    perform analytics_cells_rebuild();
    return null;
  end if;
  touched := array(select distinct x from unnest(coalesce(ids, '{}') || coalesce(money_ids, '{}')) x where x <> '${EVERY_PROJECTS_MONEY}');
  if '${EVERY_PROJECT}' = any(touched) or cardinality(touched) > ${CELL_DELTA_LIMIT} then
    if ids is not null then perform analytics_refresh(ids); end if;
    perform analytics_cells_rebuild();
    return null;
  end if;
  if cardinality(touched) > 0 then
    perform analytics_cells_note(touched, -1);
    if ids is not null then perform analytics_refresh(ids); end if;
    perform analytics_money_refresh(touched);
    perform analytics_cells_note(touched, 1);
    perform analytics_cells_change();
  end if;
  -- After the differences, so that every cell's money is converted at the new rates.
  if '${EVERY_PROJECTS_MONEY}' = any(coalesce(money_ids, '{}')) then perform analytics_cells_money_rebuild(); end if;
  return null;
end $fn$;

create constraint trigger analytics_money_apply after insert on analytics_money_dirty deferrable initially deferred for each row execute function analytics_apply();
`;

/** analytics_apply as Migration20261122020000_analytics_incremental left it, for `down`. */
const PREVIOUS_APPLY = `
declare
  ids uuid[];
begin
  if not exists (select 1 from analytics_dirty) then return null; end if;
  perform pg_advisory_xact_lock(7301001);
  with claimed as (delete from analytics_dirty returning project_id) select array_agg(project_id) into ids from claimed;
  if ids is null then return null; end if;
  if '${EVERYTHING}' = any(ids) then
    refresh materialized view analytics_unit;
    refresh materialized view analytics_theme;
    truncate analytics_overlap, analytics_project, analytics_link, analytics_organisation;
    update analytics_overlap_total set different_organisations = 0, same_organisation = 0;
    ids := array(select id from project);
  end if;
  perform analytics_refresh(ids);
  return null;
end `;
