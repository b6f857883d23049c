import { Migration } from '@mikro-orm/migrations';
import { splitStatements } from './Migration20261122020000_analytics_incremental';

/**
 * One rule for converting money, used by funding totals (funding-totals.sql.ts), the coverage
 * map (coverage.sql.ts) and the kept coverage cells (analytics_money_refresh below): a rate is
 * the latest one on or before the value date, against USD (USD itself is 1); an amount in the
 * target currency stays as it is, any other is crossed through USD; a missing rate gives null.
 *
 * Both functions return sets so that PostgreSQL inlines them into the calling statement
 * (`cross join lateral converted_amount(…) x`): a scalar SQL function with a sub-select would be
 * called once per transaction instead. The day's rate comes from analytics_rate_day (rebuilt by a
 * statement trigger on exchange_rate, so never stale), with a lookup for days past its end.
 */
export class Migration20261202060000_currency_conversion extends Migration {
  override async up(): Promise<void> {
    for (const statement of splitStatements(CONVERSION_SQL)) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function analytics_money_refresh(ids uuid[]) returns void language plpgsql as $fn$${PREVIOUS_MONEY_REFRESH}$fn$;`);
    this.addSql('drop function if exists converted_amount(numeric, text, text, date), usd_rate(text, date);');
  }
}

const CONVERSION_SQL = String.raw`
create function usd_rate(currency text, day date) returns setof numeric language sql stable as $fn$
  select case when $1 = 'USD' then 1::numeric else coalesce(
    (select d.rate from analytics_rate_day d where d.currency = $1 and d.day = $2),
    (select r.rate from exchange_rate r where r.currency = $1 and r.date <= $2 order by r.date desc limit 1)) end
$fn$;

create function converted_amount(amount numeric, currency text, target text, day date)
returns table (converted numeric, source_rate numeric, target_rate numeric) language sql stable as $fn$
  select case when $2 = $3 then $1 else $1 * s.rate / t.rate end, s.rate, t.rate
  from usd_rate($2, $4) s(rate), usd_rate($3, $4) t(rate)
$fn$;

create or replace function analytics_money_refresh(ids uuid[]) returns void language plpgsql as $fn$
begin
  delete from analytics_money where project_id = any(ids);
  insert into analytics_money (project_id, committed, disbursed, unconvertible)
  select t.project_id,
    coalesce(sum(x.converted) filter (where t.type = 'COMMITMENT'), 0),
    coalesce(sum(x.converted) filter (where t.type = 'DISBURSEMENT'), 0),
    count(*) filter (where x.converted is null)
  from funding_transaction t
  cross join lateral converted_amount(t.amount, t.currency, 'USD', t.value_date) x
  where t.type in ('COMMITMENT', 'DISBURSEMENT') and t.project_id = any(ids)
    and exists (select 1 from analytics_project p where p.id = t.project_id)
  group by t.project_id;
end $fn$;
`;

const PREVIOUS_MONEY_REFRESH = `
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
end `;
