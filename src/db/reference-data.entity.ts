import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Which version of each set of reference data (e.g. the geography) the database holds. */
@Entity({ tableName: 'reference_data' })
export class ReferenceData {
  @PrimaryKey({ type: 'text' })
  name: string;

  /** A hash of the reference files it was loaded from. */
  @Property({ type: 'text' })
  version: string;

  @Property({ type: 'timestamptz' })
  loadedAt: Date;
}
