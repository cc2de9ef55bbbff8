import { hasPermission } from '../../../domain/access/permissions'
import { findProtocol } from '../../../domain/dosing'
import { type Answers, getInstrument, type InstrumentId, isInstrumentId } from '../../../domain/instruments'
import { clinicService } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { enqueueMessage, portalLinkPlaceholder } from '../../jobs/outbox'
import { insertScoredResponse } from '../assessments/service'
import { renderConsentPdf } from '../consent/consent-pdf'
import { listConsentsOf, loadConsentForPrint } from '../consent/service'
import { requirePatient } from '../patients/store'
import { renderDischargeInstructions } from '../sessions/documents'
import { loadSessionView } from '../sessions/view'
import { createInvite } from './auth'
import { type PortalPatient, runForPatient } from './patient-scope'
import { inviteDays } from './store'
import { ensureSurveyAssignments } from './surveys'

// Remission thresholds the progress chart draws (clinical-reference §4, outcome definitions).
const remissionAt: Partial<Record<InstrumentId, number>> = { phq9: 4, 'qids-sr16': 5, gad7: 4 }

/**
 * Staff invite a patient: an account waiting for a password, and a one-time link (7 days) that is
 * for the patient only (issue 13). It goes out by e-mail, its token issued only as the e-mail is
 * sent (the outbox keeps a reference, never a usable link). With no e-mail server configured, the
 * link is shown once in the reply, and only to a role that may read the chart anyway; front desk
 * then sees that the invitation waits for a nurse or prescriber. Resetting an account already in
 * use takes a clinician's invite (see acceptInvite).
 */
export const invitePatient = clinicService(
  { permission: 'demographics:write', action: 'portal.invite', entity: 'patient_account' },
  async (scope, patientId: string) => {
    const patient = await requirePatient(scope.tx, scope.clinicId, patientId)
    if (!patient.email)
      throw new AppError(
        'validation-failed',
        'Record the patient’s e-mail address first: it is their portal sign-in.',
        { fieldErrors: [{ field: 'email', message: 'the patient has no e-mail address' }] },
      )
    const taken = await scope.tx
      .selectFrom('patient_account')
      .select('patient_id')
      .where('email', '=', patient.email.toLowerCase())
      .where('patient_id', '!=', patientId)
      .executeTakeFirst()
    if (taken)
      throw new AppError('conflict', 'Another patient’s portal account uses this e-mail address.', {
        fieldErrors: [{ field: 'email', message: 'already used by another portal account' }],
      })
    const isClinician = hasPermission(scope.membership.role, 'clinical:read')
    const existing = await scope.tx
      .selectFrom('patient_account')
      .select('activated_at')
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst()
    if (existing?.activated_at && !isClinician)
      throw new AppError(
        'forbidden',
        'This patient already uses the portal. Resetting their access (a new password, two-step sign-in off) needs a nurse or prescriber.',
      )
    const invite = await createInvite(
      scope.tx,
      scope.clinicId,
      patientId,
      patient.email.toLowerCase(),
      scope.now,
      isClinician ? scope.principal.userId : null,
    )
    const clinic = await scope.tx
      .selectFrom('clinic')
      .select('name')
      .where('id', '=', scope.clinicId)
      .executeTakeFirstOrThrow()
    await enqueueMessage(
      scope.tx,
      {
        clinicId: scope.clinicId,
        kind: 'portal-invite',
        dedupeKey: `portal-invite:${patientId}:${scope.now.getTime()}`,
        recipient: patient.email,
        subject: `Your ${clinic.name} patient portal`,
        body: `Hello ${patient.given_name},\n\n${clinic.name} has invited you to its patient portal, where you can fill in your symptom questionnaires, see your progress and upcoming visits.\n\nOpen this link within ${inviteDays} days to choose a password:\n${portalLinkPlaceholder}\n\nIf you did not expect this message, please call the clinic.\n\nThis message is general information from your clinic, not medical advice.`,
        patientId,
        portalTokenId: invite.id,
      },
      scope.now,
    )
    const showOnce = isClinician && !scope.ctx.config.smtp.url
    await scope.audit({
      action: 'portal.invite',
      entity: 'patient_account',
      entityId: patientId,
      detail: { delivery: showOnce ? 'shown once to the inviting clinician' : 'e-mail' },
    })
    return {
      delivery: showOnce ? ('shown-once' as const) : ('email' as const),
      emailConfigured: Boolean(scope.ctx.config.smtp.url),
      inviteUrl: showOnce ? `/portal/invite/${invite.token}` : null,
      expiresAt: invite.expiresAt,
    }
  },
)

