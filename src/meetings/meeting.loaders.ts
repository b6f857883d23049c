import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { Membership, MembershipRole } from '../council/membership.entity';
import { ActionItem, AgendaItem, Attendance, Decision } from './meeting.entity';

/** Per-request loaders: a page of meetings with agendas, attendance and decisions costs one query each. */
export function createMeetingLoaders(em: EntityManager) {
  return {
    agendaOf: new DataLoader<string, AgendaItem[]>(async (meetingIds) => {
      const items = await em.find(AgendaItem, { meeting: { $in: [...meetingIds] } }, { orderBy: { position: 'asc' }, populate: ['projects', 'themes', 'units'] });
      return groupByKeys(meetingIds, items, (item) => item.meeting.id);
    }),
    attendanceOf: new DataLoader<string, Attendance[]>(async (meetingIds) => {
      const rows = await em.find(Attendance, { meeting: { $in: [...meetingIds] } }, { orderBy: { id: 'asc' } });
      return groupByKeys(meetingIds, rows, (row) => row.meeting.id);
    }),
    decisionsOf: new DataLoader<string, Decision[]>(async (meetingIds) => {
      const rows = await em.find(Decision, { meeting: { $in: [...meetingIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return groupByKeys(meetingIds, rows, (row) => row.meeting.id);
    }),
    actionItemsOf: new DataLoader<string, ActionItem[]>(async (meetingIds) => {
      const rows = await em.find(ActionItem, { meeting: { $in: [...meetingIds] } }, { orderBy: { dueDate: 'asc', id: 'asc' } });
      return groupByKeys(meetingIds, rows, (row) => row.meeting.id);
    }),
    /** Organisations whose presence counts for a body's quorum: active members except observers. */
    quorumMembersOf: new DataLoader<string, string[]>(async (bodyIds) => {
      const rows = await em.find(Membership, { body: { $in: [...bodyIds] }, endDate: null, role: { $ne: MembershipRole.OBSERVER } });
      return groupByKeys(bodyIds, rows, (row) => row.body.id).map((group) => group.map((row) => row.organisation.id));
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    meetings: ReturnType<typeof createMeetingLoaders>;
  }
}
