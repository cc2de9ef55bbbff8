import { hasPermission } from '../../../domain/access/permissions'
import { benefitReviewDue, findProtocol, nextDueDates } from '../../../domain/dosing'
import { findSpacingViolations, minimumSpacingHours } from '../../../domain/session'
import { addDaysTo, clinicDateOf, clinicDayBounds } from '../../../domain/time'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { requireRemsRecords } from '../rems/service'
import * as store from './store'
import { loadSessionView } from './view'

const defaultDurationMin = { iv: 120, intranasal: 150 } as const

export function listChairs(ctx: AppContext, principal: Principal, clinicId: string) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinic:read', action: 'chairs.list', entity: 'chair' },
    (scope) =>
      scope.tx
        .selectFrom('chair')
        .select(['id', 'name', 'is_active as isActive'])
        .where('clinic_id', '=', clinicId)
        .orderBy('name')
        .execute(),
  )
}

export function addChair(ctx: AppContext, principal: Principal, clinicId: string, name: string) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'settings:manage', action: 'chairs.add', entity: 'chair' },
    async (scope) => {
      const id = uuidv7(scope.now.getTime())
      await scope.tx
        .insertInto('chair')
        .values({ id, clinic_id: clinicId, name: name.trim(), is_active: true, created_at: scope.now })
        .execute()
      await scope.audit({ action: 'chairs.add', entity: 'chair', entityId: id, detail: { name } })
      return { id, name: name.trim(), isActive: true }
    },
  )
}

export interface BookInput {
  patientId: string
  chairId: string
  scheduledAt: Date
  plannedDurationMin?: number | undefined
  spacingOverrideReason?: string | null | undefined
}

/**
 * Books the next session of the patient's approved plan. Sessions closer together than the
 * protocol's cadence allows are refused unless a prescriber overrides with a reason; a chair
 * cannot hold two sessions at once.
 */
export async function bookSessionIn(scope: ClinicScope, input: BookInput): Promise<string> {
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
  const protocol = findProtocol(plan.protocol_id)
  const route = protocol.route === 'iv-infusion' ? 'iv' : 'intranasal'
  // REMS hard stop (clinical-reference §3): no override, whoever books.
  if (route === 'intranasal') await requireRemsRecords(tx, clinicId, input.patientId, 'booked')
  const duration = input.plannedDurationMin ?? defaultDurationMin[route]
  const startMs = input.scheduledAt.getTime()
  const endMs = startMs + duration * 60_000

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
  const minimumHours = minimumSpacingHours(
    protocol,
    plan.cadence,
    (await loadClinicSettings(tx, clinicId)).spacing,
  )
  const violations = findSpacingViolations(
    startMs,
    booked.map((s) => s.scheduled_at.getTime()),
    minimumHours,
  )
  const overrideReason = input.spacingOverrideReason?.trim() || null
  if (violations.length > 0) {
    if (!overrideReason) {
      throw new AppError(
        'conflict',
        `Too close to another session (${violations.map((v) => `${v.gapHours.toFixed(0)} h`).join(', ')} apart; this protocol needs at least ${minimumHours} h, an unverified default). A prescriber may override with a reason.`,
        {
          extra: { minimumHours, violations },
          fieldErrors: [
            { field: 'scheduledAt', message: `less than ${minimumHours} h from another session` },
          ],
        },
      )
    }
    if (!hasPermission(scope.membership.role, 'override:sign')) {
      throw new AppError('forbidden', 'Only a prescriber can override the spacing between sessions.', {
        fieldErrors: [{ field: 'spacingOverrideReason', message: 'only a prescriber can override' }],
      })
    }
  }
  const clash = await tx
    .selectFrom('treatment_session')
    .select(['id', 'scheduled_at', 'planned_duration_min'])
    .where('clinic_id', '=', clinicId)
    .where('chair_id', '=', input.chairId)
    .where('state', '!=', 'cancelled')
    .where('scheduled_at', '<', new Date(endMs))
    .where('scheduled_at', '>', new Date(startMs - 8 * 3_600_000))
    .execute()
  if (clash.some((c) => c.scheduled_at.getTime() + c.planned_duration_min * 60_000 > startMs)) {
    throw new AppError('conflict', 'That chair is already booked at this time.', {
      fieldErrors: [{ field: 'chairId', message: 'already booked at this time' }],
    })
  }
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
      spacing_override_reason: violations.length > 0 ? overrideReason : null,
      spacing_override_by: violations.length > 0 ? scope.principal.userId : null,
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
      spacingOverride: violations.length > 0,
    },
  })
  return id
}

export function bookSession(ctx: AppContext, principal: Principal, clinicId: string, input: BookInput) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'scheduling:write', action: 'sessions.book', entity: 'treatment_session' },
    async (scope) => {
      const id = await bookSessionIn(scope, input)
      return loadSessionView(scope.tx, clinicId, id, scope.now)
    },
  )
}