export const portalStatus = clinicService(
  { permission: 'patients:read', action: 'portal.status', entity: 'patient_account' },
  async (scope, patientId: string) => {
    const a = await scope.tx
      .selectFrom('patient_account')
      .select(['invited_at', 'activated_at', 'last_sign_in_at'])
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst()
    await scope.audit({ action: 'portal.status', entity: 'patient_account', entityId: patientId })
    return {
      hasAccount: Boolean(a?.activated_at),
      invitedAt: a?.invited_at ?? null,
      lastSignInAt: a?.last_sign_in_at ?? null,
    }
  },
)

export function describeMe(ctx: AppContext, patient: PortalPatient & { csrfToken: string }) {
  return runForPatient(ctx, patient, async (scope) => {
    const p = await scope.tx
      .selectFrom('patient as p')
      .innerJoin('clinic as c', 'c.id', 'p.clinic_id')
      .select(['p.given_name', 'p.family_name', 'c.name', 'c.phone'])
      .where('p.id', '=', patient.patientId)
      .executeTakeFirstOrThrow()
    await scope.audit({ action: 'portal.me', entity: 'patient', entityId: patient.patientId })
    return {
      csrfToken: patient.csrfToken,
      patient: { givenName: p.given_name, familyName: p.family_name },
      clinic: { name: p.name, phone: p.phone },
      // runForPatient has refused a session still waiting for its code ('mfa-pending').
      scope: patient.scope === 'survey' ? ('survey' as const) : ('full' as const),
      surveyId: patient.surveyId,
    }
  })
}

const requireFull = (patient: PortalPatient) => {
  if (patient.scope !== 'full')
    throw new AppError(
      'forbidden',
      'This link opens one questionnaire only. Sign in to see the rest of the portal.',
    )
}

export function listSurveys(ctx: AppContext, patient: PortalPatient) {
  return runForPatient(ctx, patient, async (scope) => {
    await ensureSurveyAssignments(scope.tx, patient.clinicId, patient.patientId, scope.now)
    let q = scope.tx
      .selectFrom('survey_assignment')
      .selectAll()
      .where('clinic_id', '=', patient.clinicId)
      .where('patient_id', '=', patient.patientId)
      .where('status', '!=', 'completed')
    if (patient.scope === 'survey')
      q = q.where('id', '=', patient.surveyId ?? '00000000-0000-0000-0000-000000000000')
    const rows = await q.orderBy('due_at').execute()
    // The clinic's suicidal-ideation thresholds, so the portal shows crisis resources at the same
    // answer the server will alert on (§4); they are clinic policy, not patient data.
    const { suicidalIdeation } = await loadClinicSettings(scope.tx, patient.clinicId)
    await scope.audit({
      action: 'portal.surveys',
      entity: 'survey_assignment',
      detail: { count: rows.length },
    })
    return rows.map((r) => ({
      id: r.id,
      instrumentId: r.instrument_id,
      instrumentName: getInstrument(r.instrument_id).name,
      reason: r.reason,
      dueAt: r.due_at,
      status: r.status as 'due' | 'in-progress',
      answers: r.answers,
      suicidalIdeation,
    }))
  })
}

async function openAssignment(
  scope: Parameters<Parameters<typeof runForPatient>[2]>[0],
  patient: PortalPatient,
  surveyId: string,
) {
  if (patient.scope === 'survey' && patient.surveyId !== surveyId)
    throw new AppError('forbidden', 'This link opens a different questionnaire.')
  const row = await scope.tx
    .selectFrom('survey_assignment')
    .selectAll()
    .where('clinic_id', '=', patient.clinicId)
    .where('patient_id', '=', patient.patientId)
    .where('id', '=', surveyId)
    .executeTakeFirst()
  if (!row) throw new AppError('not-found', 'No such questionnaire.')
  if (row.status === 'completed')
    throw new AppError('conflict', 'This questionnaire is already submitted. Thank you.')
  return row
}

function checkAnswerKeys(instrumentId: string, answers: Answers) {
  const items = new Set(getInstrument(instrumentId).items.map((i) => i.id))
  const unknown = Object.keys(answers).filter((k) => !items.has(k))
  if (unknown.length)
    throw new AppError('validation-failed', 'Some answers are not questions of this questionnaire.', {
      fieldErrors: unknown.map((k) => ({
        field: `answers.${k}`,
        message: 'is not a question of this questionnaire',
      })),
    })
}

/** Saves answers as they come, so a patient can stop and come back. */
export function saveSurvey(ctx: AppContext, patient: PortalPatient, surveyId: string, answers: Answers) {
  return runForPatient(ctx, patient, async (scope) => {
    const row = await openAssignment(scope, patient, surveyId)
    checkAnswerKeys(row.instrument_id, answers)
    await scope.tx
      .updateTable('survey_assignment')
      .set({ answers: JSON.stringify(answers), status: 'in-progress', updated_at: scope.now })
      .where('id', '=', row.id)
      .execute()
    await scope.audit({ action: 'portal.survey-save', entity: 'survey_assignment', entityId: row.id })
    return {
      id: row.id,
      instrumentId: row.instrument_id,
      instrumentName: getInstrument(row.instrument_id).name,
      reason: row.reason,
      dueAt: row.due_at,
      status: 'in-progress' as const,
      answers,
    }
  })
}

