import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { guardRootFields } from '../common/access';
import { projectRoot } from '../config/paths';
import { ActivityCollisionResolver, ActivityPlaceResolver, ActivityReportResolver, ActivitySummaryRowResolver } from '../activities/activity.resolver';
import { AuditEventResolver } from '../audit/audit.resolver';
import { ApiTokenResolver, AuditEventUserResolver, UserResolver } from '../auth/auth.resolver';
import { CoordinationBodyResolver, MembershipResolver } from '../council/council.resolver';
import { RepresentativeResolver } from '../council/representative.resolver';
import { analyticsResolvers } from '../analytics/analytics.resolver';
import { ExchangeRateResolver, FundingTransactionResolver } from '../funding/funding.resolver';
import { ProjectFundingResolver } from '../funding/project-funding.resolver';
import { AdminUnitResolver } from '../geography/admin-unit.resolver';
import {
  ActionItemResolver,
  AgendaItemResolver,
  AttendanceRecordResolver,
  AttendanceResolver,
  DecisionResolver,
  MeetingBriefingResolver,
  MeetingResolver,
} from '../meetings/meeting.resolver';
import { OrganisationResolver } from '../organisations/organisation.resolver';
import { ProjectContactResolver } from '../projects/project-contact.resolver';
import { ProjectCoverageResolver, ProjectParticipantResolver, ProjectResolver } from '../projects/project.resolver';
import { ThemeResolver } from '../themes/theme.resolver';
import { usePlainResolvers } from './plain-resolvers';
import { validateArgument } from './validate-arguments';

export const SCHEMA_FILE = join(projectRoot, 'schema', 'schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

/**
 * Fields that are plain properties (no field resolver, no middleware; the hub has no global
 * middleware and no auth checker) resolve as graphql's default resolver does: type-graphql's
 * `simple` option. Without it type-graphql wraps each in a function that runs an empty middleware
 * chain, and a compiled query (compiled-execution.ts) must call that function per field where it
 * would otherwise read the property inline. A field with a field resolver keeps it.
 */
function resolvePropertiesSimply(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles) field.simple = true;
  }
}

/** The executable schema, built once per process from the resolvers' decorators. */
export function appSchema(): Promise<GraphQLSchema> {
  if (!built) resolvePropertiesSimply();
  built ??= buildSchema({
    resolvers: [
      AdminUnitResolver,
      OrganisationResolver,
      ThemeResolver,
      CoordinationBodyResolver,
      MembershipResolver,
      ProjectResolver,
      ProjectCoverageResolver,
      ProjectParticipantResolver,
      FundingTransactionResolver,
      ExchangeRateResolver,
      ProjectFundingResolver,
      ...analyticsResolvers,
      UserResolver,
      ApiTokenResolver,
      RepresentativeResolver,
      ProjectContactResolver,
      AuditEventResolver,
      AuditEventUserResolver,
      ActivityReportResolver,
      ActivityPlaceResolver,
      ActivitySummaryRowResolver,
      ActivityCollisionResolver,
      MeetingResolver,
      AgendaItemResolver,
      AttendanceResolver,
      DecisionResolver,
      ActionItemResolver,
      AttendanceRecordResolver,
      MeetingBriefingResolver,
    ],
    validateFn: validateArgument,
  })
    .then(usePlainResolvers)
    .then(guardRootFields)
    .then(describeRootTypes);
  return built;
}

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query) query.description = 'What the hub answers: reference data, who does what where, and the coordination questions.';
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = 'What partners and the secretariat change. Each mutation is one transaction.';
  return schema;
}

/** The schema as committed in `schema/schema.graphql`: sorted, so diffs show real changes. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function emitSchemaFile(): Promise<void> {
  await writeFile(SCHEMA_FILE, printAppSchema(await appSchema()));
}
