import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessErrorCode, forbidden, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { escapeLike, searchKey } from '../common/search';
import { TranslatedText } from '../common/translations.embeddable';
import { badInput, notFound } from '../common/validation';
import { Organisation } from './organisation.entity';
import { OrganisationErrorCode } from './organisation.errors';
import type { CreateOrganisationInput, OrganisationFilter, UpdateOrganisationInput } from './organisation.inputs';
import type { OrganisationRecord } from './organisation.loaders';
import { isUuid } from '../common/ids';

export function organisationSearchText(organisation: Pick<Organisation, 'name' | 'acronym'>): string {
  return searchKey([organisation.name.ky, organisation.name.ru, organisation.name.en, organisation.acronym].filter(Boolean).join(' | '));
}

export function organisationById(ctx: RequestContext, id: string): Promise<OrganisationRecord | null> {
  return ctx.loaders.organisations.organisationById.load(id);
}

/** A filter's organisation id names an organisation (through the request's loader), or BAD_USER_INPUT naming `field`. */
export async function checkOrganisationId(ctx: RequestContext, id: string, field: string): Promise<void> {
  const organisation = isUuid(id) ? await organisationById(ctx, id) : null;
  if (!organisation) unknownOrganisation(id, field);
}

export function unknownOrganisation(id: string, field: string): never {
  throw badInput(OrganisationErrorCode.UNKNOWN_ORGANISATION, `There is no organisation with the id "${id}".`, field);
}

/** The organisation with this id, or a NOT_FOUND naming `field`. */
export async function requireOrganisation(em: EntityManager, id: string, field: string): Promise<Organisation> {
  const organisation = isUuid(id) ? await em.findOne(Organisation, { id }) : null;
  if (!organisation) {
    throw notFound(OrganisationErrorCode.ORGANISATION_NOT_FOUND, `No organisation has the id given in \`${field}\`.`, field);
  }
  return organisation;
}

export async function listOrganisations(ctx: RequestContext, filter: OrganisationFilter | null | undefined, window: PageWindow): Promise<Connection<Organisation>> {
  const where: FilterQuery<Organisation>[] = [];
  const search = filter?.search ? searchKey(filter.search) : '';
  if (search) where.push({ searchText: { $like: `%${escapeLike(search)}%` } });
  if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
  if (filter?.country) where.push({ country: filter.country.toUpperCase() });
  if (filter?.needsConfirmation != null) where.push({ needsConfirmation: filter.needsConfirmation });
  const [organisations, totalCount] = await ctx.em.findAndCount(
    Organisation,
    { $and: where },
    { orderBy: [{ name: { en: 'asc' } }, { name: { ru: 'asc' } }, { id: 'asc' }], limit: window.limit, offset: window.offset },
  );
  return toConnection(organisations, totalCount, window);
}

async function checkIatiIdentifierFree(em: EntityManager, iatiIdentifier: string | null | undefined, exceptId?: string) {
  if (!iatiIdentifier) return;
  const holder = await em.findOne(Organisation, { iatiIdentifier });
  if (holder && holder.id !== exceptId) {
    throw badInput(OrganisationErrorCode.IATI_IDENTIFIER_TAKEN, `Another organisation already has the IATI identifier ${iatiIdentifier}.`, 'input.iatiIdentifier');
  }
}

export async function createOrganisation(ctx: RequestContext, input: CreateOrganisationInput): Promise<Organisation> {
  return ctx.em.transactional(async (em) => {
    await checkIatiIdentifierFree(em, input.iatiIdentifier);
    const name = TranslatedText.of(input.name);
    const acronym = input.acronym?.trim() || null;
    return em.create(Organisation, {
      name,
      acronym,
      searchText: organisationSearchText({ name, acronym }),
      kind: input.kind,
      iatiIdentifier: input.iatiIdentifier?.trim() || null,
      country: input.country?.toUpperCase() ?? null,
      website: input.website ?? null,
      source: input.source ?? null,
    });
  });
}

/** Refuses an update made from an outdated read. */
export function checkVersion(current: number, sent: number | null | undefined, what: string): void {
  if (sent != null && sent !== current) {
    throw new DomainError(
      ErrorKind.CONFLICT,
      'STALE_VERSION',
      `The ${what} changed since you read it (your version ${sent}, now ${current}). Read it again and redo your change.`,
      'input.version',
    );
  }
}

export async function updateOrganisation(ctx: RequestContext, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
  if (ctx.caller?.role === Role.PARTNER_EDITOR && ctx.caller.organisationId !== id) {
    throw forbidden('A partner may change only its own organisation.', AccessErrorCode.NOT_YOUR_ORGANISATION);
  }
  if (input.confirmed && ctx.caller?.role !== Role.ADMIN && ctx.caller?.role !== Role.SECRETARIAT) {
    throw forbidden('Only the secretariat or an administrator confirms an organisation an IATI import created.');
  }
  return ctx.em.transactional(async (em) => {
    const organisation = await requireOrganisation(em, id, 'id');
    checkVersion(organisation.version, input.version, 'organisation');
    if (input.iatiIdentifier !== undefined) await checkIatiIdentifierFree(em, input.iatiIdentifier, id);
    if (input.name) organisation.name = TranslatedText.of(input.name);
    if (input.acronym !== undefined) organisation.acronym = input.acronym?.trim() || null;
    if (input.kind) organisation.kind = input.kind;
    if (input.iatiIdentifier !== undefined) organisation.iatiIdentifier = input.iatiIdentifier?.trim() || null;
    if (input.country !== undefined) organisation.country = input.country?.toUpperCase() ?? null;
    if (input.website !== undefined) organisation.website = input.website;
    if (input.source !== undefined) organisation.source = input.source;
    if (input.confirmed) organisation.needsConfirmation = false;
    organisation.searchText = organisationSearchText(organisation);
    return organisation;
  });
}