/**
 * Scores and files the answers with the clinic's thresholds. A suicidal-ideation item at warning
 * or urgent level (PHQ-9 item 9, QIDS-SR16 item 12, …; §4) raises the same safety alert as in the
 * clinic, which the clinic sees at once; the reply tells the portal to show crisis resources.
 */
export function submitSurvey(ctx: AppContext, patient: PortalPatient, surveyId: string, answers: Answers) {
  return runForPatient(ctx, patient, async (scope) => {
    const row = await openAssignment(scope, patient, surveyId)
    if (!isInstrumentId(row.instrument_id)) throw new AppError('internal', 'Unknown questionnaire.')
    const { id, total, alertIds } = await insertScoredResponse(scope, {
      patientId: patient.patientId,
      instrumentId: row.instrument_id,
      answers,
      context: 'between',
      sessionId: row.session_id,
      recordedBy: null,
    })
    await scope.tx
      .updateTable('survey_assignment')
      .set({ answers: JSON.stringify(answers), status: 'completed', response_id: id, updated_at: scope.now })
      .where('id', '=', row.id)
      .execute()
    const response = await scope.tx
      .selectFrom('instrument_response')
      .select(['band', 'band_label'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const notified = alertIds.length > 0 ? await notifyClinicians(ctx, scope.tx, patient, id, scope.now) : 0
    await scope.audit({
      action: 'portal.survey-submit',
      entity: 'survey_assignment',
      entityId: row.id,
      detail: { instrumentId: row.instrument_id, total, alerts: alertIds.length, notified },
    })
    return {
      total,
      band: response.band ? { id: response.band, label: response.band_label ?? response.band } : null,
      isCrisis: alertIds.length > 0,
    }
  })
}

/**
 * A safety answer from home must not wait for someone to open the chart: every active prescriber
 * and nurse of the clinic is e-mailed through the outbox in the same transaction. The message
 * carries no name or answers — only that a portal questionnaire raised a safety alert and the
 * chart's address, behind sign-in.
 */
async function notifyClinicians(
  ctx: AppContext,
  tx: Tx,
  patient: PortalPatient,
  responseId: string,
  now: Date,
): Promise<number> {
  const staff = await tx
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['app_user.email'])
    .where('membership.clinic_id', '=', patient.clinicId)
    .where('membership.role', 'in', ['prescriber', 'nurse'])
    .where('membership.is_active', '=', true)
    .where('app_user.is_active', '=', true)
    .execute()
  for (const member of staff) {
    await enqueueMessage(
      tx,
      {
        clinicId: patient.clinicId,
        kind: 'safety-alert',
        dedupeKey: `safety-alert:${responseId}:${member.email}`,
        recipient: member.email,
        subject: 'KetaCare: a patient questionnaire raised a safety alert',
        body: `A questionnaire a patient answered in the portal just now has a safety answer (a suicidal-ideation question answered at or above the clinic's alert level). The patient was shown crisis resources and told the answers may not be read at once.\n\nPlease review and acknowledge the alert on the chart today:\n${ctx.config.publicUrl}/c/${patient.clinicId}/patients/${patient.patientId}\n\nThis message deliberately holds no patient details; sign in to see them.`,
        patientId: patient.patientId,
      },
      now,
    )
  }
  return staff.length
}

/** The patient's own treatment sessions that ended in discharge: what the portal shows of them. */
function dischargedSessions(tx: Tx, patient: PortalPatient) {
  return tx
    .selectFrom('treatment_session')
    .where('clinic_id', '=', patient.clinicId)
    .where('patient_id', '=', patient.patientId)
    .where('state', '=', 'discharged')
}

export function progress(ctx: AppContext, patient: PortalPatient) {
  requireFull(patient)
  return runForPatient(ctx, patient, async (scope) => {
    const rows = await scope.tx
      .selectFrom('instrument_response')
      .select(['instrument_id', 'total', 'administered_at', 'context'])
      .where('clinic_id', '=', patient.clinicId)
      .where('patient_id', '=', patient.patientId)
      .where('entered_in_error_at', 'is', null)
      .where('instrument_id', 'in', ['phq9', 'gad7', 'qids-sr16', 'madrs'])
      .orderBy('administered_at')
      .execute()
    const sessions = await dischargedSessions(scope.tx, patient)
      .select(['scheduled_at', 'session_number', 'dose_started_at'])
      .orderBy('scheduled_at')
      .execute()
    const series = [...new Set(rows.map((r) => r.instrument_id))].map((instrumentId) => {
      const points = rows
        .filter((r) => r.instrument_id === instrumentId)
        .map((r) => ({ at: r.administered_at, total: Number(r.total) }))
      const baseline = points[0]?.total ?? null
      const instrument = getInstrument(instrumentId)
      return {
        instrumentId,
        name: instrument.name,
        maxTotal: instrument.totalRange.max,
        baseline,
        responseAt: baseline === null ? null : Math.floor(baseline / 2),
        remissionAt: remissionAt[instrumentId as InstrumentId] ?? null,
        points,
      }
    })
    await scope.audit({ action: 'portal.progress', entity: 'instrument_response' })
    return {
      series,
      sessions: sessions.map((s) => ({ at: s.dose_started_at ?? s.scheduled_at, number: s.session_number })),
    }
  })
}

export function appointments(ctx: AppContext, patient: PortalPatient) {
  requireFull(patient)
  return runForPatient(ctx, patient, async (scope) => {
    const rows = await scope.tx
      .selectFrom('treatment_session as s')
      .innerJoin('clinic as c', 'c.id', 's.clinic_id')
      .innerJoin('treatment_plan as p', 'p.id', 's.plan_id')
      .select(['s.id', 's.scheduled_at', 's.route', 'c.name', 'p.protocol_id'])
      .where('s.clinic_id', '=', patient.clinicId)
      .where('s.patient_id', '=', patient.patientId)
      .where('s.state', '=', 'scheduled')
      .where('s.scheduled_at', '>=', new Date(scope.now.getTime() - 3_600_000))
      .orderBy('s.scheduled_at')
      .execute()
    await scope.audit({ action: 'portal.appointments', entity: 'treatment_session' })
    return rows.map((r) => ({
      id: r.id,
      scheduledAt: r.scheduled_at,
      clinicName: r.name,
      route: r.route,
      treatment: findProtocol(r.protocol_id).name,
      instructions: [
        'Follow the fasting instructions your clinic gave you.',
        'Bring a responsible adult to take you home; you cannot leave alone.',
        'Do not drive, cycle or operate machinery until the next day, after a night’s sleep.',
        r.route === 'intranasal'
          ? 'Plan to stay at the clinic for at least two hours after your dose.'
          : 'Plan to stay at the clinic for monitoring after your infusion.',
      ],
    }))
  })
}

export function documents(ctx: AppContext, patient: PortalPatient) {
  requireFull(patient)
  return runForPatient(ctx, patient, async (scope) => {
    const consents = await listConsentsOf(scope.tx, patient.clinicId, patient.patientId)
    const sessions = await dischargedSessions(scope.tx, patient)
      .select(['id', 'session_number', 'discharged_at'])
      .orderBy('discharged_at', 'desc')
      .execute()
    await scope.audit({ action: 'portal.documents', entity: 'patient' })
    return [
      ...consents.map((c) => ({
        id: c.id,
        kind: 'consent' as const,
        title: `${c.title} (version ${c.version})`,
        date: c.signed_at,
        url: `/api/v1/portal/documents/consent/${c.id}.pdf`,
      })),
      ...sessions.map((s) => ({
        id: s.id,
        kind: 'discharge-instructions' as const,
        title: `After your treatment — session ${s.session_number}`,
        date: s.discharged_at!,
        url: `/api/v1/portal/documents/discharge/${s.id}.pdf`,
      })),
    ]
  })
}

export function documentPdf(
  ctx: AppContext,
  patient: PortalPatient,
  kind: 'consent' | 'discharge',
  id: string,
) {
  requireFull(patient)
  return runForPatient(ctx, patient, async (scope) => {
    await scope.audit({
      action: `portal.document-${kind}`,
      entity: kind === 'consent' ? 'consent' : 'treatment_session',
      entityId: id,
    })
    if (kind === 'discharge') {
      const s = await dischargedSessions(scope.tx, patient)
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!s) throw new AppError('not-found', 'No such document.')
      const view = await loadSessionView(scope.tx, patient.clinicId, id, scope.now)
      const clinic = await scope.tx
        .selectFrom('clinic')
        .select(['name', 'phone'])
        .where('id', '=', patient.clinicId)
        .executeTakeFirstOrThrow()
      return {
        filename: `after-your-treatment-${view.session.sessionNumber}.pdf`,
        pdf: await renderDischargeInstructions(view, clinic),
      }
    }
    const row = await loadConsentForPrint(scope.tx, patient.clinicId, patient.patientId, id)
    if (!row) throw new AppError('not-found', 'No such document.')
    return { filename: `consent-v${row.version}.pdf`, pdf: await renderConsentPdf(row) }
  })
}
