import type { RequestContext } from '../common/context';
import { sql, sqlText, sqlWhere } from '../common/sql';
import { found } from '../common/loaded';
import { Language, pickTranslation } from '../common/localized-text';
import { createFundingLoaders } from '../funding/funding.loaders';
import type { FundingTotals } from '../funding/funding-totals';
import { PATH_SEPARATOR } from '../geography/admin-unit.entity';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { ParticipantRole } from '../projects/project-participant.entity';
import { createProjectLoaders, type ParticipantEntry, type ProjectRecord } from '../projects/project.loaders';
import { checkedProjectFilterSql } from '../projects/project.service';
import { titleSql } from '../projects/project.sql';
import { textsIn } from '../locales/i18n';
import type { ThreeWOptions } from './export-params';

/** Projects read per statement; the rows of one page are written before the next is read. */
export const THREE_W_PAGE_SIZE = 500;

/** One row of the 3W: a project and one unit it covers (or none, for a project without coverage). */
export interface ThreeWRow {
  implementers: string;
  funders: string;
  themes: string;
  dacCodes: string;
  adm1Name: string;
  adm1Code: string;
  adm2Name: string;
  adm2Code: string;
  adm3Name: string;
  adm3Code: string;
  title: string;
  projectId: string;
  status: string;
  start: string | null;
  end: string | null;
  /** The project's whole commitment converted into `currency`; null when none is recorded or a rate is missing. */
  committed: string | null;
  currency: string;
}

type Places = Pick<ThreeWRow, 'adm1Name' | 'adm1Code' | 'adm2Name' | 'adm2Code' | 'adm3Name' | 'adm3Code'>;

export interface ThreeWColumn {
  key: keyof ThreeWRow;
  /** The HXL hashtag of the row under the header (https://hxlstandard.org). */
  hxl: string;
  label: Record<Language, string>;
  /** Width in the spreadsheet, in characters. */
  width: number;
}

/** The 3W's columns, in order: who (organisations), what (themes), where (places), when, how much. */
export const THREE_W_COLUMNS: ThreeWColumn[] = [
  { key: 'implementers', hxl: '#org+impl', width: 36, label: { en: 'Implementing organisations', ru: 'Реализующие организации', ky: 'Ишке ашыруучу уюмдар' } },
  { key: 'funders', hxl: '#org+funder', width: 30, label: { en: 'Funders', ru: 'Финансирующие организации', ky: 'Каржылоочу уюмдар' } },
  { key: 'themes', hxl: '#sector', width: 36, label: { en: 'Themes', ru: 'Темы', ky: 'Темалар' } },
  { key: 'dacCodes', hxl: '#sector+code+dac', width: 16, label: { en: 'DAC purpose codes of the themes', ru: 'Коды целей DAC по темам', ky: 'Темалардын DAC максат коддору' } },
  { key: 'adm1Name', hxl: '#adm1+name', width: 20, label: { en: 'Region', ru: 'Регион', ky: 'Облус' } },
  { key: 'adm1Code', hxl: '#adm1+code', width: 16, label: { en: 'Region code', ru: 'Код региона', ky: 'Облустун коду' } },
  { key: 'adm2Name', hxl: '#adm2+name', width: 20, label: { en: 'District', ru: 'Район', ky: 'Район' } },
  { key: 'adm2Code', hxl: '#adm2+code', width: 16, label: { en: 'District code', ru: 'Код района', ky: 'Райондун коду' } },
  { key: 'adm3Name', hxl: '#adm3+name', width: 24, label: { en: 'Ayil aimak or town', ru: 'Айыл аймак или город', ky: 'Айыл аймак же шаар' } },
  { key: 'adm3Code', hxl: '#adm3+code', width: 16, label: { en: 'Ayil aimak or town code', ru: 'Код айыл аймака или города', ky: 'Айыл аймактын же шаардын коду' } },
  { key: 'title', hxl: '#activity+name', width: 48, label: { en: 'Project', ru: 'Проект', ky: 'Долбоор' } },
  { key: 'projectId', hxl: '#activity+code', width: 38, label: { en: 'Project ID', ru: 'ID проекта', ky: 'Долбоордун ID' } },
  { key: 'status', hxl: '#status', width: 16, label: { en: 'Status', ru: 'Статус', ky: 'Абалы' } },
  { key: 'start', hxl: '#date+start', width: 12, label: { en: 'Start', ru: 'Начало', ky: 'Башталышы' } },
  { key: 'end', hxl: '#date+end', width: 12, label: { en: 'End', ru: 'Окончание', ky: 'Аякташы' } },
  { key: 'committed', hxl: '#value+committed', width: 18, label: { en: 'Committed (whole project)', ru: 'Обязательства (весь проект)', ky: 'Милдеттенмелер (бүт долбоор)' } },
  { key: 'currency', hxl: '#currency', width: 10, label: { en: 'Currency', ru: 'Валюта', ky: 'Валюта' } },
];

