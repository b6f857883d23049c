import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext, RequestContexts } from '../common/context';
import { Project } from '../projects/project.entity';
import { briefingCoordination } from './briefing/briefing-coordination';
import { isUuid } from '../common/ids';
import { Language, languageFromHeader, pickTranslation } from '../common/localized-text';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { buildBriefing } from './briefing/briefing';
import { briefingHtml, briefingMarkdown } from './briefing/briefing-page';
import { meetingInvitation } from './invitation';
import { AgendaItem, Meeting } from './meeting.entity';
import { canReadMeeting } from './meeting.service';
import { CoordinationBody } from '../council/coordination-body.entity';
import { LOCALES, textsIn } from '../locales/i18n';

interface MeetingRequest {
  Params: { id: string };
  Querystring: { lang?: string; format?: string };
}

/**
 * The meeting if the caller (cookie or bearer token, as for /graphql) may read it; else replies
 * 401/404 with a plain-text reason in the page's language.
 */
async function readableMeeting(ctx: RequestContext, request: FastifyRequest<MeetingRequest>, reply: FastifyReply): Promise<Meeting | null> {
  const t = textsIn(ctx.language);
  const refuse = async (status: number, message: string) => {
    await reply.code(status).type('text/plain; charset=utf-8').send(message);
    return null;
  };
  if (ctx.sessionEnded) return refuse(401, t('briefing:errors.sessionEnded'));
  if (ctx.credentialError) return refuse(401, t('briefing:errors.invalidToken'));
  const { em, caller } = ctx;
  const meeting = isUuid(request.params.id) ? await em.findOne(Meeting, { id: request.params.id }, { populate: ['place'] }) : null;
  if (!meeting || !(await canReadMeeting(em, caller, meeting))) return caller ? refuse(404, t('briefing:errors.noSuchMeeting')) : refuse(401, t('briefing:errors.signIn'));
  return meeting;
}

/** `?lang=` when it names a language of the hub, else the request's Accept-Language; said back in Content-Language. */
function languageOf(request: FastifyRequest<MeetingRequest>, reply: FastifyReply): Language {
  const asked = request.query.lang;
  const language = asked && (Object.values(Language) as string[]).includes(asked) ? (asked as Language) : languageFromHeader(request.headers['accept-language']);
  reply.header('content-language', language);
  return language;
}

const unitNames = (unit: AdminUnit) => ({ ky: unit.nameKy, ru: unit.nameRu, en: unit.nameEn });

/** Texts the rendered briefing and invitation need, in one language. */
async function meetingTexts(em: EntityManager, meeting: Meeting, language: Language) {
  const body = await em.findOneOrFail(CoordinationBody, meeting.body.id);
  const agenda = (await em.find(AgendaItem, { meeting }, { orderBy: { position: 'asc' } })).map((item) => pickTranslation(item.title, language) ?? '');
  const place = meeting.place ? await em.findOne(AdminUnit, { code: meeting.place.code }) : null;
  return {
    bodyName: pickTranslation(body.name, language) ?? '',
    agenda,
    placeName: place ? pickTranslation(unitNames(place), language) : null,
  };
}

/** GET /meetings/:id/briefing (HTML, or Markdown with ?format=md) and /meetings/:id/invite.ics. */
export function registerMeetingRoutes(http: FastifyInstance, contexts: RequestContexts): void {
  http.get<MeetingRequest>('/meetings/:id/briefing', async (request, reply) => {
    const ctx = await contexts.withCaller(request, reply, languageOf(request, reply));
    const meeting = await readableMeeting(ctx, request, reply);
    if (!meeting) return reply;
    const { em, language } = ctx;
    const briefing = await buildBriefing(em, meeting);
    const coordination = await briefingCoordination(ctx, briefing);
    const projectIds = coordination.overlaps.flatMap((overlap) => [overlap.projectAId, overlap.projectBId]);
    const titles = new Map((await em.find(Project, { id: { $in: projectIds } })).map((project) => [project.id, pickTranslation(project.title, language) ?? project.id]));
    const units = new Map(
      (await em.find(AdminUnit, { code: { $in: coordination.gaps.map((gap) => gap.unitCode) } })).map((unit) => [
        unit.code,
        pickTranslation(unitNames(unit), language) ?? unit.code,
      ]),
    );
    const texts = await meetingTexts(em, meeting, language);
    const names = new Map(
      (
        await em.find(Organisation, {
          id: {
            $in: [
              ...briefing.members.map((member) => member.id),
              ...briefing.openActionItems.map((item) => item.owner.id),
              ...briefing.closedActionItems.map((item) => item.owner.id),
            ],
          },
        })
      ).map((organisation) => [organisation.id, pickTranslation(organisation.name, language) ?? organisation.acronym ?? organisation.id]),
    );
    const score = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const text = {
      agenda: texts.agenda,
      organisationName: (id: string) => names.get(id) ?? id,
      overlaps: coordination.overlaps.map((overlap) => `${titles.get(overlap.projectAId)} × ${titles.get(overlap.projectBId)} (${score.format(overlap.score)})`),
      hotspots: coordination.hotspots.length,
      gaps: coordination.gaps.map((gap) => units.get(gap.unitCode) ?? gap.unitCode),
    };
    if (request.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(briefingMarkdown(briefing, language, text));
    return reply.type('text/html; charset=utf-8').send(briefingHtml(briefing, language, text));
  });

  http.get<MeetingRequest>('/meetings/:id/invite.ics', async (request, reply) => {
    const ctx = await contexts.withCaller(request, reply, languageOf(request, reply));
    const meeting = await readableMeeting(ctx, request, reply);
    if (!meeting) return reply;
    const { em, language } = ctx;
    const texts = await meetingTexts(em, meeting, language);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${meeting.number}.ics"`)
      .send(meetingInvitation(meeting, { ...texts, language }));
  });
}
