import { startEarlyFetch, startEarlyQuery } from '../../app/early-requests';
import { ProjectDetailDocument, ProjectMapDistrictsDocument, ProjectOverlapsDocument } from '../../gql/graphql';
import { CURRENCIES } from '../map/map-view';
import { SHAPE_URLS } from '../map/shape-urls';

/**
 * A visit that begins on a project's page (a shared link): its data requested by the entry
 * (main.tsx) while the app's code downloads, with the variables the page asks with
 * (ProjectPage, OverlapList, ProjectCoverageMap), so Apollo takes the answers over.
 */
export function startEarlyProjectRequests(id: string, params: URLSearchParams): void {
  const asked = params.get('currency') ?? '';
  const currency = (CURRENCIES as readonly string[]).includes(asked) ? asked : 'USD';
  startEarlyQuery(ProjectDetailDocument, { id, currency });
  startEarlyQuery(ProjectOverlapsDocument, { id, first: 20 });
  startEarlyQuery(ProjectMapDistrictsDocument, {});
  startEarlyFetch(SHAPE_URLS.DISTRICT!);
}
