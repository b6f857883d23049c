import { Migration } from '@mikro-orm/migrations';

export class Migration20261122002906_analytics extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "admin_unit" add column "border_area" boolean not null default false, add column "multi_ethnic" boolean not null default false, add column "flags_source" text null, add column "flags_updated_at" timestamptz null;`,
    );
    // Analytics (src/analytics): materialised views, invisible to the ORM's schema diff, refreshed
    // on read when the change counter moved (see analytics_ensure_fresh).
    for (const statement of ANALYTICS_SQL) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const table of ['project', 'project_coverage', 'project_theme', 'project_participant', 'admin_unit', 'theme']) {
      this.addSql(`drop trigger if exists analytics_note_change on "${table}";`);
    }
    this.addSql('drop function if exists analytics_ensure_fresh(boolean);');
    this.addSql('drop function if exists analytics_is_current(boolean);');
    this.addSql('drop function if exists analytics_note_change();');
    this.addSql('drop materialized view if exists analytics_overlap_state, analytics_project_state, analytics_overlap cascade;');
    this.addSql('drop function if exists analytics_pair(analytics_project, analytics_project, varbit, varbit, varbit);');
    this.addSql('drop materialized view if exists analytics_project, analytics_theme, analytics_unit cascade;');
    this.addSql('drop sequence if exists analytics_change_seq;');
    this.addSql(`alter table "admin_unit" drop column "border_area", drop column "multi_ethnic", drop column "flags_source", drop column "flags_updated_at";`);
  }
}

/** Split on blank lines; each chunk is one statement. */
const ANALYTICS_SQL: string[] = String.raw`create materialized view analytics_unit as
with numbered as (
  select row_number() over (order by path)::int as id, code, path,
    case kind when 'COUNTRY' then 0 when 'OBLAST' then 1 when 'RAYON' then 2 else 3 end as level
  from admin_unit
), total as (select count(*)::int as n from admin_unit)
select n.id, n.code, n.path, n.level, (repeat('0', n.id - 1) || '1' || repeat('0', t.n - n.id))::varbit as bit
from numbered n cross join total t;
create unique index analytics_unit_code_idx on analytics_unit (code);
create materialized view analytics_theme as
with numbered as (select row_number() over (order by code)::int as id, code from theme), total as (select count(*)::int as n from theme)
select n.id, n.code, (repeat('0', n.id - 1) || '1' || repeat('0', t.n - n.id))::varbit as bit from numbered n cross join total t;
create unique index analytics_theme_code_idx on analytics_theme (code);
create materialized view analytics_project as
with closure as (
  select u.code, a.code as ancestor from admin_unit u cross join lateral unnest(string_to_array(u.path, '.')) as a(code)
),
named as (
  select c.project_id, bit_or(au.bit) as named from project_coverage c join analytics_unit au on au.code = c.unit_code group by c.project_id
),
area as (
  select c.project_id, bit_or(au.bit) as area
  from (select distinct c.project_id, cl.code from project_coverage c join closure cl on cl.ancestor = c.unit_code) c
  join analytics_unit au on au.code = c.code group by c.project_id
),
themes as (select pt.project_id, array_agg(pt.theme_code order by pt.theme_code) as themes, bit_or(t.bit) as theme_bits
  from project_theme pt join analytics_theme t on t.code = pt.theme_code group by pt.project_id),
orgs as (select project_id, array_agg(distinct organisation_id order by organisation_id) as organisations from project_participant group by project_id)
select p.id, daterange(coalesce(p.actual_start, p.planned_start), coalesce(p.actual_end, p.planned_end), '[]') as period,
  case when coalesce(p.actual_start, p.planned_start) is null or coalesce(p.actual_end, p.planned_end) is null then null
    else coalesce(p.actual_end, p.planned_end) - coalesce(p.actual_start, p.planned_start) + 1 end as days,
  t.themes, t.theme_bits, coalesce(o.organisations, '{}') as organisations, n.named, a.area
from project p join themes t on t.project_id = p.id join named n on n.project_id = p.id join area a on a.project_id = p.id
left join orgs o on o.project_id = p.id
where p.status <> 'CANCELLED';
create unique index analytics_project_id_idx on analytics_project (id);
create index analytics_project_themes_idx on analytics_project using gin (themes);
create index analytics_project_period_idx on analytics_project using gist (period);
create function analytics_pair(a analytics_project, b analytics_project, m1 varbit, m2 varbit, m3 varbit,
  out shared_units varbit, out shared_themes varbit, out period daterange, out geographic numeric, out time_share numeric,
  out theme_similarity numeric, out score numeric, out same_organisation boolean)
