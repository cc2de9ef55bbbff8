import type * as appUser from './app-user'
import type * as auditEvent from './audit-event'
import type * as clinic from './clinic'
import type * as loginSession from './login-session'
import type * as membership from './membership'
import type * as mfaSecret from './mfa-secret'
import type * as organization from './organization'

export type { AppUserTable } from './app-user'
export type { AuditEventTable, AuditOutcome } from './audit-event'
export type { ClinicSettings, ClinicTable } from './clinic'
export type { LoginSessionState, LoginSessionTable } from './login-session'
export type { MembershipTable } from './membership'
export type { MfaSecretTable } from './mfa-secret'
export type { OrganizationTable } from './organization'

export type Database = organization.PartialDB &
  clinic.PartialDB &
  appUser.PartialDB &
  membership.PartialDB &
  loginSession.PartialDB &
  mfaSecret.PartialDB &
  auditEvent.PartialDB
