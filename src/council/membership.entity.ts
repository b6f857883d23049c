import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { EditableEntity } from '../common/base.entity';
import { Organisation } from '../organisations/organisation.entity';
import { CoordinationBody } from './coordination-body.entity';

export enum MembershipRole {
  CHAIR = 'CHAIR',
  CO_CHAIR = 'CO_CHAIR',
  SECRETARIAT = 'SECRETARIAT',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}

registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'What an organisation does in a coordination body.',
  valuesConfig: {
    CHAIR: { description: 'Chairs the body (not counted in its seats).' },
    CO_CHAIR: { description: 'Co-chairs the body; holds a seat.' },
    SECRETARIAT: { description: 'Runs the secretariat (not counted in its seats).' },
    MEMBER: { description: 'Member; holds a seat.' },
    OBSERVER: { description: 'Attends without a seat.' },
  },
});

/** Roles that take one of a body's seats. */
export const SEAT_ROLES = [MembershipRole.CO_CHAIR, MembershipRole.MEMBER];

@ObjectType({ description: 'A person who represents a member organisation in a body.' })
export class Representative {
  @Field({ description: 'Full name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. "Programme Officer".' })
  title?: string | null;

  /** Personal data: exposed by RepresentativeResolver to signed-in callers only. */
  email?: string | null;

  phone?: string | null;
}

/** An organisation's place in a coordination body for a period (open-ended while active). */
@ObjectType({ description: "An organisation's place in a coordination body for a period; active while it has no end date." })
@Entity({ tableName: 'membership' })
@Index({
  name: 'membership_one_active_per_organisation',
  expression: 'create unique index "membership_one_active_per_organisation" on "membership" ("body_id", "organisation_id") where "end_date" is null',
})
export class Membership extends EditableEntity {
  @ManyToOne(() => CoordinationBody, { index: true })
  body: CoordinationBody;

  @ManyToOne(() => Organisation, { index: true })
  organisation: Organisation;

  @Field(() => MembershipRole, { description: 'What the organisation does in the body.' })
  @Enum({ items: () => MembershipRole })
  role: MembershipRole;

  /** First day of membership; null when the sources do not say. */
  @Field(() => LocalDate, { nullable: true, description: 'First day of membership; null when the sources do not say.' })
  @Property({ type: 'date', nullable: true })
  startDate: string | null = null;

  /** Last day of membership; null while active. */
  @Field(() => LocalDate, { nullable: true, description: 'Last day of membership; null while active.' })
  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  /** Named people who represent the organisation. Emails and phones are personal data. */
  @Field(() => [Representative], { description: 'Named people who represent the organisation.' })
  @Property({ type: 'jsonb' })
  representatives: Representative[] = [];

  /** Where this membership is documented. */
  @Field(() => String, { nullable: true, description: 'Where this membership is documented, and how sure that is.' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;
}
