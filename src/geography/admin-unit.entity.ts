import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum AdminLevel {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  DISTRICT = 'DISTRICT',
  MUNICIPALITY = 'MUNICIPALITY',
}

registerEnumType(AdminLevel, {
  name: 'AdminLevel',
  description: 'Level of a unit in the administrative tree of the Kyrgyz Republic.',
  valuesConfig: {
    COUNTRY: { description: 'The Kyrgyz Republic.' },
    REGION: { description: 'The 7 oblasts and the 2 cities of republican significance (Bishkek, Osh).' },
    DISTRICT: { description: 'Rayons, cities of regional significance, and the city districts of Bishkek.' },
    MUNICIPALITY: { description: 'Ayil aimaks (rural municipalities, each governed by an ayil okmotu) and the towns and urban-type settlements of a rayon.' },
  },
});

export enum AdminUnitKind {
  COUNTRY = 'COUNTRY',
  OBLAST = 'OBLAST',
  CITY_OF_REPUBLICAN_SIGNIFICANCE = 'CITY_OF_REPUBLICAN_SIGNIFICANCE',
  RAYON = 'RAYON',
  CITY = 'CITY',
  CITY_DISTRICT = 'CITY_DISTRICT',
  AYIL_AIMAK = 'AYIL_AIMAK',
  TOWN = 'TOWN',
  URBAN_SETTLEMENT = 'URBAN_SETTLEMENT',
}

registerEnumType(AdminUnitKind, {
  name: 'AdminUnitKind',
  description: 'What kind of administrative unit this is.',
  valuesConfig: {
    COUNTRY: { description: 'The country (level COUNTRY).' },
    OBLAST: { description: 'Oblast, a region (level REGION).' },
    CITY_OF_REPUBLICAN_SIGNIFICANCE: { description: 'Bishkek or Osh (level REGION).' },
    RAYON: { description: 'Rayon, a district of an oblast (level DISTRICT).' },
    CITY: { description: 'City of regional significance (level DISTRICT).' },
    CITY_DISTRICT: { description: 'A city district of Bishkek (level DISTRICT).' },
    AYIL_AIMAK: { description: 'Ayil aimak, a rural municipality of a rayon (level MUNICIPALITY).' },
    TOWN: { description: 'A town of district significance inside a rayon (level MUNICIPALITY).' },
    URBAN_SETTLEMENT: {
      description: "An urban-type settlement (пгт) inside a rayon (level MUNICIPALITY); read from the classifier's code digits, which the source does not explain.",
    },
  },
});

export const LEVEL_OF_KIND: Record<AdminUnitKind, AdminLevel> = {
  [AdminUnitKind.COUNTRY]: AdminLevel.COUNTRY,
  [AdminUnitKind.OBLAST]: AdminLevel.REGION,
  [AdminUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE]: AdminLevel.REGION,
  [AdminUnitKind.RAYON]: AdminLevel.DISTRICT,
  [AdminUnitKind.CITY]: AdminLevel.DISTRICT,
  [AdminUnitKind.CITY_DISTRICT]: AdminLevel.DISTRICT,
  [AdminUnitKind.AYIL_AIMAK]: AdminLevel.MUNICIPALITY,
  [AdminUnitKind.TOWN]: AdminLevel.MUNICIPALITY,
  [AdminUnitKind.URBAN_SETTLEMENT]: AdminLevel.MUNICIPALITY,
};

/** Separates the codes of a unit's ancestors and itself in `path`. */
export const PATH_SEPARATOR = '.';

/**
 * A unit of the administrative-territorial tree: the country, regions, districts and ayil
 * aimaks. `path` holds the codes from the country down to the unit, so "everything inside X"
 * is a prefix match on an index.
 */
@ObjectType({
  description:
    'A unit of the administrative-territorial tree of the Kyrgyz Republic: the country, an oblast or city of republican significance, a rayon or city, or an ayil aimak.',
})
@Entity({ tableName: 'admin_unit' })
@Index({
  name: 'admin_unit_path_prefix_idx',
  expression: 'create index "admin_unit_path_prefix_idx" on "admin_unit" ("path" text_pattern_ops)',
})
export class AdminUnit {
  [PrimaryKeyProp]?: 'code';

