import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PaginationArgs } from '../common/pagination';
import { AdminLevel, AdminUnitKind } from './admin-unit.entity';

@InputType({ description: 'Narrows a list of administrative units; all given conditions must hold.' })
export class AdminUnitFilter {
  @Field(() => AdminLevel, { nullable: true, description: 'Only units of this level.' })
  level?: AdminLevel | null;

  @Field(() => AdminUnitKind, { nullable: true, description: 'Only units of this kind.' })
  kind?: AdminUnitKind | null;

  @Field(() => String, { nullable: true, description: 'Only the direct children of the unit with this code.' })
  parentCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only units inside the unit with this code, at any depth (the unit itself excluded).',
  })
  withinCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What people type to find a unit: a name in Kyrgyz, Russian or English, in Cyrillic or Latin, with or without the generic word ("Ноокатский район", "Ноокат", "Nookat rayon"), with small misspellings ("Leylek", "Aktatyr"), the name of one of its villages, or a code (own, SOATE or former). Results come best match first.',
  })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only units flagged (true) or not flagged (false) as border areas.' })
  borderArea?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only units flagged (true) or not flagged (false) as multi-ethnic.' })
  multiEthnic?: boolean | null;
}

@ArgsType()
export class AdminUnitsArgs extends PaginationArgs {
  @Field(() => AdminUnitFilter, { nullable: true, description: 'Conditions the units must meet; omit for all units.' })
  filter?: AdminUnitFilter | null;
}

@InputType({ description: 'Flags of an administrative unit; a flag left out keeps its value.' })
export class AdminUnitFlagsInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether the unit is a border area.' })
  borderArea?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the unit is multi-ethnic.' })
  multiEthnic?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the flags come from (a document, a decision of the council); replaces the recorded source.' })
  @IsOptional()
  @MaxLength(2000)
  source?: string | null;
}
