import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PaginationArgs } from '../common/pagination';

@InputType({ description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. Project.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Id (or code) of the record.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Changes made by users of this organisation.' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Changes made by this user.' })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this moment on (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Up to this moment (exclusive).' })
  to?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PaginationArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Conditions; omit for the whole trail.' })
  filter?: AuditEventFilter | null;
}