  @Field({
    description:
      "Stable code in the OCHA COD P-code style, `KG` and the last 11 digits of the unit's SOATE code: regions and districts carry their COD P-code (e.g. `KG05214000000`, Batken rayon), ayil aimaks and towns the same form of their classifier code (e.g. `KG05214849000`, Ak-Tatyr). Wherever a code is taken, the 14-digit SOATE code and the hub's former ayil aimak codes (e.g. `KG05214000000-AK-TATYR`) are accepted too (see `formerCodes`).",
  })
  @PrimaryKey({ type: 'text' })
  code: string;

  @Field(() => AdminLevel, { description: 'Level in the tree.' })
  @Enum({ items: () => AdminLevel, index: true })
  level: AdminLevel;

  @Field(() => AdminUnitKind, { description: 'Kind of unit.' })
  @Enum({ items: () => AdminUnitKind })
  kind: AdminUnitKind;

  @Property({ type: 'text', nullable: true })
  nameKy: string | null;

  @Property({ type: 'text', nullable: true })
  nameRu: string | null;

  @Property({ type: 'text', nullable: true })
  nameEn: string | null;

  @ManyToOne(() => AdminUnit, { nullable: true, fieldName: 'parent_code', index: true, deleteRule: 'restrict' })
  parent: AdminUnit | null;

  @Field({
    description: 'Codes from the country down to this unit, joined by dots (e.g. `KG.KG05000000000.KG05214000000`).',
  })
  @Property({ type: 'text', unique: true })
  path: string;

  @Property({ type: 'smallint' })
  depth: number;

  @Field(() => String, {
    nullable: true,
    description:
      '14-digit code of the state classifier SOATE (СОАТЕ, National Statistical Committee), as in the classifier file the hub loads (an edition from before the 2023–2024 ayil aimak reform); null for the country.',
  })
  @Property({ type: 'text', nullable: true })
  soate: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code of the region the unit lies in (e.g. `KG-B`).' })
  @Property({ type: 'text', nullable: true })
  iso3166_2: string | null;

  @Field(() => Float, { nullable: true, description: 'Area in square kilometres computed from the boundary; null where there is no boundary.' })
  @Property({ type: 'double', nullable: true })
  areaKm2: number | null;

  /** Administrative centre (seat), where the source names one. */
  @Field(() => String, { nullable: true, description: 'Administrative centre (seat) where the source names one, as spelled there.' })
  @Property({ type: 'text', nullable: true })
  centre: string | null;

  /** Where the row comes from (dataset, page). */
  @Field({ description: 'Where this unit comes from: the dataset or page it was read from.' })
  @Property({ type: 'text' })
  source: string;

  /** The English name as the source spelled it, when the hub normalised it. */
  @Field(() => String, {
    nullable: true,
    description: 'The English name as the source spelled it, when the hub normalised a German or French transliteration; otherwise null.',
  })
  @Property({ type: 'text', nullable: true })
  sourceNameEn: string | null;

  /** Set by the secretariat (`setAdminUnitFlags`) or by the seeds from a cited document. */
  @Field({ description: 'True for a unit on or near a state border (e.g. the ayil aimaks of Batken rayon bordering Tajikistan); gaps can be narrowed to such units.' })
  @Property({ type: 'boolean', default: false })
  borderArea: boolean = false;

  @Field({ description: 'True for a unit the secretariat marks as multi-ethnic (several ethnic communities live side by side).' })
  @Property({ type: 'boolean', default: false })
  multiEthnic: boolean = false;

  @Field(() => String, { nullable: true, description: 'Where the flags come from (a document, a decision); null when none were set.' })
  @Property({ type: 'text', nullable: true })
  flagsSource: string | null = null;

  /** Null until someone sets the flags; the seeds only touch units whose flags nobody set. */
  @Field(() => Date, { nullable: true, description: 'When the flags were last set (UTC); null when never.' })
  @Property({ type: 'timestamptz', nullable: true })
  flagsUpdatedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'First day the unit exists in this form (a reform creates, merges or renames units); null when not known.' })
  @Property({ type: 'date', nullable: true })
  validFrom: string | null = null;

  @Field(() => String, { nullable: true, description: 'Last day the unit existed in this form; null while it exists. Projects recorded against it keep it.' })
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  /** The unit that took this one's place after a reform (merge or renaming). */
  @ManyToOne(() => AdminUnit, { nullable: true, fieldName: 'successor_code', deleteRule: 'set null' })
  successor: AdminUnit | null = null;

  /** GeoJSON geometry (WGS84); loaded only when asked for. */
  @Property({ type: 'jsonb', nullable: true, lazy: true })
  geometry: Record<string, unknown> | null;
}
