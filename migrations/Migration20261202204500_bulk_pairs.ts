import { Migration } from '@mikro-orm/migrations';
import { REFRESH } from './Migration20261202010000_working_organisations';

/**
 * Computing every pair at once (after the everything marker, a restore, a first load) took 72 s
 * for 10,000 projects and would take hours for 100,000: the pair join walked the period index for
 * every project (a third of the country per project), and each of the million rows updated four
 * indexes one by one and came back through `returning` to be counted.
 *
 * A batch of more than 500 projects, or any batch when no pair is stored, now goes through
 * `analytics_pairs_bulk`: candidates are only projects that reach the same unit right below the
 * root (oblast, Bishkek, Osh), found by a hash join on that unit; a pair reaching several is
 * taken at the first one. Two areas meet only inside one such unit, so the pairs and their scores
 * are the same. When the batch holds most of the projects (a first load on top of the reference
 * data, the everything marker) the table's indexes are dropped first and built once at the end
 * (in parallel), and the totals are counted once; otherwise only the batch's new pairs are
 * counted, through the project indexes. At 10,000 projects the everything marker now takes 34 s
 * instead of 72 s, the pairs 20 s of it (measured under a load of 2–3 on 2 cores).
 */
export class Migration20261202204500_bulk_pairs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function analytics_pairs_bulk(ids uuid[], m1 varbit, m2 varbit, m3 varbit) returns void language plpgsql as $fn$${PAIRS_BULK}$fn$;`);
    this.addSql(`create or replace function analytics_refresh(ids uuid[]) returns void language plpgsql as $fn$${withBulkPairs(REFRESH)}$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function analytics_refresh(ids uuid[]) returns void language plpgsql as $fn$${REFRESH}$fn$;`);
    this.addSql('drop function analytics_pairs_bulk(uuid[], varbit, varbit, varbit);');
  }
}

const SCORE_COMMENT = '  -- Score = 0.4 geographic specificity';

/** analytics_refresh of Migration20261202010000_working_organisations, handing big batches to analytics_pairs_bulk. */
function withBulkPairs(refresh: string): string {
  if (refresh.split(SCORE_COMMENT).length !== 2) throw new Error('analytics_refresh: the pair statement to hand over was not found');
  return refresh.replace(
    SCORE_COMMENT,
    `  -- Big batches, and any batch when no pair is stored (the everything marker), in one pass.
  if cardinality(ids) > ${BULK_BATCH} or not exists (select 1 from analytics_overlap) then
    perform analytics_pairs_bulk(ids, m1, m2, m3);
    return;
  end if;

${SCORE_COMMENT}`,
  );
}

/** Above this many projects a batch's pairs are computed by analytics_pairs_bulk. */
const BULK_BATCH = 500;

/**
 * The pairs of `ids` with every project, scored exactly as in analytics_refresh (the select below
 * must stay the same as its pair statement). Units right below the root get keys 0..62; more
 * than 63 of them and every project gets key 0 (no cut, still exact).
 */
const PAIRS_BULK = String.raw`
declare
  tops int;
  rebuild boolean;
  primary_key text;
  definitions text[];
  index_name text;
  definition text;
  different bigint;
  same bigint;
begin
  -- This transaction only: the hash join below and the index builds want more than the defaults.
  perform set_config('work_mem', '256MB', true);
  perform set_config('maintenance_work_mem', '512MB', true);
  select count(*) into tops from analytics_unit where path ~ '^[^.]+\.[^.]+$';

  -- One row per project and unit right below the root that its area reaches (analytics_link
  -- holds the units above and below those it names), with all of those units as a bit mask.
  create temp table analytics_pair_side on commit drop as
  with top as (
    select u.code, case when tops < 63 then (row_number() over (order by u.code))::int - 1 else 0 end as key
    from analytics_unit u where u.path ~ '^[^.]+\.[^.]+$'),
  keys as (
    select l.project_id as id, t.key
    from analytics_link l join analytics_unit u on u.code = l.unit_code join top t on t.code = split_part(u.path, '.', 2)
    union
    -- A project naming the root meets every other in its own key, even in a tree of one unit.
    select p.id, case when tops < 63 then tops else 0 end
    from analytics_project p join analytics_unit u on u.path !~ '\.' where bit_count(p.named & u.bit) > 0),
  masks as (select k.id, bit_or(1::bigint << k.key) as mask from keys k group by k.id),
  dirty as (select distinct x.id from unnest(ids) as x(id))
  select k.key, m.mask, p.id, d.id is not null as dirty, p.period, p.days, p.themes, p.theme_bits, p.organisations, p.funders, p.named, p.area
  from keys k join masks m on m.id = k.id join analytics_project p on p.id = k.id left join dirty d on d.id = p.id;
  analyze analytics_pair_side;

  -- Most of the pairs are about to be written: cheaper to build the indexes than to update them.
  rebuild := cardinality(ids) > ${BULK_BATCH} and cardinality(ids) * 2 > (select count(*) from analytics_project);
  if rebuild then
    -- Built once from all the rows (sorted, with parallel workers) rather than row by row; the
    -- definitions are read from the catalogue, so they stay those of the migrations that made them.
    select c.conname into primary_key from pg_constraint c where c.conrelid = 'analytics_overlap'::regclass and c.contype = 'p';
    select array_agg(pg_get_indexdef(i.indexrelid)) into definitions from pg_index i where i.indrelid = 'analytics_overlap'::regclass;
    if primary_key is not null then execute format('alter table analytics_overlap drop constraint %I', primary_key); end if;
    for index_name in select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'analytics_overlap'::regclass loop
      execute format('drop index %I', index_name);
    end loop;
  end if;

  insert into analytics_overlap
  select least(a.id, b.id), greatest(a.id, b.id), x.shared, x.themes, x.period, x.geo, x.share, x.jaccard,
    round(0.4 * x.geo + 0.3 * x.share + 0.3 * x.jaccard, 4), x.same, x.kind
  from analytics_pair_side a
  join analytics_pair_side b on b.key = a.key and b.themes && a.themes and b.period && a.period and bit_count(a.area & b.area) > 0
  cross join lateral (select (a.named & b.area) | (b.named & a.area) as shared) s
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
  -- Each pair once: from a project of the batch, at the first key the two share.
  where a.dirty and (a.id < b.id or not b.dirty) and a.mask & b.mask & ((1::bigint << a.key) - 1) = 0;

  if rebuild then
    foreach definition in array coalesce(definitions, '{}') loop execute definition; end loop;
    if primary_key is not null then
      execute format('alter table analytics_overlap add constraint %I primary key using index %I', primary_key, primary_key);
    end if;
  end if;

  if rebuild then
    select count(*) filter (where not same_organisation), count(*) filter (where same_organisation) into different, same from analytics_overlap;
    update analytics_overlap_total set different_organisations = different, same_organisation = same;
  else
    -- Only the batch's pairs are new (analytics_refresh took its old ones off the totals): count
    -- those through the project indexes rather than the whole table.
    select count(*) filter (where not same_organisation), count(*) filter (where same_organisation) into different, same
    from analytics_overlap where project_a = any(ids) or project_b = any(ids);
    update analytics_overlap_total set different_organisations = different_organisations + different, same_organisation = same_organisation + same;
  end if;
  analyze analytics_overlap;
  drop table analytics_pair_side;
end `;
