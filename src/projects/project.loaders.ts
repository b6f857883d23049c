import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { ProjectCoverage } from './project-coverage.entity';
import { ProjectParticipant } from './project-participant.entity';
import { Project } from './project.entity';
import { isUuid } from '../common/ids';

export function createProjectLoaders(em: EntityManager) {
  return {
    projectById: new DataLoader<string, Project | null>(async (ids) => {
      const projects = await em.find(Project, { id: { $in: ids.filter(isUuid) } });
      const byId = new Map(projects.map((project) => [project.id, project]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    coverageOf: new DataLoader<string, ProjectCoverage[]>(async (projectIds) => {
      const rows = await em.find(ProjectCoverage, { project: { $in: [...projectIds] } }, { orderBy: { unit: { path: 'asc' } } });
      return groupByKeys(projectIds, rows, (row) => row.project.id);
    }),

    participantsOf: new DataLoader<string, ProjectParticipant[]>(async (projectIds) => {
      const rows = await em.find(ProjectParticipant, { project: { $in: [...projectIds] } }, { orderBy: { role: 'asc', id: 'asc' } });
      return groupByKeys(projectIds, rows, (row) => row.project.id);
    }),

    themeCodesOf: new DataLoader<string, string[]>(async (projectIds) => {
      const rows = await em
        .getConnection()
        .execute<{ project_id: string; theme_code: string }[]>(
          'select project_id, theme_code from project_theme where project_id in (?) order by theme_code',
          [[...projectIds]],
        );
      return groupByKeys(projectIds, rows, (row) => row.project_id).map((group) => group.map((row) => row.theme_code));
    }),
  };
}