language sql immutable parallel safe as $$
  select x.shared, x.themes, x.period, x.geo, x.share, x.jaccard, round(0.4 * x.geo + 0.3 * x.share + 0.3 * x.jaccard, 4), x.same
  from (select (a.named & b.area) | (b.named & a.area) as shared, a.theme_bits & b.theme_bits as themes, a.period * b.period as period,
    case when bit_count(((a.named & b.area) | (b.named & a.area)) & m3) > 0 then 1.0
         when bit_count(((a.named & b.area) | (b.named & a.area)) & m2) > 0 then 0.6667
         when bit_count(((a.named & b.area) | (b.named & a.area)) & m1) > 0 then 0.3333 else 0 end as geo,
    case when a.days is null and b.days is null then 1.0
      else round((upper(a.period * b.period) - lower(a.period * b.period))::numeric / least(a.days, b.days), 4) end as share,
    round(bit_count(a.theme_bits & b.theme_bits)::numeric / bit_count(a.theme_bits | b.theme_bits), 4) as jaccard,
    cardinality(a.organisations) > 0 and a.organisations = b.organisations as same) x
$$;
create materialized view analytics_overlap as
with masks as (select bit_or(bit) filter (where level = 1) as m1, bit_or(bit) filter (where level = 2) as m2, bit_or(bit) filter (where level = 3) as m3 from analytics_unit)
select a.id as project_a, b.id as project_b, (analytics_pair(a, b, m.m1, m.m2, m.m3)).*
from analytics_project a cross join masks m join analytics_project b
  on b.id > a.id and b.themes && a.themes and b.period && a.period and bit_count(a.area & b.area) > 0;
create unique index analytics_overlap_pair_idx on analytics_overlap (project_a, project_b);
create index analytics_overlap_b_idx on analytics_overlap (project_b);
create index analytics_overlap_rank_idx on analytics_overlap (score desc, project_a, project_b) where not same_organisation;

create sequence analytics_change_seq;

create function analytics_note_change() returns trigger language plpgsql as $fn$
begin
  -- Held until the writer commits, so that a refresh can wait for writes already counted.
  perform pg_advisory_xact_lock_shared(7301002);
  perform nextval('analytics_change_seq');
  return null;
end $fn$;

create trigger analytics_note_change after insert or update or delete or truncate on project for each statement execute function analytics_note_change();
create trigger analytics_note_change after insert or update or delete or truncate on project_coverage for each statement execute function analytics_note_change();
create trigger analytics_note_change after insert or update or delete or truncate on project_theme for each statement execute function analytics_note_change();
create trigger analytics_note_change after insert or update or delete or truncate on project_participant for each statement execute function analytics_note_change();
create trigger analytics_note_change after insert or delete or truncate or update of path, parent_code, kind on admin_unit for each statement execute function analytics_note_change();
create trigger analytics_note_change after insert or delete or truncate or update of code on theme for each statement execute function analytics_note_change();

create materialized view analytics_project_state as select case when is_called then last_value else 0 end as change_no from analytics_change_seq;
create materialized view analytics_overlap_state as select case when is_called then last_value else 0 end as change_no from analytics_change_seq;

create function analytics_is_current(with_overlaps boolean) returns boolean language sql stable as $fn$
  select (select change_no from analytics_project_state) = c.n and (not with_overlaps or (select change_no from analytics_overlap_state) = c.n)
  from (select case when is_called then last_value else 0 end as n from analytics_change_seq) c
$fn$;

create function analytics_ensure_fresh(with_overlaps boolean) returns void language plpgsql as $fn$
begin
  if analytics_is_current(with_overlaps) then return; end if;
  perform pg_advisory_xact_lock(7301001);
  if analytics_is_current(with_overlaps) then return; end if;
  if not analytics_is_current(false) then
    refresh materialized view analytics_project_state;
    -- Wait for writers that counted a change but have not committed yet.
    perform pg_advisory_lock(7301002);
    perform pg_advisory_unlock(7301002);
    refresh materialized view analytics_unit;
    refresh materialized view analytics_theme;
    refresh materialized view analytics_project;
  end if;
  if with_overlaps then
    refresh materialized view analytics_overlap_state;
    perform pg_advisory_lock(7301002);
    perform pg_advisory_unlock(7301002);
    refresh materialized view analytics_overlap;
  end if;
end $fn$;
`
  .split(/\n\s*\n/)
  .map((statement) => statement.trim())
  .filter(Boolean);
