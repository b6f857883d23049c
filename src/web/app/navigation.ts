import type { Role } from '../gql/graphql';

/** One link of the main navigation; `roles` limits it to signed-in users with those roles. */
export interface NavItem {
  to: string;
  /** Key in the `common` catalogue. */
  label: string;
  roles?: Role[];
}

/** Public pages first, then each role's work. Features add their pages here. */
export const NAVIGATION: NavItem[] = [
  { to: '/', label: 'nav.map' },
  { to: '/projects', label: 'nav.projects' },
];
