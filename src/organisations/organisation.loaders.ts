import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../common/ids';
import { leanRowsByKey } from '../common/lean-rows';
import type { Translations } from '../common/localized-text';
import { Organisation } from './organisation.entity';
import { RecordLoader } from '../common/record-loader';

/**
 * An organisation as the read-only GraphQL fields use it: a managed Organisation or its lean row
 * (src/common/lean-rows.ts). Pages name hundreds of organisations; hydrating and tracking each
 * as an entity cost more than reading it.
 */
export type OrganisationRecord = Omit<Organisation, 'name'> & { name: Translations };

/**
 * What each field of Organisation reads of an organisation's own columns (by property), for pages
 * that read only those (common/lean-rows.ts, propsReadBy). A field not listed makes them read
 * every column: list one only with what its resolver reads.
 */
export const ORGANISATION_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  name: ['name'],
  names: ['name'],
  acronym: ['acronym'],
  kind: ['kind'],
  iatiTypeCode: ['kind'],
  iatiIdentifier: ['iatiIdentifier'],
  country: ['country'],
  website: ['website'],
};

export function createOrganisationLoaders(em: EntityManager) {
  return {
    organisationById: new RecordLoader<string, OrganisationRecord | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const organisations = valid.length ? await leanRowsByKey<OrganisationRecord>(em, Organisation.name, 'id', valid) : [];
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    organisations: ReturnType<typeof createOrganisationLoaders>;
  }
}
