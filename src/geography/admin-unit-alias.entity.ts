import { Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { AdminUnit } from './admin-unit.entity';

export enum AdminUnitAliasKind {
  /** A name of the unit in one language or spelling. */
  NAME = 'NAME',
  /** The unit's 14-digit SOATE code. */
  SOATE_CODE = 'SOATE_CODE',
  /** A code the hub used for the unit before (partners may have stored it). */
  FORMER_CODE = 'FORMER_CODE',
  /** A village of the unit, as the classifier names it. */
  VILLAGE = 'VILLAGE',
}

registerEnumType(AdminUnitAliasKind, {
  name: 'AdminUnitAliasKind',
  description: 'What an alias of an administrative unit is.',
  valuesConfig: {
    NAME: { description: 'A name of the unit in one language or spelling.' },
    SOATE_CODE: { description: "The unit's 14-digit SOATE code." },
    FORMER_CODE: { description: 'A code the hub used for the unit before; it is still accepted.' },
    VILLAGE: { description: 'A village of the unit, as the classifier names it; searching for it finds the unit.' },
  },
});

/**
 * Another way to name or code a unit: what search matches (names, villages, folded by
 * `foldPlaceName` into `key`) and what code lookups accept (SOATE and former codes, `key` equal
 * to the code). Reference data, rewritten by the geography seed.
 */
@Entity({ tableName: 'admin_unit_alias' })
@Index({ name: 'admin_unit_alias_key_idx', properties: ['key'] })
// Created by the migration only where pg_trgm exists (see Migration20261201222104_gazetteer).
@Index({ name: 'admin_unit_alias_key_trgm_idx', expression: 'create index "admin_unit_alias_key_trgm_idx" on "admin_unit_alias" using gin ("key" gin_trgm_ops)' })
export class AdminUnitAlias {
  [PrimaryKeyProp]?: ['unit', 'kind', 'value'];

  @ManyToOne(() => AdminUnit, { primary: true, fieldName: 'unit_code', deleteRule: 'cascade', updateRule: 'cascade' })
  unit: AdminUnit;

  @Enum({ items: () => AdminUnitAliasKind, primary: true })
  kind: AdminUnitAliasKind;

  /** As written (a name in its script, a code). */
  @PrimaryKey({ type: 'text' })
  value: string;

  /** What lookups compare: the folded name, or the code itself. */
  @Property({ type: 'text' })
  key: string;
}
