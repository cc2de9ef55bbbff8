import type * as antidepressantTrial from './antidepressant-trial'
import type * as appUser from './app-user'
import type * as auditEvent from './audit-event'
import type * as boardDisplay from './board-display'
import type * as bodyMeasurement from './body-measurement'
import type * as chair from './chair'
import type * as clinic from './clinic'
import type * as consent from './consent'
import type * as consentText from './consent-text'
import type * as csDiscrepancy from './cs-discrepancy'
import type * as csEntry from './cs-entry'
import type * as csLossReport from './cs-loss-report'
import type * as csLot from './cs-lot'
import type * as eligibilityDecision from './eligibility-decision'
import type * as fhirClient from './fhir-client'
import type * as fhirExportJob from './fhir-export-job'
import type * as idempotencyKey from './idempotency-key'
import type * as instrumentResponse from './instrument-response'
import type * as loginSession from './login-session'
import type * as membership from './membership'
import type * as mfaSecret from './mfa-secret'
import type * as organization from './organization'
import type * as outboxMessage from './outbox-message'
import type * as outcomeSummary from './outcome-summary'
import type * as patient from './patient'
import type * as portal from './portal'
import type * as reauthFailure from './reauth-failure'
import type * as referral from './referral'
import type * as remsRecord from './rems-record'
import type * as safetyAlert from './safety-alert'
import type * as screening from './screening'
import type * as secretKeyring from './secret-keyring'
import type * as sessionEvent from './session-event'
import type * as sideEffect from './side-effect'
import type * as treatmentPlan from './treatment-plan'
import type * as treatmentSession from './treatment-session'
import type * as unlockPin from './unlock-pin'
import type * as vitalSign from './vital-sign'

export type { AntidepressantTrialTable } from './antidepressant-trial'
export type { AppUserTable } from './app-user'
export type { AuditEventTable, AuditOutcome } from './audit-event'
export type { BoardDisplayTable } from './board-display'
export type { BodyMeasurementTable } from './body-measurement'
export type { ChairTable } from './chair'
export type { ClinicSettings, ClinicTable } from './clinic'
export type { ConsentTable } from './consent'
export type { ConsentTextTable } from './consent-text'
export type { CsDiscrepancyTable, DiscrepancyResolution, DiscrepancyStatus } from './cs-discrepancy'
export type { CsEntryTable } from './cs-entry'
export type { CsLossReportTable, LossKind } from './cs-loss-report'
export type { CsDrug, CsLotTable, CsUnit } from './cs-lot'
export type { EligibilityDecisionTable, EligibilityOutcome } from './eligibility-decision'
export type { EnteredInErrorColumns } from './entered-in-error'
export type { FhirExportJobTable, FhirExportOutput, FhirExportStatus } from './fhir-export-job'
export type { IdempotencyKeyTable } from './idempotency-key'
export type { InstrumentResponseTable, ResponseContext, StoredFlag } from './instrument-response'
export type { LoginSessionState, LoginSessionTable } from './login-session'
export type { MembershipTable } from './membership'
export type { MfaSecretTable } from './mfa-secret'
export type { OrganizationTable } from './organization'
export type { OutboxMessageTable, OutboxStatus } from './outbox-message'
export type { OutcomeEffectSummaryTable, OutcomeStaleTable, OutcomeSummaryTable } from './outcome-summary'
export type { PatientSex, PatientTable } from './patient'
export type {
  PatientAccountTable,
  PortalSessionScope,
  PortalSessionTable,
  PortalTokenTable,
  SurveyAssignmentTable,
  SurveyReason,
} from './portal'
export type { ReauthFailureTable } from './reauth-failure'
export type { PreferredContact, ReferralStatus, ReferralTable } from './referral'
export type { RemsRecordKind, RemsRecordTable } from './rems-record'
export type { SafetyAlertTable } from './safety-alert'
export type { ScreeningTable } from './screening'
export type { SecretKeyringTable } from './secret-keyring'
export type { SessionEventTable } from './session-event'
export type { SideEffectTable } from './side-effect'
export type { PlanStatus, TreatmentPlanTable } from './treatment-plan'
export type { SessionRoute, TreatmentSessionTable } from './treatment-session'
export type { UnlockPinTable } from './unlock-pin'
export type { VitalContext, VitalSignTable } from './vital-sign'

export type Database = organization.PartialDB &
  clinic.PartialDB &
  appUser.PartialDB &
  membership.PartialDB &
  loginSession.PartialDB &
  mfaSecret.PartialDB &
  auditEvent.PartialDB &
  patient.PartialDB &
  bodyMeasurement.PartialDB &
  antidepressantTrial.PartialDB &
  screening.PartialDB &
  instrumentResponse.PartialDB &
  safetyAlert.PartialDB &
  vitalSign.PartialDB &
  eligibilityDecision.PartialDB &
  consentText.PartialDB &
  consent.PartialDB &
  treatmentPlan.PartialDB &
  chair.PartialDB &
  treatmentSession.PartialDB &
  sessionEvent.PartialDB &
  sideEffect.PartialDB &
  idempotencyKey.PartialDB &
  csLot.PartialDB &
  csEntry.PartialDB &
  csDiscrepancy.PartialDB &
  csLossReport.PartialDB &
  referral.PartialDB &
  outboxMessage.PartialDB &
  outcomeSummary.PartialDB &
  portal.PartialDB &
  secretKeyring.PartialDB &
  remsRecord.PartialDB &
  reauthFailure.PartialDB &
  unlockPin.PartialDB &
  boardDisplay.PartialDB &
  fhirExportJob.PartialDB &
  fhirClient.PartialDB
