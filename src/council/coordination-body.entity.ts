import { Embedded, Entity, Enum, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EditableEntity } from '../common/base.entity';
import { TranslatedText } from '../common/translations.embeddable';
import { Organisation } from '../organisations/organisation.entity';

export enum CoordinationBodyKind {
  DONOR_COORDINATION_COUNCIL = 'DONOR_COORDINATION_COUNCIL',
  PROGRAMME_COORDINATION_COUNCIL = 'PROGRAMME_COORDINATION_COUNCIL',
  COLLEGIUM = 'COLLEGIUM',
  PUBLIC_CONSULTATIVE_COUNCIL = 'PUBLIC_CONSULTATIVE_COUNCIL',
  EXPERT_COUNCIL = 'EXPERT_COUNCIL',
  INTERAGENCY_COMMISSION = 'INTERAGENCY_COMMISSION',
}

registerEnumType(CoordinationBodyKind, {
  name: 'CoordinationBodyKind',
  description: 'What kind of body the agency runs.',
  valuesConfig: {
    DONOR_COORDINATION_COUNCIL: { description: 'Coordination council of donors and international organisations (members are organisations).' },
    PROGRAMME_COORDINATION_COUNCIL: { description: 'Coordination council of a state programme (ministries and agencies).' },
    COLLEGIUM: { description: "The agency's collegium (its leadership and invited heads of other bodies)." },
    PUBLIC_CONSULTATIVE_COUNCIL: { description: 'Public consultative council of civil-society representatives.' },
    EXPERT_COUNCIL: { description: 'Council of experts advising the agency.' },
    INTERAGENCY_COMMISSION: { description: 'Commission of several state bodies.' },
  },
});

/** A council, collegium or commission run by the state agency. */
@ObjectType({ description: 'A council, collegium or commission run by the state agency, e.g. the Coordination Council of donors and international organisations.' })
@Entity({ tableName: 'coordination_body' })
export class CoordinationBody extends EditableEntity {
  @Embedded(() => TranslatedText, { prefix: 'name_' })
  name: TranslatedText = new TranslatedText();

  @Field(() => CoordinationBodyKind, { description: 'What kind of body this is.' })
  @Enum({ items: () => CoordinationBodyKind })
  kind: CoordinationBodyKind;

  /** The state agency the body sits under. */
  @ManyToOne(() => Organisation, { index: true })
  agency: Organisation;

  /** Seats by its founding act (e.g. 38 member organisations); null when not known. */
  @Field(() => Int, { nullable: true, description: 'Seats by its founding act (e.g. 38 member organisations); null when not known.' })
  @Property({ type: 'integer', nullable: true })
  seatCount: number | null = null;

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  /** Where the facts about this body come from, and what is known but not modelled (e.g. meetings held). */
  @Field(() => Int, { description: 'Quorum: more than this percentage of the active members must be present (default 50: more than half).' })
  @Property({ type: 'smallint', default: 50 })
  quorumPercent: Opt<number> = 50;

  @Field(() => Int, {
    nullable: true,
    description: "Meetings held before the hub's records begin, known only as a count (e.g. 5 by mid-2014 for the donor council); null when not known.",
  })
  @Property({ type: 'integer', nullable: true })
  earlierMeetingCount: number | null = null;

  @Field(() => String, { nullable: true, description: 'Where the facts about this body come from, and what is known but not modelled.' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;
}
