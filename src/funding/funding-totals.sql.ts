import { type Sql, sql } from '../common/sql';

/**
 * The transactions of these projects summed per type and currency, and converted into `currency`
 * (converted_amount, the currency_conversion migration); grouping sets give the per-currency sums
 * (currency set) and the converted sums (currency null) together.
 */
export function fundingTotalsSql(projectIds: string[], currency: string): Sql {
  return sql`
    with tx as (
      select t.project_id, t.type, t.currency, t.amount, t.value_date, x.converted, x.source_rate, x.target_rate
      from funding_transaction t
      cross join lateral converted_amount(t.amount, t.currency, ${currency}, t.value_date) x
      where t.project_id in (${projectIds})
    )
    select project_id, type, currency,
      sum(amount)::text as original,
      round(sum(converted), 2)::text as converted,
      count(*) filter (where converted is null) as unconvertible,
      (min(value_date) filter (where t.currency <> ${currency} and source_rate is null))::text as missing_source_from,
      (min(value_date) filter (where t.currency <> ${currency} and target_rate is null))::text as missing_target_from
    from tx t
    group by grouping sets ((project_id, type, currency), (project_id, type))`;
}