/** Dates the plan's cadence (IV) or the esketamine label schedule suggests for the next sessions. */
export function suggestDates(ctx: AppContext, principal: Principal, clinicId: string, patientId: string) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'scheduling:write', action: 'sessions.suggest', entity: 'treatment_session' },
    async (scope) => {
      const plan = await scope.tx
        .selectFrom('treatment_plan')
        .selectAll()
        .where('clinic_id', '=', clinicId)
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
      const clinic = await scope.tx
        .selectFrom('clinic')
        .select('time_zone')
        .where('id', '=', clinicId)
        .executeTakeFirstOrThrow()
      const sessions = (await store.listPatientSessions(scope.tx, clinicId, patientId)).filter(
        (s) => s.state !== 'cancelled' && s.plan_id === plan.id,
      )
      const remaining = plan.planned_sessions - sessions.length
      const protocol = findProtocol(plan.protocol_id)
      const pastDates = sessions.map((s) => clinicDateOf(s.scheduled_at, clinic.time_zone))
      const today = clinicDateOf(scope.now, clinic.time_zone)
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
}

/** The day's board: every chair and its sessions with the live facts a charge nurse scans. */
export function getBoard(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  date?: string | undefined,
  options: { isRefresh?: boolean } = {},
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'patients:read', action: 'board.read', entity: 'treatment_session' },
    async (scope) => {
      const clinic = await scope.tx
        .selectFrom('clinic')
        .select(['time_zone', 'name'])
        .where('id', '=', clinicId)
        .executeTakeFirstOrThrow()
      const day = date ?? clinicDateOf(scope.now, clinic.time_zone)
      const { start, end } = clinicDayBounds(day, clinic.time_zone)
      const [chairs, sessions] = await Promise.all([
        scope.tx
          .selectFrom('chair')
          .select(['id', 'name', 'is_active'])
          .where('clinic_id', '=', clinicId)
          .orderBy('name')
          .execute(),
        store.listSessionsBetween(scope.tx, clinicId, start.getTime(), end.getTime()),
      ])
      const canSeeClinical = hasPermission(scope.membership.role, 'clinical:read')
      const cards = []
      for (const s of sessions) {
        const view =
          canSeeClinical && s.state !== 'scheduled' && s.state !== 'cancelled'
            ? await loadSessionView(scope.tx, clinicId, s.id, scope.now)
            : null
        cards.push({
          id: s.id,
          chairId: s.chair_id,
          chairName: s.chair_name,
          patient: { id: s.patient_id, name: `${s.given_name} ${s.family_name}`, mrn: s.mrn },
          scheduledAt: s.scheduled_at,
          plannedDurationMin: s.planned_duration_min,
          state: s.state,
          route: s.route,
          sessionNumber: s.session_number,
          supervisingPrescriber: s.prescriber_name,
          nurse: s.nurse_name,
          doseStartedAt: view?.infusion?.runs[0]
            ? new Date(view.infusion.runs[0].startMs)
            : (view?.devices?.given[0]?.at ?? null),
          nextVitalsDueAt: view?.nextVitalsDue?.dueAt ?? null,
          openAlerts: view
            ? view.alerts
                .filter((a) => !a.acknowledged && !a.resolved)
                .map((a) => ({ code: a.code, severity: a.severity, message: a.message }))
            : [],
          preChecks: view?.preChecks.status ?? null,
          dischargeReadyAt: view?.discharge?.earliestReadyAtMs
            ? new Date(view.discharge.earliestReadyAtMs)
            : null,
          remsDueAt: view?.session.remsDueAt ?? null,
          remsSubmittedAt: s.rems_submitted_at,
          version: s.version,
        })
      }
      // REMS forms still owed from earlier days (due within 7 days of an esketamine session).
      const remsOwed = await scope.tx
        .selectFrom('treatment_session as s')
        .innerJoin('patient as p', 'p.id', 's.patient_id')
        .select(['s.id', 's.discharged_at', 'p.given_name', 'p.family_name', 'p.mrn'])
        .where('s.clinic_id', '=', clinicId)
        .where('s.route', '=', 'intranasal')
        .where('s.state', '=', 'discharged')
        .where('s.rems_submitted_at', 'is', null)
        .orderBy('s.discharged_at')
        .execute()
      // A live refresh of an open board is not a new read (the opening was audited).
      if (!options.isRefresh)
        await scope.audit({
          action: 'board.read',
          entity: 'treatment_session',
          detail: { date: day, sessions: sessions.length },
        })
      return {
        date: day,
        timeZone: clinic.time_zone,
        generatedAt: scope.now,
        chairs: chairs.map((c) => ({ id: c.id, name: c.name, isActive: c.is_active })),
        sessions: cards,
        remsOwed: remsOwed.map((r) => ({
          sessionId: r.id,
          patient: `${r.given_name} ${r.family_name}`,
          mrn: r.mrn,
          dueAt: new Date(r.discharged_at!.getTime() + 7 * 86_400_000),
        })),
      }
    },
  )
}

export function listSessionsOfPatient(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'patients:read', action: 'sessions.list', entity: 'treatment_session' },
    async (scope) => {
      const rows = await store.listPatientSessions(scope.tx, clinicId, patientId)
      await scope.audit({ action: 'sessions.list', entity: 'treatment_session', detail: { patientId } })
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

export function getSession(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  options: { isRefresh?: boolean } = {},
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:read', action: 'sessions.read', entity: 'treatment_session' },
    async (scope) => {
      const view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
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
}
