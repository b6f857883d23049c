import { Entity, Enum, ManyToOne, PrimaryKey, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { v4 } from 'uuid';
import { Organisation } from '../organisations/organisation.entity';
import type { Project } from './project.entity';

/** IATI OrganisationRole codelist. */
export enum ParticipantRole {
  FUNDING = 'FUNDING',
  ACCOUNTABLE = 'ACCOUNTABLE',
  EXTENDING = 'EXTENDING',
  IMPLEMENTING = 'IMPLEMENTING',
}

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'Role of an organisation in a project, after the IATI OrganisationRole codelist.',
  valuesConfig: {
    FUNDING: { description: 'Provides the money (IATI 1).' },
    ACCOUNTABLE: { description: 'Answers for the project (IATI 2).' },
    EXTENDING: { description: 'Manages the money on behalf of the funder (IATI 3).' },
    IMPLEMENTING: { description: 'Carries out the work (IATI 4).' },
  },
});

/** IATI OrganisationRole codes. */
export const IATI_ORGANISATION_ROLE: Record<ParticipantRole, string> = {
  FUNDING: '1',
  ACCOUNTABLE: '2',
  EXTENDING: '3',
  IMPLEMENTING: '4',
};

/** An organisation taking part in a project in one role (several roles are several rows). */
@ObjectType({ description: 'An organisation taking part in a project in one IATI role.' })
@Entity({ tableName: 'project_participant' })
@Unique({ properties: ['project', 'organisation', 'role'] })
export class ProjectParticipant {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @ManyToOne('Project', { index: true, deleteRule: 'cascade' })
  project: Project;

  @ManyToOne(() => Organisation, { index: true })
  organisation: Organisation;

  @Field(() => ParticipantRole, { description: 'Its role (IATI OrganisationRole).' })
  @Enum({ items: () => ParticipantRole })
  role: ParticipantRole;
}
