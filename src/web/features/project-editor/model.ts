import type { AdminLevel, CreateProjectInput, EditorProjectFieldsFragment, OverlapDraftInput, ParticipantRole, ProjectStatus, Role, UpdateProjectInput } from '../../gql/graphql';
import type { SignedInUser } from '../../app/session';

export const STATUSES: ProjectStatus[] = ['PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED', 'CANCELLED', 'SUSPENDED'];
export const ROLES: ParticipantRole[] = ['IMPLEMENTING', 'ACCOUNTABLE', 'EXTENDING', 'FUNDING'];
/** Roles that let a partner's organisation edit a project (FUNDING alone does not), as on the server. */
export const EDITING_ROLES: ParticipantRole[] = ['ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'];
export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** Roles that see the project pages of this feature. */
export const EDITOR_PAGE_ROLES: Role[] = ['PARTNER_EDITOR', 'PARTNER_VIEWER', 'ADMIN'];

type Texts = Record<Lang, string>;

/** A unit as the coverage picker knows it: enough to name it, place it and draw it. */
export interface PickedUnit {
  code: string;
  name: string | null;
  level: AdminLevel;
  parentName: string | null;
  ancestors: string[];
}

export interface CoverageRow extends PickedUnit {
  /** Percent 0–100 as typed; empty when not given. */
  share: string;
}

export interface ParticipantRow {
  key: string;
  organisationId: string | null;
  role: ParticipantRole | null;
}

export interface LinkRow {
  key: string;
  title: string;
  url: string;
}

export interface ProjectFormValues {
  title: Texts;
  description: Texts;
  objectives: Texts;
  status: ProjectStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  themeCodes: string[];
  targetGroups: string[];
  iatiIdentifier: string;
  links: LinkRow[];
  participants: ParticipantRow[];
  coverage: CoverageRow[];
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `row-${counter}`;
}

const texts = (value?: { ky?: string | null; ru?: string | null; en?: string | null } | null): Texts => ({ ky: value?.ky ?? '', ru: value?.ru ?? '', en: value?.en ?? '' });

/** A new project: a partner's own organisation is there already, implementing. */
export function emptyValues(user: SignedInUser | null): ProjectFormValues {
  const own = user?.role === 'PARTNER_EDITOR' && user.organisation ? [{ key: newKey(), organisationId: user.organisation.id, role: 'IMPLEMENTING' as ParticipantRole }] : [];
  return {
    title: texts(),
    description: texts(),
    objectives: texts(),
    status: 'PIPELINE',
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    themeCodes: [],
    targetGroups: [],
    iatiIdentifier: '',
    links: [],
    participants: own,
    coverage: [],
  };
}

export function unitOf(unit: { code: string; name?: string | null; level: AdminLevel; parent?: { name?: string | null } | null; ancestors: { code: string }[] }): PickedUnit {
  return { code: unit.code, name: unit.name ?? null, level: unit.level, parentName: unit.parent?.name ?? null, ancestors: unit.ancestors.map((ancestor) => ancestor.code) };
}

