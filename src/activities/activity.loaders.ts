import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { isUuid } from '../common/ids';
import { ActivityPlace, ActivityReport } from './activity-report.entity';

export function createActivityLoaders(em: EntityManager) {
  return {
    reportById: new DataLoader<string, ActivityReport | null>(async (ids) => {
      const reports = await em.find(ActivityReport, { id: { $in: ids.filter(isUuid) } });
      const byId = new Map(reports.map((report) => [report.id, report]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    placesOf: new DataLoader<string, ActivityPlace[]>(async (reportIds) => {
      const places = await em.find(ActivityPlace, { report: { $in: [...reportIds] } }, { orderBy: { unit: { path: 'asc' } } });
      return groupByKeys(reportIds, places, (place) => place.report.id);
    }),

    themeCodesOf: new DataLoader<string, string[]>(async (reportIds) => {
      const rows = await em
        .getConnection()
        .execute<{ report_id: string; theme_code: string }[]>('select report_id, theme_code from activity_report_theme where report_id in (?) order by theme_code', [
          [...reportIds],
        ]);
      return groupByKeys(reportIds, rows, (row) => row.report_id).map((group) => group.map((row) => row.theme_code));
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    activities: ReturnType<typeof createActivityLoaders>;
  }
}
