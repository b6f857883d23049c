import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { type AdminUserListQuery, OrganisationOptionsDocument, type Role } from '../../gql/graphql';

export const ROLES: Role[] = ['ADMIN', 'SECRETARIAT', 'PARTNER_EDITOR', 'PARTNER_VIEWER'];
/** Roles whose users belong to an organisation (the hub requires one). */
export const PARTNER_ROLES: Role[] = ['PARTNER_EDITOR', 'PARTNER_VIEWER'];

export type ListedUser = AdminUserListQuery['users']['nodes'][number];

/** Organisations as choices for a select: "ACRONYM — Name". */
export function useOrganisationChoices() {
  const { data } = useQuery(OrganisationOptionsDocument);
  return useMemo(
    () =>
      (data?.organisations.nodes ?? []).map((organisation) => ({
        value: organisation.id,
        label: organisation.acronym ? `${organisation.acronym} — ${organisation.name ?? ''}` : (organisation.name ?? organisation.id),
      })),
    [data],
  );
}
