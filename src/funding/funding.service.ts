import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessErrorCode, type Caller, forbidden, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { fixedDecimal } from '../common/scalars';
import { allowLongStatements } from '../common/statement-timeout';
import { checkArgument, CURRENCY_CODE, currencyCode } from '../common/input-rules';
import { requireOrganisation } from '../organisations/organisation.service';
import { ProjectParticipant } from '../projects/project-participant.entity';
import type { Project } from '../projects/project.entity';
import { assertCanEditProject, EDITING_ROLES, requireProject } from '../projects/project.service';
import { Budget } from './budget.entity';
import { ExchangeRate } from './exchange-rate.entity';
import type { AddBudgetInput, RecordTransactionInput, SetExchangeRateInput } from './funding.inputs';
import type { FundingTotals } from './funding-totals';
import { FundingTransaction } from './transaction.entity';

export async function recordTransaction(ctx: RequestContext, input: RecordTransactionInput): Promise<FundingTransaction> {
  const currency = currencyCode(input.currency);
  return ctx.em.transactional(async (em) => {
    const project = await requireProject(em, input.projectId, 'input.projectId');
    await assertMayRecordTransaction(em, ctx.caller, project, input);
    const provider = input.providerId ? await requireOrganisation(em, input.providerId, 'input.providerId') : null;
    const receiver = input.receiverId ? await requireOrganisation(em, input.receiverId, 'input.receiverId') : null;
    return em.create(FundingTransaction, {
      project,
      type: input.type,
      amount: fixedDecimal(input.amount, 2),
      currency,
      valueDate: input.valueDate,
      provider,
      receiver,
      description: input.description ?? null,
    });
  });
}

/**
 * ADMIN records any transaction; an organisation that runs the project (ACCOUNTABLE, EXTENDING,
 * IMPLEMENTING) any transaction on it. Any other participant (a funder, say) only its own money:
 * it is the provider or the receiver, and the other side, if named, takes part in the project
 * too. Naming one's own organisation is not enough to put money on a stranger's project.
 */
async function assertMayRecordTransaction(em: EntityManager, caller: Caller | null, project: Project, input: RecordTransactionInput): Promise<void> {
  if (caller?.role === Role.ADMIN) return;
  const own = caller?.role === Role.PARTNER_EDITOR ? caller.organisationId : null;
  if (!own) throw forbidden('Only ADMIN and partner editors record transactions.');
  const participants = await em.find(ProjectParticipant, { project }, { fields: ['organisation', 'role'] });
  const rolesOf = (organisationId: string) => participants.filter((entry) => entry.organisation.id === organisationId).map((entry) => entry.role);
  const ownRoles = rolesOf(own);
  if (ownRoles.some((role) => EDITING_ROLES.includes(role))) return;
  if (ownRoles.length === 0) {
    throw forbidden('Your organisation takes no part in this project, so it cannot record money on it.', AccessErrorCode.NOT_YOUR_ORGANISATION);
  }
  if (input.providerId !== own && input.receiverId !== own) {
    throw forbidden('A funder of a project records only transactions in which its own organisation is the provider or the receiver.', AccessErrorCode.NOT_YOUR_ORGANISATION);
  }
  const [otherSide, field] = input.providerId === own ? [input.receiverId, 'input.receiverId'] : [input.providerId, 'input.providerId'];
  if (otherSide && otherSide !== own && rolesOf(otherSide).length === 0) {
    throw new DomainError(
      ErrorKind.FORBIDDEN,
      AccessErrorCode.NOT_YOUR_ORGANISATION,
      'The other side of this transaction takes no part in the project. Ask an organisation that runs the project to add it as a participant, or to record the transaction.',
      field,
    );
  }
}

/** A budget for a period of a project that the caller may edit. */
export async function addBudget(ctx: RequestContext, input: AddBudgetInput): Promise<Budget> {
  const currency = currencyCode(input.currency);
  return ctx.em.transactional(async (em) => {
    const project = await requireProject(em, input.projectId, 'input.projectId');
    await assertCanEditProject(em, ctx.caller, project);
    return em.create(Budget, {
      project,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      amount: fixedDecimal(input.amount, 2),
      currency,
      revised: input.revised,
    });
  });
}

export function budgetsOf(ctx: RequestContext, projectId: string): Promise<Budget[]> {
  return ctx.loaders.funding.budgetsOf.load(projectId);
}

/** Records (or corrects) the USD value of a currency from a day on. */
export async function setExchangeRate(ctx: RequestContext, input: SetExchangeRateInput): Promise<ExchangeRate> {
  const currency = currencyCode(input.currency);
  return ctx.em.transactional(async (em: EntityManager) => {
    // A rate changes the money of every project in that currency: recomputed at COMMIT.
    await allowLongStatements(em);
    const existing = await em.findOne(ExchangeRate, { currency, date: input.date });
    const rate = fixedDecimal(input.rate, 12);
    if (existing) {
      existing.rate = rate;
      existing.source = input.source ?? existing.source;
      return existing;
    }
    return em.create(ExchangeRate, { currency, date: input.date, rate, source: input.source ?? null });
  });
}

export function listExchangeRates(ctx: RequestContext, currency: string | null | undefined): Promise<ExchangeRate[]> {
  if (currency) checkArgument(CURRENCY_CODE, currency, 'currency');
  const where = currency ? { currency: currencyCode(currency) } : {};
  return ctx.em.find(ExchangeRate, where, { orderBy: { currency: 'asc', date: 'desc' }, limit: 1000 });
}

export function fundingTotalsOf(ctx: RequestContext, projectId: string, currency: string): Promise<FundingTotals> {
  checkArgument(CURRENCY_CODE, currency, 'currency');
  return ctx.loaders.funding.totals.load({ projectId, currency: currencyCode(currency) });
}

export function transactionsOf(ctx: RequestContext, projectId: string): Promise<FundingTransaction[]> {
  return ctx.loaders.funding.transactionsOf.load(projectId);
}