/** Several names in one cell. */
const LIST_SEPARATOR = '; ';

/**
 * The organisations that work in a place, as the hub counts them everywhere (README,
 * "Coordination analytics"): the implementers; where none is named, the accountable and
 * extending organisations; where neither is, the funders.
 */
function workingOrganisations(participants: ParticipantEntry[]): string[] {
  const inRoles = (...roles: ParticipantRole[]) => participants.filter((entry) => roles.includes(entry.role)).map((entry) => entry.organisationId);
  for (const roles of [[ParticipantRole.IMPLEMENTING], [ParticipantRole.ACCOUNTABLE, ParticipantRole.EXTENDING], [ParticipantRole.FUNDING]]) {
    const ids = inRoles(...roles);
    if (ids.length) return [...new Set(ids)];
  }
  return [];
}

function committedOf(totals: FundingTotals): string | null {
  const recorded = totals.byCurrency.some((sums) => Number(sums.committed) !== 0);
  return recorded && totals.complete ? totals.committed : null;
}

/**
 * The 3W's rows, a page of projects at a time: the filter is checked (and refused with a
 * BAD_USER_INPUT naming the field) before the first page is read, so a client's mistake is
 * answered before anything is sent. Projects come in title order (in the export's language),
 * paged by keyset (title, id), so each page costs the same and a project changed meanwhile is
 * neither skipped nor written twice. Each page has its own project and funding loaders: memory
 * stays that of one page whatever the number of projects.
 */
export async function threeWPages(ctx: RequestContext, options: ThreeWOptions): Promise<AsyncIterable<ThreeWRow[]>> {
  const conditions = await checkedProjectFilterSql(ctx, options.filter);
  // Never null, so the keyset comparison never drops a project (every title has some text anyway).
  const title = sqlText(`coalesce(${titleSql(options.language)}, '')`);
  const connection = ctx.em.getConnection();

  async function nextIds(after: { title: string; id: string } | null) {
    const keyset = after ? [sql`(${title}, p.id) > (${after.title}, ${after.id}::uuid)`] : [];
    const statement = sql`select p.id, ${title} as title from project p ${sqlWhere([...conditions, ...keyset])} order by ${title}, p.id limit ${THREE_W_PAGE_SIZE}`;
    return connection.execute<{ id: string; title: string }[]>(statement.sql, statement.params);
  }

  async function* pages(): AsyncGenerator<ThreeWRow[]> {
    let after: { title: string; id: string } | null = null;
    for (;;) {
      const page = await nextIds(after);
      if (!page.length) return;
      yield await rowsOf(
        ctx,
        page.map((row) => row.id),
        options,
      );
      if (page.length < THREE_W_PAGE_SIZE) return;
      after = page[page.length - 1];
    }
  }
  return pages();
}

