import type { AdminUnitRecord } from '../geography/geography.loaders';
import { type Sql, sql, sqlText, sqlWhere } from '../common/sql';
import { coverageMatchSql } from '../projects/project.sql';
import { IatiSkipReason } from './iati.errors';

/** Which projects an export covers, and who may publish on behalf of others. */
export interface ExportScope {
  /** Projects this organisation takes part in, in any role. */
  organisationId: string | null;
  /** Projects whose record (the project, a budget or a transaction) changed at or after this instant. */
  updatedSince: Date | null;
  /** Projects covering this unit, a unit inside it or a unit containing it. */
  unit: AdminUnitRecord | null;
  /** Only the projects this organisation (its id) reports, or those the hub's publisher reports (HUB). */
  reporter: string | 'HUB' | null;
  /** IATI_PUBLISHER_REF, or null when the hub does not publish on behalf of others. */
  publisherRef: string | null;
  /** Today (UTC, YYYY-MM-DD): actual dates after it are not exported. */
  today: string;
}

/** One project as the export sees it, before its record is read. */
export interface ClassifiedProject {
  id: string;
  /** The participating organisation that reports it; null for the hub's publisher (or none, when skipped). */
  reporterId: string | null;
  /** The hub's publisher reports it (when it is exported). */
  reportedByHub: boolean;
  /** Empty for a project that is exported. */
  reasons: IatiSkipReason[];
}

const text = (columns: string[]) => `coalesce(${columns.map((column) => `nullif(btrim(${column}), '')`).join(', ')})`;
const TRANSLATED = (prefix: string) => ['ky', 'ru', 'en'].map((language) => `p.${prefix}_${language}`);

/**
 * Every project of the scope with who reports it and why it cannot be exported. The rule
 * (README, "IATI export"):
 * - a project with its own IATI identifier is reported by the organisation whose identifier
 *   prefixes it (`<ref>-…`, the longest), else by the hub's publisher if its ref does;
 * - otherwise by its ACCOUNTABLE organisation with an IATI identifier, else its EXTENDING one,
 *   else by the hub's publisher (as a secondary reporter) when IATI_PUBLISHER_REF is set;
 * - a project none of whose organisations has an IATI identifier is never exported.
 * A few index probes per project (its participants; its budgets and transactions only for
 * `updatedSince`).
 */
function classifiedSql(scope: ExportScope): Sql {
  const conditions: Sql[] = [];
  if (scope.organisationId) {
    conditions.push(sql`exists (select 1 from project_participant pp where pp.project_id = p.id and pp.organisation_id = ${scope.organisationId})`);
  }
  if (scope.unit) conditions.push(coverageMatchSql(sqlText('p.id'), scope.unit, null));
  // The latest change to a project's budgets and transactions, read only for `updatedSince`.
  let money = sqlText('');
  if (scope.updatedSince) {
    money = sqlText(`left join lateral (
        select max(changed.updated_at) as updated_at
        from (select b.updated_at from budget b where b.project_id = p.id
              union all
              select t.updated_at from funding_transaction t where t.project_id = p.id) changed
      ) money on true`);
    conditions.push(sql`greatest(p.updated_at, money.updated_at) >= ${scope.updatedSince}`);
  }
  const reason = (value: IatiSkipReason) => sqlText(`'${value}'`);
  return sql`
    select r.id, r."reporterId", r."reportedByHub",
           array_remove(array[
             case when not r.any_ref then ${reason(IatiSkipReason.NO_IATI_ORGANISATION)} end,
             case when r.any_ref and r.own_identifier and r."reporterId" is null and not r."reportedByHub"
                  then ${reason(IatiSkipReason.IDENTIFIER_NOT_OF_AN_ORGANISATION)} end,
             case when r.any_ref and not r.own_identifier and r."reporterId" is null and not r."reportedByHub"
                  then ${reason(IatiSkipReason.NO_REPORTING_ORGANISATION)} end,
             case when r.no_title then ${reason(IatiSkipReason.NO_TITLE)} end,
             case when r.no_description then ${reason(IatiSkipReason.NO_DESCRIPTION)} end,
             case when r.no_dates then ${reason(IatiSkipReason.NO_DATES)} end
           ]::text[], null) as reasons
    from (
      select p.id,
             coalesce(refs.any_ref, false) as any_ref,
             p.iati_identifier is not null as own_identifier,
             case when p.iati_identifier is not null then named.id else owner.id end as "reporterId",
             case when p.iati_identifier is not null then named.id is null and coalesce(starts_with(p.iati_identifier, ${scope.publisherRef}::text || '-'), false)
                  else owner.id is null and ${scope.publisherRef}::text is not null end as "reportedByHub",
             ${sqlText(text(TRANSLATED('title')))} is null as no_title,
             ${sqlText(text([...TRANSLATED('description'), ...TRANSLATED('objectives')]))} is null as no_description,
             coalesce(p.planned_start, p.planned_end,
                      case when p.actual_start <= ${scope.today}::date then p.actual_start end,
                      case when p.actual_end <= ${scope.today}::date then p.actual_end end) is null as no_dates
      from project p
      ${money}
      left join lateral (
        select true as any_ref from project_participant pp join organisation o on o.id = pp.organisation_id
        where pp.project_id = p.id and o.iati_identifier is not null limit 1
      ) refs on true
      left join lateral (
        select o.id from project_participant pp join organisation o on o.id = pp.organisation_id
        where pp.project_id = p.id and starts_with(p.iati_identifier, o.iati_identifier || '-')
        order by length(o.iati_identifier) desc, o.iati_identifier limit 1
      ) named on true
      left join lateral (
        select o.id from project_participant pp join organisation o on o.id = pp.organisation_id
        where pp.project_id = p.id and pp.role in ('ACCOUNTABLE', 'EXTENDING') and o.iati_identifier is not null
        order by pp.role = 'EXTENDING', o.iati_identifier limit 1
      ) owner on true
      ${sqlWhere(conditions)}
    ) r`;
}

/** Which of the classified projects `c` the scope keeps by their reporter. */
function reporterCondition(scope: ExportScope): Sql {
  if (scope.reporter === 'HUB') return sqlText('c."reportedByHub"');
  if (scope.reporter) return sql`c."reporterId" = ${scope.reporter}`;
  return sqlText('true');
}

/** How many projects of the scope are exported and how many skipped: one statement. */
export function countSql(scope: ExportScope): Sql {
  return sql`select count(*) filter (where cardinality(c.reasons) = 0) as exported, count(*) filter (where cardinality(c.reasons) > 0) as skipped
     from (${classifiedSql(scope)}) c where ${reporterCondition(scope)}`;
}

/**
 * The next `limit` projects of the scope after the id `after`, exported or not (keyset, in id
 * order: a project changed while the export runs is written once, as it is when its batch is
 * read). Their reasons are not a condition here: the planner cannot estimate them, and with
 * them it read and sorted every remaining project for each batch instead of walking the
 * primary key to the next `limit`.
 */
export function batchSql(scope: ExportScope, after: string | null, limit: number): Sql {
  return sql`select c.* from (${classifiedSql(scope)}) c
     where ${reporterCondition(scope)} ${after ? sql`and c.id > ${after}` : sqlText('')}
     order by c.id limit ${limit}`;
}
