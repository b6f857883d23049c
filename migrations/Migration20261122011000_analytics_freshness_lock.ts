import { Migration } from '@mikro-orm/migrations';

/**
 * Two requests checking freshness at once could deadlock: each read the state views (taking a
 * share lock until its statement ends) before waiting for the advisory lock the other held
 * while refreshing those views. Taking the advisory lock first orders them.
 */
export class Migration20261122011000_analytics_freshness_lock extends Migration {
  override async up(): Promise<void> {
    this.addSql(String.raw`create or replace function analytics_ensure_fresh(with_overlaps boolean) returns void language plpgsql as $fn$
begin
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
end $fn$;`);
  }
}
