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
      'Case-insensitive part of a name in Kyrgyz, Russian or English, as stored (Cyrillic or Latin), or of the code; e.g. "Баткен" or "batken".',
  })
  search?: string | null;
}

@ArgsType()
export class AdminUnitsArgs extends PaginationArgs {
  @Field(() => AdminUnitFilter, { nullable: true, description: 'Conditions the units must meet; omit for all units.' })
  filter?: AdminUnitFilter | null;
}
