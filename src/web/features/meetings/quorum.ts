/**
 * The quorum as the hub counts it (src/meetings/meeting.service.ts, computeQuorum): the members
 * whose presence counts are the body's active members except observers; more than the body's
 * quorum percentage of them must be PRESENT.
 */
export interface QuorumCount {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

export function countQuorum(memberIds: string[], presentIds: Iterable<string>, quorumPercent: number): QuorumCount {
  const counted = new Set(memberIds);
  const present = [...new Set(presentIds)].filter((id) => counted.has(id)).length;
  const required = Math.floor((counted.size * quorumPercent) / 100) + 1;
  return { members: counted.size, present, required, reached: counted.size > 0 && present >= required };
}

/** Roles whose presence does not count for the quorum. */
export const NOT_COUNTED_ROLES = ['OBSERVER'];
