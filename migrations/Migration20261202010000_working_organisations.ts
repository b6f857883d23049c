import { Migration } from '@mikro-orm/migrations';

/**
 * "Organisations that work there" are the implementers (issue 15). Until now a project's
 * organisations were all its participants, funders included, so one NGO's two projects with two
 * donors counted as an overlap between different organisations, and a hotspot counted the
 * funders as organisations working in the unit. Now `analytics_project.organisations` (and its
 * bits, which coverage counts) holds the working organisations — the implementers; where a
 * project names none, its accountable and extending organisations; where it names only funders,
 * those — and `funders` its funders. Each pair gets a `kind`: DIFFERENT_IMPLEMENTERS,
 * SAME_IMPLEMENTER_DIFFERENT_FUNDERS (possible double funding: shown by default) or
 * SAME_IMPLEMENTER (one organisation's own projects: `same_organisation`, hidden by default).
 * Everything is recomputed when this migration commits.
 */
export class Migration20261202010000_working_organisations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table analytics_project add column funders uuid[] not null default '{}';`);
    this.addSql(
      `alter table analytics_overlap add column kind text not null default 'DIFFERENT_IMPLEMENTERS' check (kind in ('DIFFERENT_IMPLEMENTERS', 'SAME_IMPLEMENTER_DIFFERENT_FUNDERS', 'SAME_IMPLEMENTER'));`,
    );
    this.addSql(`create or replace function analytics_refresh(ids uuid[]) returns void language plpgsql as $fn$${REFRESH}$fn$;`);
    this.addSql(`insert into analytics_dirty values ('${EVERYTHING}') on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function analytics_refresh(ids uuid[]) returns void language plpgsql as $fn$${PREVIOUS_REFRESH}$fn$;`);
    this.addSql('alter table analytics_overlap drop column kind;');
    this.addSql('alter table analytics_project drop column funders;');
    this.addSql(`insert into analytics_dirty values ('${EVERYTHING}') on conflict do nothing;`);
  }
}

/** The marker analytics_apply reads as "recompute everything" (Migration20261122020000_analytics_incremental). */
const EVERYTHING = '00000000-0000-0000-0000-000000000000';

export const REFRESH = String.raw`
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

  insert into analytics_project (id, period, days, themes, theme_bits, organisations, organisation_bits, named, area, funders)
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
  -- The organisations that work on the project: its implementers; where it names none, its
  -- accountable and extending organisations; where it names only funders, those. Its funders
  -- apart, to tell possible double funding of the same work from an organisation's own projects.
  ranked as (
    select pp.project_id, pp.organisation_id, pp.role, r.rank, min(r.rank) over (partition by pp.project_id) as best
    from project_participant pp
    cross join lateral (select case pp.role when 'IMPLEMENTING' then 1 when 'FUNDING' then 3 else 2 end as rank) r
    where pp.project_id = any(ids)),
  orgs as (
    select x.project_id,
      array_agg(distinct x.organisation_id order by x.organisation_id) filter (where x.rank = x.best) as organisations,
      bit_or(set_bit(repeat('0', capacity)::varbit, o.position - 1, 1)) filter (where x.rank = x.best) as organisation_bits,
      coalesce(array_agg(distinct x.organisation_id order by x.organisation_id) filter (where x.role = 'FUNDING'), '{}') as funders
    from ranked x join analytics_organisation o on o.id = x.organisation_id
    group by x.project_id)
  select p.id, daterange(coalesce(p.actual_start, p.planned_start), coalesce(p.actual_end, p.planned_end), '[]'),
    case when coalesce(p.actual_start, p.planned_start) is null or coalesce(p.actual_end, p.planned_end) is null then null
      else coalesce(p.actual_end, p.planned_end) - coalesce(p.actual_start, p.planned_start) + 1 end,
    coalesce(t.themes, '{}'), coalesce(t.theme_bits, (select repeat('0', count(*)::int)::varbit from analytics_theme)),
    coalesce(o.organisations, '{}'), coalesce(o.organisation_bits, repeat('0', capacity)::varbit), n.named, a.area, coalesce(o.funders, '{}')
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
    round(0.4 * x.geo + 0.3 * x.share + 0.3 * x.jaccard, 4), x.same, x.kind
  from analytics_project a
  join analytics_project b on b.id <> a.id and b.themes && a.themes and b.period && a.period and bit_count(a.area & b.area) > 0
  cross join lateral (select (a.named & b.area) | (b.named & a.area) as shared) s
  -- Different implementers: the coordination case. The same implementer with different
  -- funders: possibly the same work funded twice. The same implementer otherwise: one
  -- organisation's own projects, left out of lists unless asked for (same_organisation).
  cross join lateral (select case
      when not (a.organisations && b.organisations) then 'DIFFERENT_IMPLEMENTERS'
      when cardinality(a.funders) > 0 and cardinality(b.funders) > 0 and a.funders <> b.funders then 'SAME_IMPLEMENTER_DIFFERENT_FUNDERS'
      else 'SAME_IMPLEMENTER' end as kind) k
  cross join lateral (select s.shared, a.theme_bits & b.theme_bits as themes, a.period * b.period as period,
    case when bit_count(s.shared & m3) > 0 then 1.0 when bit_count(s.shared & m2) > 0 then 0.6667
         when bit_count(s.shared & m1) > 0 then 0.3333 else 0 end as geo,
    case when a.days is null and b.days is null then 1.0
      else round((upper(a.period * b.period) - lower(a.period * b.period))::numeric / least(a.days, b.days), 4) end as share,
    round(bit_count(a.theme_bits & b.theme_bits)::numeric / bit_count(a.theme_bits | b.theme_bits), 4) as jaccard,
    k.kind = 'SAME_IMPLEMENTER' as same, k.kind) x
  where a.id = any(ids) and (a.id < b.id or not (b.id = any(ids)))
  returning same_organisation)
  update analytics_overlap_total
  set different_organisations = different_organisations + (select count(*) from added where not same_organisation),
    same_organisation = same_organisation + (select count(*) from added where same_organisation);

  if cardinality(ids) > 500 then analyze analytics_overlap; end if;
end `;

/** analytics_refresh as Migration20261122020000_analytics_incremental left it, for `down`. */
const PREVIOUS_REFRESH = String.raw`
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
end `;