/** The form's values for a stored project. */
export function valuesOf(project: EditorProjectFieldsFragment): ProjectFormValues {
  return {
    title: texts(project.titles),
    description: texts(project.description),
    objectives: texts(project.objectives),
    status: project.status,
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
    actualStart: project.actualStart,
    actualEnd: project.actualEnd,
    themeCodes: project.themes.map((theme) => theme.code),
    targetGroups: project.targetGroups,
    iatiIdentifier: project.iatiIdentifier ?? '',
    links: project.links.map((link) => ({ key: newKey(), title: link.title ?? '', url: link.url })),
    participants: project.participants.map((participant) => ({ key: newKey(), organisationId: participant.organisation.id, role: participant.role })),
    coverage: project.coverage.map((entry) => ({ ...unitOf(entry.unit), share: entry.share == null ? '' : String(Number(entry.share)) })),
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const textsInput = (value: Texts) => ({ ky: orNull(value.ky), ru: orNull(value.ru), en: orNull(value.en) });

export function coverageInput(values: ProjectFormValues) {
  return values.coverage.map((row) => ({ unitCode: row.code, share: row.share.trim() ? row.share.trim() : null }));
}

export function participantsInput(values: ProjectFormValues) {
  return values.participants.filter((row) => row.organisationId && row.role).map((row) => ({ organisationId: row.organisationId!, role: row.role! }));
}

/** The fields updateProject and createProject share. */
function fieldsInput(values: ProjectFormValues) {
  return {
    title: textsInput(values.title),
    description: textsInput(values.description),
    objectives: textsInput(values.objectives),
    status: values.status,
    plannedStart: values.plannedStart,
    plannedEnd: values.plannedEnd,
    actualStart: values.actualStart,
    actualEnd: values.actualEnd,
    themeCodes: values.themeCodes,
    targetGroups: values.targetGroups.map((group) => group.trim()).filter(Boolean),
    iatiIdentifier: orNull(values.iatiIdentifier),
    links: values.links.filter((link) => link.url.trim() || link.title.trim()).map((link) => ({ url: link.url.trim(), title: orNull(link.title) })),
  };
}

export function createInput(values: ProjectFormValues): CreateProjectInput {
  return { ...fieldsInput(values), coverage: coverageInput(values), participants: participantsInput(values) };
}

export function updateInput(values: ProjectFormValues, version: number): UpdateProjectInput {
  return { ...fieldsInput(values), version };
}

/** Same set of entries, whatever the order. */
export function sameEntries<T>(a: T[], b: T[]): boolean {
  const key = (list: T[]) =>
    list
      .map((entry) => JSON.stringify(entry))
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** Dates that count for overlaps: actual where known, else planned. */
export function effectiveDates(values: Pick<ProjectFormValues, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>): { start: string | null; end: string | null } {
  return { start: values.actualStart ?? values.plannedStart, end: values.actualEnd ?? values.plannedEnd };
}

/**
 * What the project would look like to the overlap analysis once saved: for a partner, its own
 * organisation takes part even if the form leaves it out (the server adds it).
 */
export function draftOf(values: ProjectFormValues, user: SignedInUser | null, projectId: string | null): OverlapDraftInput | null {
  const { start, end } = effectiveDates(values);
  if (!values.coverage.length || !values.themeCodes.length) return null;
  if (start && end && end < start) return null;
  const participants = values.participants.flatMap((row) => (row.organisationId && row.role ? [{ organisationId: row.organisationId, role: row.role }] : []));
  const own = user?.role === 'PARTNER_EDITOR' ? user.organisation?.id : undefined;
  const editing: ParticipantRole[] = ['ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'];
  if (own && !participants.some((row) => row.organisationId === own && editing.includes(row.role))) participants.push({ organisationId: own, role: 'IMPLEMENTING' });
  return {
    unitCodes: values.coverage.map((row) => row.code),
    themeCodes: values.themeCodes,
    start,
    end,
    status: values.status,
    participants,
    excludeProjectId: projectId,
  };
}

export type EditRight = 'edit' | 'funding' | 'none';

/**
 * What the user may do with a project: ADMIN and partner editors of an organisation running it
 * edit it; an editor of an organisation that only funds it records its own money; others read.
 */
export function editRight(user: SignedInUser | null, participants: { role: ParticipantRole; organisation: { id: string } }[]): EditRight {
  if (!user) return 'none';
  if (user.role === 'ADMIN') return 'edit';
  if (user.role !== 'PARTNER_EDITOR' || !user.organisation) return 'none';
  const own = participants.filter((participant) => participant.organisation.id === user.organisation!.id);
  if (own.some((participant) => EDITING_ROLES.includes(participant.role))) return 'edit';
  return own.length ? 'funding' : 'none';
}

/** `input.links[2].url` → `links.2.url`: a server path as the form names it. */
export function formPath(field: string): string {
  return field.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** The fields a concurrent change is compared and merged by. */
export const MERGE_FIELDS = [
  ...LANGUAGES.flatMap((lang) => [`title.${lang}`, `description.${lang}`, `objectives.${lang}`]),
  'status',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'themeCodes',
  'targetGroups',
  'iatiIdentifier',
  'links',
  'coverage',
  'participants',
];

const sortedJson = (list: unknown[]) =>
  list
    .map((entry) => JSON.stringify(entry))
    .sort()
    .join('|');

/** A field's value in a form that compares equal when it means the same. */
function comparable(values: ProjectFormValues, field: string): string {
  switch (field) {
    case 'themeCodes':
    case 'targetGroups':
      return sortedJson(values[field]);
    case 'links':
      return JSON.stringify(values.links.map(({ url, title }) => ({ url, title })));
    case 'coverage':
      return sortedJson(coverageInput(values));
    case 'participants':
      return sortedJson(participantsInput(values));
    default: {
      const [group, lang] = field.split('.') as [keyof ProjectFormValues, Lang | undefined];
      const value = lang ? (values[group] as Texts)[lang] : values[group];
      return String(value ?? '');
    }
  }
}

function copyField(target: ProjectFormValues, source: ProjectFormValues, field: string): ProjectFormValues {
  const [group, lang] = field.split('.') as [keyof ProjectFormValues, Lang | undefined];
  if (lang) return { ...target, [group]: { ...(target[group] as Texts), [lang]: (source[group] as Texts)[lang] } };
  return { ...target, [group]: source[group] };
}

/**
 * After a CONFLICT, the form is brought to the newest stored version without losing the user's
 * work: a field the user left as it was takes the other person's new value; a field the user
 * changed keeps the user's input. `theirs` lists what the other person changed, `both` the
 * fields both changed differently (where saving will replace the other person's value).
 */
export function mergeAfterReload(base: ProjectFormValues, mine: ProjectFormValues, newest: ProjectFormValues): { values: ProjectFormValues; theirs: string[]; both: string[] } {
  let values = mine;
  const theirs: string[] = [];
  const both: string[] = [];
  for (const field of MERGE_FIELDS) {
    const before = comparable(base, field);
    const after = comparable(newest, field);
    if (after === before) continue;
    theirs.push(field);
    const own = comparable(mine, field);
    if (own === before) values = copyField(values, newest, field);
    else if (own !== after) both.push(field);
  }
  return { values, theirs, both };
}
