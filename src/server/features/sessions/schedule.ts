import { hasPermission } from '../../../domain/access/permissions'
import { benefitReviewDue, findProtocol, nextDueDates } from '../../../domain/dosing'
import { findSpacingViolations, minimumSpacingHours } from '../../../domain/session'
import { addDaysTo, clinicDateOf } from '../../../domain/time'
import { type ClinicScope, clinicService, readInClinic } from '../../clinic-scope'
import { clinicTimeZone, loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { insertClinicRow } from '../clinics/clinic-rows'
import { requireRemsRecords } from '../rems/service'
import * as store from './store'
import { loadSessionView } from './view'

const defaultDurationMin = { iv: 120, intranasal: 150 } as const

export const listChairs = clinicService(
  { permission: 'clinic:read', action: 'chairs.list', entity: 'chair' },
  (scope) =>
    scope.tx
      .selectFrom('chair')
      .select(['id', 'name', 'is_active as isActive'])
      .where('clinic_id', '=', scope.clinicId)
      .orderBy('name')
      .execute(),
)

export const addChair = clinicService(
  { permission: 'settings:manage', action: 'chairs.add', entity: 'chair' },
  async (scope, name: string) => {
    const id = await insertClinicRow(scope, 'chair', {
      name: name.trim(),
      is_active: true,
      created_at: scope.now,
    })
    await scope.audit({ action: 'chairs.add', entity: 'chair', entityId: id, detail: { name } })
    return { id, name: name.trim(), isActive: true }
  },
)

export interface BookInput {
  patientId: string
  chairId: string
  scheduledAt: Date
  plannedDurationMin?: number | undefined
  spacingOverrideReason?: string | null | undefined
}

/** The patient's approved plan and the chair, both required before anything else is checked. */
async function requirePlanAndChair(scope: ClinicScope, input: BookInput) {
  const { tx, clinicId } = scope
  const plan = await tx
    .selectFrom('treatment_plan')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', input.patientId)
    .where('status', '=', 'approved')
    .executeTakeFirst()
  if (!plan)
    throw new AppError(
      'conflict',
      'The patient has no approved treatment plan; a prescriber must approve one before sessions are booked.',
      { fieldErrors: [{ field: 'patientId', message: 'no approved treatment plan' }] },
    )
  const chair = await tx
    .selectFrom('chair')
    .select(['id', 'is_active'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', input.chairId)
    .executeTakeFirst()
  if (!chair?.is_active)
    throw new AppError('validation-failed', 'Choose an active chair of this clinic.', {
      fieldErrors: [{ field: 'chairId', message: 'not an active chair of this clinic' }],
    })
  return plan
}

type ApprovedPlan = Awaited<ReturnType<typeof requirePlanAndChair>>

/**
 * The spacing rule: closer to another booked session than the protocol's cadence allows is
 * refused unless a prescriber gives a reason. Returns the override reason when one was needed.
 */
async function checkSpacing(
  scope: ClinicScope,
  plan: ApprovedPlan,
  booked: readonly { scheduled_at: Date }[],
  input: BookInput,
): Promise<string | null> {
  const minimumHours = minimumSpacingHours(
    findProtocol(plan.protocol_id),
    plan.cadence,
    (await loadClinicSettings(scope.tx, scope.clinicId)).spacing,
  )
  const violations = findSpacingViolations(
    input.scheduledAt.getTime(),
    booked.map((s) => s.scheduled_at.getTime()),
    minimumHours,
  )
  if (violations.length === 0) return null
  const overrideReason = input.spacingOverrideReason?.trim() || null
  if (!overrideReason) {
    throw new AppError(
      'conflict',
      `Too close to another session (${violations.map((v) => `${v.gapHours.toFixed(0)} h`).join(', ')} apart; this protocol needs at least ${minimumHours} h, an unverified default). A prescriber may override with a reason.`,
      {
        extra: { minimumHours, violations },
        fieldErrors: [{ field: 'scheduledAt', message: `less than ${minimumHours} h from another session` }],
      },
    )
  }
  if (!hasPermission(scope.membership.role, 'override:sign')) {
    throw new AppError('forbidden', 'Only a prescriber can override the spacing between sessions.', {
      fieldErrors: [{ field: 'spacingOverrideReason', message: 'only a prescriber can override' }],
    })
  }
  return overrideReason
}

/** A chair cannot hold two sessions at once (sessions last at most 8 hours). */
async function requireChairFree(scope: ClinicScope, chairId: string, startMs: number, endMs: number) {
  const clash = await scope.tx
    .selectFrom('treatment_session')
    .select(['id', 'scheduled_at', 'planned_duration_min'])
    .where('clinic_id', '=', scope.clinicId)
    .where('chair_id', '=', chairId)
    .where('state', '!=', 'cancelled')
    .where('scheduled_at', '<', new Date(endMs))
    .where('scheduled_at', '>', new Date(startMs - 8 * 3_600_000))
    .execute()
  if (clash.some((c) => c.scheduled_at.getTime() + c.planned_duration_min * 60_000 > startMs)) {
    throw new AppError('conflict', 'That chair is already booked at this time.', {
      fieldErrors: [{ field: 'chairId', message: 'already booked at this time' }],
    })
  }
}

/**
 * Books the next session of the patient's approved plan. Sessions closer together than the
 * protocol's cadence allows are refused unless a prescriber overrides with a reason; a chair
 * cannot hold two sessions at once.
 */
export async function bookSessionIn(scope: ClinicScope, input: BookInput): Promise<string> {
  const { tx, clinicId } = scope
  const plan = await requirePlanAndChair(scope, input)
  const route = findProtocol(plan.protocol_id).route === 'iv-infusion' ? 'iv' : 'intranasal'
  // REMS hard stop (clinical-reference §3): no override, whoever books.
  if (route === 'intranasal') await requireRemsRecords(tx, clinicId, input.patientId, 'booked')
  const duration = input.plannedDurationMin ?? defaultDurationMin[route]
  const startMs = input.scheduledAt.getTime()

  const booked = (await store.listPatientSessions(tx, clinicId, input.patientId)).filter(
    (s) => s.state !== 'cancelled',
  )
  const ofPlan = booked.filter((s) => s.plan_id === plan.id)
  if (ofPlan.length >= plan.planned_sessions) {
    throw new AppError(
      'conflict',
      `All ${plan.planned_sessions} planned sessions are booked. A prescriber can plan more sessions first.`,
    )
  }
  const spacingOverrideReason = await checkSpacing(scope, plan, booked, input)
  await requireChairFree(scope, input.chairId, startMs, startMs + duration * 60_000)
  const patient = await tx
    .selectFrom('patient')
    .select(['escort_name'])
    .where('id', '=', input.patientId)
    .executeTakeFirstOrThrow()
  const id = uuidv7(scope.now.getTime())
  await tx
    .insertInto('treatment_session')
    .values({
      id,
      clinic_id: clinicId,
      patient_id: input.patientId,
      plan_id: plan.id,
      chair_id: input.chairId,
      session_number: ofPlan.length + 1,
      scheduled_at: input.scheduledAt,
      planned_duration_min: duration,
      state: 'scheduled',
      route,
      spacing_override_reason: spacingOverrideReason,
      spacing_override_by: spacingOverrideReason !== null ? scope.principal.userId : null,
      supervising_prescriber_id: null,
      primary_nurse_id: null,
      weight_kg: null,
      dose_basis: null,
      planned_dose_mg: null,
      vial_mg_per_ml: null,
      infusion_min: null,
      dose_checked_by: null,
      dose_checked_at: null,
      dose_started_at: null,
      dose_ended_at: null,
      escort_name: patient.escort_name,
      is_escort_present: false,
      discharged_at: null,
      discharge_signed_by: null,
      discharge_signer_name: null,
      discharge_content_hash: null,
      end_reason: null,
      rems_submitted_at: null,
      rems_submitted_by: null,
      created_at: scope.now,
      created_by: scope.principal.userId,
      updated_at: scope.now,
    })
    .execute()
  await scope.audit({
    action: 'sessions.book',
    entity: 'treatment_session',
    entityId: id,
    detail: {
      patientId: input.patientId,
      scheduledAt: input.scheduledAt.toISOString(),
      spacingOverride: spacingOverrideReason !== null,
    },
  })
  return id
}

export const bookSession = clinicService(
  { permission: 'scheduling:write', action: 'sessions.book', entity: 'treatment_session' },
  async (scope, input: BookInput) => {
    const id = await bookSessionIn(scope, input)
    return loadSessionView(scope.tx, scope.clinicId, id, scope.now)
  },
)

/** Dates the plan's cadence (IV) or the esketamine label schedule suggests for the next sessions. */
export const suggestDates = clinicService(
  { permission: 'scheduling:write', action: 'sessions.suggest', entity: 'treatment_session' },
  async (scope, patientId: string) => {
    const plan = await scope.tx
      .selectFrom('treatment_plan')
      .selectAll()
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('status', '=', 'approved')
      .executeTakeFirst()
    if (!plan)
      return {
        planId: null,
        remaining: 0,
        route: null,
        dates: [] as { date: string; note: string }[],
        benefitReview: null,
      }
    const timeZone = await clinicTimeZone(scope.tx, scope.clinicId)
    const sessions = (await store.listPatientSessions(scope.tx, scope.clinicId, patientId)).filter(
      (s) => s.state !== 'cancelled' && s.plan_id === plan.id,
    )
    const remaining = plan.planned_sessions - sessions.length
    const protocol = findProtocol(plan.protocol_id)
    const pastDates = sessions.map((s) => clinicDateOf(s.scheduled_at, timeZone))
    const today = clinicDateOf(scope.now, timeZone)
    const count = Math.max(0, Math.min(remaining, 6))
    // §3 ✅: benefit is reviewed after 4 weeks (TRD: end of induction; suicidal ideation: after
    // the 4-week course), counted from the first session (or today, before it is booked).
    const review =
      protocol.route === 'intranasal' ? benefitReviewDue(protocol, [...pastDates].sort()[0] ?? today) : null
    const benefitReview = review
      ? {
          date: review.date,
          note: `Benefit review due ${review.date} (${review.afterWeek} weeks after the first session)`,
        }
      : null
    if (count === 0) return { planId: plan.id, route: protocol.route, remaining, dates: [], benefitReview }
    if (protocol.route === 'intranasal') {
      const dates =
        pastDates.length === 0
          ? [{ date: today, note: 'First session (week 1)' }]
          : nextDueDates(protocol, pastDates, { count }).map((d) => ({
              date: d.date,
              note: `Week ${d.weekNumber}, ${d.phase}${d.isBenefitReview ? ' — review benefit' : ''}`,
            }))
      return { planId: plan.id, route: protocol.route, remaining, dates, benefitReview }
    }
    const cadence = protocol.cadences.find((c) => c.id === plan.cadence) ?? protocol.cadences[0]!
    const gapDays = Math.floor(7 / cadence.sessionsPerWeek)
    const firstDate = pastDates.length ? addDaysTo(pastDates[pastDates.length - 1]!, gapDays) : today
    const dates = Array.from({ length: count }, (_, i) => ({
      date: addDaysTo(firstDate, i * gapDays),
      note: `Session ${sessions.length + i + 1} of ${plan.planned_sessions}`,
    }))
    return { planId: plan.id, route: protocol.route, remaining, dates, benefitReview }
  },
)

export function listSessionsOfPatient(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
) {
  return readInClinic(
    ctx,
    principal,
    {
      clinicId,
      permission: 'patients:read',
      action: 'sessions.list',
      entity: 'treatment_session',
      detail: { patientId },
    },
    async (scope) => {
      const rows = await store.listPatientSessions(scope.tx, clinicId, patientId)
      return rows.map((r) => ({
        id: r.id,
        sessionNumber: r.session_number,
        scheduledAt: r.scheduled_at,
        plannedDurationMin: r.planned_duration_min,
        state: r.state,
        route: r.route,
        chairName: r.chair_name,
        dischargedAt: r.discharged_at,
      }))
    },
  )
}

export const getSession = clinicService(
  { permission: 'clinical:read', action: 'sessions.read', entity: 'treatment_session' },
  async (scope, sessionId: string, options: { isRefresh?: boolean } = {}) => {
    const view = await loadSessionView(scope.tx, scope.clinicId, sessionId, scope.now)
    if (options.isRefresh) return view
    await scope.audit({
      action: 'sessions.read',
      entity: 'treatment_session',
      entityId: sessionId,
      detail: { patientId: view.patient.id },
    })
    return view
  },
)
