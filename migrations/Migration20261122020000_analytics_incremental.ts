import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics kept up to date per changed project instead of refreshed whole on read.
 *
 * At 10,000 projects there are about 900,000 overlapping pairs; refreshing the materialised
 * view of all of them took minutes after any edit. Now `analytics_project` (one row per project:
 * period, themes, units as bit strings) and `analytics_overlap` (every overlapping pair once,
 * project_a < project_b) are tables. Triggers on the project tables note the changed projects in
 * `analytics_dirty`; a deferred trigger recomputes those projects and their pairs when the
 * writing transaction commits, so readers never wait for a refresh and never see stale pairs.
 * A change to the unit tree or the themes (rare: reference data) renumbers the bit strings and
 * rebuilds everything. `analytics_link` (which units each project reaches, directly or by
 * inheritance) and `analytics_rate_day` (every currency's rate per day) serve coverage, hotspots
 * and gaps. The tables are named analytics_* and skipped by the ORM's schema diff.
 */
export class Migration20261122020000_analytics_incremental extends Migration {
  override async up(): Promise<void> {
    for (const statement of DROP_REFRESH_ON_READ) this.addSql(statement);
    for (const statement of splitStatements(INCREMENTAL_SQL)) this.addSql(statement);
    // Build everything for the data already there, when this migration's transaction commits.
    this.addSql(`insert into analytics_dirty values ('${EVERYTHING}');`);
  }

  override async down(): Promise<void> {
    for (const table of PROJECT_TABLES) {
      for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists analytics_dirty_${event} on "${table}";`);
    }
    this.addSql('drop trigger if exists analytics_dirty_all on "admin_unit";');
    this.addSql('drop trigger if exists analytics_dirty_all on "theme";');
    this.addSql('drop trigger if exists analytics_rate_days on "exchange_rate";');
    this.addSql(
      'drop table if exists analytics_overlap, analytics_overlap_total, analytics_project, analytics_link, analytics_rate_day, analytics_organisation, analytics_dirty cascade;',
    );
    this.addSql(
      'drop function if exists analytics_bit_positions(varbit), analytics_apply(), analytics_refresh(uuid[]), analytics_note_projects(), analytics_note_project_update(), analytics_note_everything(), analytics_note_rates(), analytics_build_rate_days();',
    );
    this.addSql('drop materialized view if exists analytics_unit, analytics_theme cascade;');
    // The refresh-on-read views of Migration20261122002906_analytics are not rebuilt: migrate down past that one too.
  }
}

const EVERYTHING = '00000000-0000-0000-0000-000000000000';
const PROJECT_TABLES = ['project', 'project_coverage', 'project_theme', 'project_participant'];

const DROP_REFRESH_ON_READ = [
  ...[...PROJECT_TABLES, 'admin_unit', 'theme'].map((table) => `drop trigger if exists analytics_note_change on "${table}";`),
  'drop function if exists analytics_ensure_fresh(boolean);',
  'drop function if exists analytics_is_current(boolean);',
  'drop function if exists analytics_note_change();',
  'drop materialized view if exists analytics_overlap_state, analytics_project_state, analytics_overlap cascade;',
  'drop function if exists analytics_pair(analytics_project, analytics_project, varbit, varbit, varbit);',
  'drop materialized view if exists analytics_project cascade;',
  'drop sequence if exists analytics_change_seq;',
];

/** Blank lines separate statements, except inside a $fn$-quoted function body. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let pending = '';
  for (const chunk of sql.split(/\n\s*\n/)) {
    pending = pending ? `${pending}\n\n${chunk}` : chunk;
    if ((pending.match(/\$fn\$/g) ?? []).length % 2 === 0) {
      if (pending.trim()) statements.push(pending.trim());
      pending = '';
    }
  }
  return statements;
}

const INCREMENTAL_SQL = String.raw`
create table analytics_dirty (project_id uuid primary key);

create table analytics_project (
  id uuid primary key,
  period daterange not null,
  days int,
  themes text[] not null,
  theme_bits varbit not null,
  organisations uuid[] not null,
  organisation_bits varbit not null,
  named varbit not null,
  area varbit not null
);

-- A fixed bit per organisation (never renumbered), so that the organisations of many projects
-- are united with bit_or instead of sorting their ids; bit strings are as long as a multiple of
-- 1,024 that holds every position, and grow (all at once) when one more is needed.
create table analytics_organisation (
  id uuid primary key,
  position int not null unique
);

create index analytics_project_themes_idx on analytics_project using gin (themes);

create index analytics_project_period_idx on analytics_project using gist (period);

create table analytics_overlap (
  project_a uuid not null,
  project_b uuid not null,
  shared_units varbit not null,
  shared_themes varbit not null,
  period daterange not null,
  geographic numeric not null,
  time_share numeric not null,
  theme_similarity numeric not null,
  score numeric not null,
  same_organisation boolean not null,
  primary key (project_a, project_b),
  check (project_a < project_b)
);

create index analytics_overlap_b_idx on analytics_overlap (project_b);

-- (project, unit) for every unit a project reaches: direct when it names that unit or one inside
-- it (with the part of its money that falls there), inherited when it names a unit containing it.
-- Coverage, hotspots and gaps read this instead of walking the unit tree per request.
create table analytics_link (
  project_id uuid not null,
  unit_code text not null,
  direct boolean not null,
  weight numeric not null,
  primary key (project_id, unit_code)
);

create index analytics_link_unit_idx on analytics_link (unit_code);

-- The rate of every currency on every day from its first rate to ten years after the later of
-- today and its last rate: money is converted with two hash joins instead of a lookup per
-- transaction. Rebuilt whenever a rate changes (rare); later days fall back to a lookup.
create table analytics_rate_day (
  currency text not null,
  day date not null,
  rate numeric not null,
  primary key (currency, day)
);

create function analytics_build_rate_days() returns void language plpgsql as $fn$
begin
  truncate analytics_rate_day;
  insert into analytics_rate_day
  select r.currency, d::date, r.rate
  from (select currency, date, rate, lead(date) over (partition by currency order by date) as next from exchange_rate) r
  cross join lateral generate_series(r.date, coalesce(r.next - 1, greatest(current_date, r.date) + 3652), interval '1 day') as d;
end $fn$;

create function analytics_note_rates() returns trigger language plpgsql as $fn$
begin
  perform analytics_build_rate_days();
  return null;
end $fn$;

create trigger analytics_rate_days after insert or update or delete or truncate on exchange_rate for each statement execute function analytics_note_rates();

select analytics_build_rate_days();

-- The national total without counting 900,000 rows on every request.
create table analytics_overlap_total (
  singleton boolean primary key default true check (singleton),
  different_organisations bigint not null,
  same_organisation bigint not null
);

insert into analytics_overlap_total values (true, 0, 0);

create unique index analytics_unit_id_idx on analytics_unit (id);

-- Positions of the set bits (1-based): decodes a pair's shared units without testing every unit.
create function analytics_bit_positions(bits varbit) returns int[] language plpgsql immutable strict parallel safe as $fn$
declare
  positions int[] := '{}';
  base int := 0;
  found int;
  rest varbit := bits;
begin
  loop
    found := position(B'1' in rest);
    exit when found = 0;
    base := base + found;
    positions := positions || base;
    rest := substring(rest from found + 1);
  end loop;
  return positions;
end $fn$;

create index analytics_overlap_rank_idx on analytics_overlap (score desc, project_a, project_b) where not same_organisation;

create function analytics_note_projects() returns trigger language plpgsql as $fn$
begin
  -- TG_ARGV[0] names the project id column; transition tables hold the rows the statement touched.
  if TG_OP in ('INSERT', 'UPDATE') then
    execute format('insert into analytics_dirty select distinct %I from analytics_new on conflict do nothing', TG_ARGV[0]);
  end if;
  if TG_OP in ('DELETE', 'UPDATE') then
    execute format('insert into analytics_dirty select distinct %I from analytics_old on conflict do nothing', TG_ARGV[0]);
  end if;
  return null;
end $fn$;

create function analytics_note_everything() returns trigger language plpgsql as $fn$
begin
  insert into analytics_dirty values ('${EVERYTHING}') on conflict do nothing;
  return null;
end $fn$;

create trigger analytics_dirty_insert after insert on project referencing new table as analytics_new for each statement execute function analytics_note_projects('id');

-- Transition tables cannot go with a column list, so the function compares the columns that matter.
create function analytics_note_project_update() returns trigger language plpgsql as $fn$
begin
  insert into analytics_dirty
  select n.id from analytics_new n join analytics_old o on o.id = n.id
  where (n.status, n.planned_start, n.planned_end, n.actual_start, n.actual_end)
    is distinct from (o.status, o.planned_start, o.planned_end, o.actual_start, o.actual_end)
  on conflict do nothing;
  return null;
end $fn$;

create trigger analytics_dirty_update after update on project referencing old table as analytics_old new table as analytics_new for each statement execute function analytics_note_project_update();

create trigger analytics_dirty_delete after delete on project referencing old table as analytics_old for each statement execute function analytics_note_projects('id');

create trigger analytics_dirty_insert after insert on project_coverage referencing new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_update after update on project_coverage referencing old table as analytics_old new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_delete after delete on project_coverage referencing old table as analytics_old for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_insert after insert on project_theme referencing new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_update after update on project_theme referencing old table as analytics_old new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_delete after delete on project_theme referencing old table as analytics_old for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_insert after insert on project_participant referencing new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_update after update on project_participant referencing old table as analytics_old new table as analytics_new for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_delete after delete on project_participant referencing old table as analytics_old for each statement execute function analytics_note_projects('project_id');

create trigger analytics_dirty_all after insert or delete or truncate or update of path, parent_code, kind on admin_unit for each statement execute function analytics_note_everything();

create trigger analytics_dirty_all after insert or delete or truncate or update of code on theme for each statement execute function analytics_note_everything();

-- Recomputes the rows of these projects and every pair they are part of.
create function analytics_refresh(ids uuid[]) returns void language plpgsql as $fn$
declare
  m1 varbit;
  m2 varbit;
  m3 varbit;
  capacity int;
  earlier_capacity int;
begin
  select greatest(1024, ((coalesce(max(position), 0) + 1023) / 1024) * 1024) into earlier_capacity from analytics_organisation;
  insert into analytics_organisation (id, position)
  select x.id, (select coalesce(max(position), 0) from analytics_organisation) + row_number() over (order by x.id)
  from (select distinct organisation_id as id from project_participant where project_id = any(ids)) x
  where not exists (select 1 from analytics_organisation o where o.id = x.id);
  select greatest(1024, ((coalesce(max(position), 0) + 1023) / 1024) * 1024) into capacity from analytics_organisation;
  -- Only when new organisations needed more room: otherwise every edit would scan every project.
  if capacity > earlier_capacity then
    update analytics_project set organisation_bits = organisation_bits || repeat('0', capacity - length(organisation_bits))::varbit
    where length(organisation_bits) < capacity;
  end if;

  with gone as (delete from analytics_overlap where project_a = any(ids) or project_b = any(ids) returning same_organisation)
  update analytics_overlap_total
  set different_organisations = different_organisations - (select count(*) from gone where not same_organisation),
    same_organisation = same_organisation - (select count(*) from gone where same_organisation);
  delete from analytics_project where id = any(ids);
  delete from analytics_link where project_id = any(ids);

  insert into analytics_project (id, period, days, themes, theme_bits, organisations, organisation_bits, named, area)
  with closure as (
    -- (unit, ancestor or itself) over the unit tree.
    select u.bit, a.code as ancestor from analytics_unit u cross join lateral unnest(string_to_array(u.path, '.')) as a(code)
  ),
  cov as (select c.project_id, c.unit_code from project_coverage c where c.project_id = any(ids)),
  named as (select cov.project_id, bit_or(au.bit) as named from cov join analytics_unit au on au.code = cov.unit_code group by cov.project_id),
  area as (select cov.project_id, bit_or(cl.bit) as area from cov join closure cl on cl.ancestor = cov.unit_code group by cov.project_id),
  themes as (
    select pt.project_id, array_agg(pt.theme_code order by pt.theme_code) as themes, bit_or(t.bit) as theme_bits
    from project_theme pt join analytics_theme t on t.code = pt.theme_code where pt.project_id = any(ids) group by pt.project_id),
  orgs as (
    select pp.project_id, array_agg(distinct pp.organisation_id order by pp.organisation_id) as organisations,
      bit_or(set_bit(repeat('0', capacity)::varbit, o.position - 1, 1)) as organisation_bits
    from project_participant pp join analytics_organisation o on o.id = pp.organisation_id
    where pp.project_id = any(ids) group by pp.project_id)
  select p.id, daterange(coalesce(p.actual_start, p.planned_start), coalesce(p.actual_end, p.planned_end), '[]'),
    case when coalesce(p.actual_start, p.planned_start) is null or coalesce(p.actual_end, p.planned_end) is null then null
      else coalesce(p.actual_end, p.planned_end) - coalesce(p.actual_start, p.planned_start) + 1 end,
    coalesce(t.themes, '{}'), coalesce(t.theme_bits, (select repeat('0', count(*)::int)::varbit from analytics_theme)),
    coalesce(o.organisations, '{}'), coalesce(o.organisation_bits, repeat('0', capacity)::varbit), n.named, a.area
  from project p left join themes t on t.project_id = p.id join named n on n.project_id = p.id join area a on a.project_id = p.id
  left join orgs o on o.project_id = p.id
  where p.id = any(ids) and p.status <> 'CANCELLED';

  -- A bulk load leaves the table without statistics; the pair join below needs them.
  if cardinality(ids) > 500 then analyze analytics_project; end if;

  insert into analytics_link (project_id, unit_code, direct, weight)
  with closure as (
    select u.code, a.code as ancestor from admin_unit u cross join lateral unnest(string_to_array(u.path, '.')) as a(code)
  ),
  cov as (
    select c.project_id, c.unit_code, c.share from project_coverage c
    where c.project_id = any(ids) and exists (select 1 from analytics_project ap where ap.id = c.project_id)
  ),
  -- Each named unit's part of the project's money: its share, else an even part of the rest.
  weights as (
    select cov.project_id, cov.unit_code,
      case when cov.share is not null then cov.share / 100
        else greatest(0, 1 - coalesce(sum(cov.share) over w, 0) / 100) / nullif(count(*) filter (where cov.share is null) over w, 0) end as weight
    from cov window w as (partition by cov.project_id)
  ),
  up as (
    select w.project_id, cl.ancestor as unit_code, coalesce(sum(w.weight), 0) as weight
    from weights w join closure cl on cl.code = w.unit_code group by w.project_id, cl.ancestor
  ),
  down as (
    select distinct cov.project_id, cl.code as unit_code from cov join closure cl on cl.ancestor = cov.unit_code and cl.code <> cov.unit_code
  )
  select project_id, unit_code, true, weight from up
  union all
  select d.project_id, d.unit_code, false, 0 from down d
  where not exists (select 1 from up where up.project_id = d.project_id and up.unit_code = d.unit_code);

  if cardinality(ids) > 500 then analyze analytics_link; end if;

  select bit_or(bit) filter (where level = 1), bit_or(bit) filter (where level = 2), bit_or(bit) filter (where level = 3)
    into m1, m2, m3 from analytics_unit;

  -- Score = 0.4 geographic specificity (the most specific shared unit: ayil aimak or city 1,
  -- rayon 2/3, oblast 1/3) + 0.3 share of the shorter period that overlaps (1 when both are
  -- open-ended) + 0.3 theme similarity (shared themes / all themes of the two).
  with added as (
  insert into analytics_overlap
  select least(a.id, b.id), greatest(a.id, b.id), x.shared, x.themes, x.period, x.geo, x.share, x.jaccard,
    round(0.4 * x.geo + 0.3 * x.share + 0.3 * x.jaccard, 4), x.same
  from analytics_project a
  join analytics_project b on b.id <> a.id and b.themes && a.themes and b.period && a.period and bit_count(a.area & b.area) > 0
  cross join lateral (select (a.named & b.area) | (b.named & a.area) as shared) s
  cross join lateral (select s.shared, a.theme_bits & b.theme_bits as themes, a.period * b.period as period,
    case when bit_count(s.shared & m3) > 0 then 1.0 when bit_count(s.shared & m2) > 0 then 0.6667
         when bit_count(s.shared & m1) > 0 then 0.3333 else 0 end as geo,
    case when a.days is null and b.days is null then 1.0
      else round((upper(a.period * b.period) - lower(a.period * b.period))::numeric / least(a.days, b.days), 4) end as share,
    round(bit_count(a.theme_bits & b.theme_bits)::numeric / bit_count(a.theme_bits | b.theme_bits), 4) as jaccard,
    cardinality(a.organisations) > 0 and a.organisations = b.organisations as same) x
  where a.id = any(ids) and (a.id < b.id or not (b.id = any(ids)))
  returning same_organisation)
  update analytics_overlap_total
  set different_organisations = different_organisations + (select count(*) from added where not same_organisation),
    same_organisation = same_organisation + (select count(*) from added where same_organisation);

  if cardinality(ids) > 500 then analyze analytics_overlap; end if;
end $fn$;

-- Runs when the writing transaction commits (deferred), once per noted project; the first call
-- does the work for all of them and the others find nothing left.
create function analytics_apply() returns trigger language plpgsql as $fn$
declare
  ids uuid[];
begin
  if not exists (select 1 from analytics_dirty) then return null; end if;
  -- One maintainer at a time: a later one then sees the pairs the earlier one committed.
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
end $fn$;

create constraint trigger analytics_apply after insert on analytics_dirty deferrable initially deferred for each row execute function analytics_apply();
`;
