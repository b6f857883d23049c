import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { isUuid } from '../common/ids';
import { leanRowsByKey } from '../common/lean-rows';
import type { Translations } from '../common/localized-text';
import type { ParticipantRole } from './project-participant.entity';
import { Project } from './project.entity';

/**
 * A project as the read-only GraphQL fields use it: a managed Project or its lean row
 * (src/common/lean-rows.ts); relations are read through the loaders below.
 */
export type ProjectRecord = Omit<Project, 'themes' | 'coverage' | 'participants' | 'title' | 'description' | 'objectives'> & {
  title: Translations;
  description: Translations;
  objectives: Translations;
};

/**
 * What the `coverage` field reads: a lean row, not a managed ProjectCoverage. A page of projects
 * has hundreds of these, and hydrating and tracking them as entities cost more than the query.
 */
export interface CoverageEntry {
  id: string;
  share: string | null;
  unitCode: string;
}

/** What the `participants` field reads, as CoverageEntry. */
export interface ParticipantEntry {
  id: string;
  role: ParticipantRole;
  organisationId: string;
}

export function createProjectLoaders(em: EntityManager) {
  return {
    projectById: new DataLoader<string, ProjectRecord | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const projects = valid.length ? await leanRowsByKey<ProjectRecord>(em, Project.name, 'id', valid) : [];
      const byId = new Map(projects.map((project) => [project.id, project]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    coverageOf: new DataLoader<string, CoverageEntry[]>(async (projectIds) => {
      const rows = await em.getConnection().execute<(CoverageEntry & { projectId: string })[]>(
        `select c.id, c.project_id as "projectId", c.unit_code as "unitCode", c.share
         from project_coverage c join admin_unit u on u.code = c.unit_code
         where c.project_id in (?) order by u.path`,
        [[...projectIds]],
      );
      return groupByKeys(projectIds, rows, (row) => row.projectId);
    }),

    participantsOf: new DataLoader<string, ParticipantEntry[]>(async (projectIds) => {
      const rows = await em.getConnection().execute<(ParticipantEntry & { projectId: string })[]>(
        `select id, project_id as "projectId", organisation_id as "organisationId", role
         from project_participant where project_id in (?) order by role, id`,
        [[...projectIds]],
      );
      return groupByKeys(projectIds, rows, (row) => row.projectId);
    }),

    themeCodesOf: new DataLoader<string, string[]>(async (projectIds) => {
      const rows = await em
        .getConnection()
        .execute<{ project_id: string; theme_code: string }[]>('select project_id, theme_code from project_theme where project_id in (?) order by theme_code', [[...projectIds]]);
      return groupByKeys(projectIds, rows, (row) => row.project_id).map((group) => group.map((row) => row.theme_code));
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    projects: ReturnType<typeof createProjectLoaders>;
  }
}