/** The rows of a page of projects: about ten statements, whatever the page's size. */
async function rowsOf(ctx: RequestContext, ids: string[], options: ThreeWOptions): Promise<ThreeWRow[]> {
  const { language, currency } = options;
  const projectLoaders = createProjectLoaders(ctx.em);
  const fundingLoaders = createFundingLoaders(ctx.em);
  const [projects, coverage, participants, themeCodes, totals] = await Promise.all([
    projectLoaders.projectById.loadMany(ids).then(found),
    projectLoaders.coverageOf.loadMany(ids).then(found),
    projectLoaders.participantsOf.loadMany(ids).then(found),
    projectLoaders.themeCodesOf.loadMany(ids).then(found),
    fundingLoaders.totals.loadMany(ids.map((projectId) => ({ projectId, currency }))).then(found),
  ]);
  // Units, organisations and themes are few: the request's loaders keep them from page to page.
  const { geography, organisations, themes } = ctx.loaders;
  const covered = found(await geography.unitByCode.loadMany([...new Set(coverage.flat().map((entry) => entry.unitCode))]));
  const units = new Map(found(await geography.unitByCode.loadMany([...new Set(covered.flatMap((unit) => unit.path.split(PATH_SEPARATOR)))])).map((unit) => [unit.code, unit]));
  const organisationNames = new Map(
    found(await organisations.organisationById.loadMany([...new Set(participants.flat().map((entry) => entry.organisationId))])).map((organisation) => [
      organisation.id,
      pickTranslation(organisation.name, language) ?? organisation.acronym ?? organisation.id,
    ]),
  );
  const themeRecords = new Map(found(await themes.themeByCode.loadMany([...new Set(themeCodes.flat())])).map((theme) => [theme.code, theme]));

  const unitName = (unit: AdminUnitRecord | undefined) => (unit ? (pickTranslation({ ky: unit.nameKy, ru: unit.nameRu, en: unit.nameEn }, language) ?? unit.code) : '');
  /** The unit's region, district and ayil aimak (itself or its ancestors) by depth in the tree; once per unit. */
  const placesOf = new Map<string | null, Places>();
  const places = (unitCode: string | null): Places => {
    let known = placesOf.get(unitCode);
    if (!known) {
      const path = unitCode ? (units.get(unitCode)?.path.split(PATH_SEPARATOR) ?? []) : [];
      const [adm1, adm2, adm3] = [1, 2, 3].map((depth) => (path[depth] ? units.get(path[depth]) : undefined));
      known = {
        adm1Name: unitName(adm1),
        adm1Code: adm1?.code ?? '',
        adm2Name: unitName(adm2),
        adm2Code: adm2?.code ?? '',
        adm3Name: unitName(adm3),
        adm3Code: adm3?.code ?? '',
      };
      placesOf.set(unitCode, known);
    }
    return known;
  };

  const byId = new Map(projects.map((project) => [project.id, project]));
  return ids.flatMap((id, index) => {
    const project: ProjectRecord | undefined = byId.get(id);
    if (!project) return [];
    const projectThemes = themeCodes[index].map((code) => themeRecords.get(code)).filter((theme) => theme !== undefined);
    const common = {
      implementers: workingOrganisations(participants[index])
        .map((organisation) => organisationNames.get(organisation) ?? organisation)
        .join(LIST_SEPARATOR),
      funders: [
        ...new Set(
          participants[index].filter((entry) => entry.role === ParticipantRole.FUNDING).map((entry) => organisationNames.get(entry.organisationId) ?? entry.organisationId),
        ),
      ].join(LIST_SEPARATOR),
      themes: projectThemes.map((theme) => pickTranslation(theme.name, language) ?? theme.code).join(LIST_SEPARATOR),
      dacCodes: [...new Set(projectThemes.flatMap((theme) => theme.dacCodes))].sort().join(LIST_SEPARATOR),
      title: pickTranslation(project.title, language) ?? '',
      projectId: project.id,
      status: textsIn(language)(`projects:status.${project.status}`),
      start: project.actualStart ?? project.plannedStart,
      end: project.actualEnd ?? project.plannedEnd,
      committed: committedOf(totals[index]),
      currency,
    };
    const unitCodes = coverage[index].length ? coverage[index].map((entry) => entry.unitCode) : [null];
    return unitCodes.map((unitCode): ThreeWRow => Object.assign({}, common, places(unitCode)));
  });
}
