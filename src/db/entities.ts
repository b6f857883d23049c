import { ActivityPlace, ActivityReport } from '../activities/activity-report.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { ApiToken } from '../auth/api-token.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { Session } from '../auth/session.entity';
import { User } from '../auth/user.entity';
import { TranslatedText } from '../common/translations.embeddable';
import { CoordinationBody } from '../council/coordination-body.entity';
import { Membership } from '../council/membership.entity';
import { ActionItem, AgendaItem, Attendance, Decision, Meeting } from '../meetings/meeting.entity';
import { Budget } from '../funding/budget.entity';
import { ExchangeRate } from '../funding/exchange-rate.entity';
import { FundingTransaction } from '../funding/transaction.entity';
import { AdminUnitAlias } from '../geography/admin-unit-alias.entity';
import { AdminUnit } from '../geography/admin-unit.entity';
import { ReferenceData } from './reference-data.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ProjectCoverage } from '../projects/project-coverage.entity';
import { ProjectParticipant } from '../projects/project-participant.entity';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';

/** Every entity of the hub; the ORM discovers these and nothing else. */
export const entities = [
  TranslatedText,
  AdminUnit,
  AdminUnitAlias,
  Organisation,
  Theme,
  CoordinationBody,
  Membership,
  Project,
  ProjectCoverage,
  ProjectParticipant,
  FundingTransaction,
  Budget,
  ExchangeRate,
  User,
  ApiToken,
  Session,
  LoginThrottle,
  AuditEvent,
  ActivityReport,
  ActivityPlace,
  Meeting,
  AgendaItem,
  Attendance,
  Decision,
  ActionItem,
  ReferenceData,
];
