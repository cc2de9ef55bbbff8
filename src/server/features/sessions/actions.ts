import { sql } from 'kysely'
import type { Permission } from '../../../domain/access/permissions'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import {
  calculateProtocolDose,
  findProtocol,
  minutesBetweenDevices,
  uncoveredLimits,
  type WeightBasis,
} from '../../../domain/dosing'
import { type Answers, isInstrumentId } from '../../../domain/instruments'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import {
  type AlertAckAction,
  applyTransition,
  type InfusionAction,
  type InfusionSummary,
  type SessionEvent,
  type SideEffectTerm,
  seriousFromGrade,
  summarizeInfusion,
} from '../../../domain/session'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import { type CorrectableTable, markEnteredInError } from '../../corrections'
import { AppError } from '../../errors'
import { runOnce } from '../../idempotency'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { insertScoredResponse, toVitalDto } from '../assessments/service'
import { type SignerProof, signContent } from '../auth/signature'
import { recordAdministration } from '../ledger/administer'
import { dispenseForSession, requireNoWasteOwed, settleSessionDose } from '../ledger/session-dose'
import { signAsWitness, type WitnessInput } from '../ledger/witness'
import { requireRemsRecords } from '../rems/service'
import { checkChairSideTime, loadSessionMoments, momentsOf } from './chair-side-time'
import { type DoseOverrideInput, planDoseApproval, signDoseOverride } from './dose-override'
import * as store from './store'
import { dissociationCheckKind, loadSessionView, readyMomentKind, type SessionView } from './view'
import { alertAckKind, alertResolveKind, isOpen, sessionAlerts } from './vitals-alerts'

export interface ActionRequest {
  sessionId: string
  permission: Permission
  action: string
  idempotencyKey?: string | undefined
  /** The body, hashed with the key so a key cannot be reused for a different request. */
  body: unknown
}

const minuteMs = 60_000

/**
 * The one path of every chair-side write: permission, a row-level-secured transaction, at-most-once
 * by Idempotency-Key, an audit event, and the updated session view as the reply.
 */
export function act(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  request: ActionRequest,
  work: (scope: ClinicScope, view: SessionView) => Promise<Record<string, CanonicalValue> | undefined>,
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: request.permission, action: request.action, entity: 'treatment_session' },
    async (scope) => {
      const before = await loadSessionView(scope.tx, clinicId, request.sessionId, scope.now)
      const didRun = await runOnce(
        scope,
        request.idempotencyKey,
        { action: request.action, sessionId: request.sessionId, body: request.body },
        async () => {
          const detail = await work(scope, before)
          await scope.audit({
            action: request.action,
            entity: 'treatment_session',
            entityId: request.sessionId,
            detail: { patientId: before.patient.id, ...(detail ?? {}) },
          })
        },
      )
      let view = await loadSessionView(scope.tx, clinicId, request.sessionId, scope.now)
      if (await recordReadyMomentIfMet(scope, view))
        view = await loadSessionView(scope.tx, clinicId, request.sessionId, scope.now)
      return { ...view, replayed: !didRun }
    },
  )
}

/**
 * REMS monitoring form (§3): "ready to leave without the 2-hour rule" is a moment recorded during
 * the session. The first write that leaves every criterion but the time rule met records it, in
 * its own transaction, at the clinical time the last of them became met; later writes never move
 * it (the nurse can enter a correction). Esketamine sessions after dosing only.
 */
async function recordReadyMomentIfMet(scope: ClinicScope, view: SessionView): Promise<boolean> {
  if (view.session.route !== 'intranasal') return false
  if (!['monitoring', 'ready-for-discharge'].includes(view.session.state)) return false
  const atMs = view.discharge?.readyWithoutObservationRuleAtMs ?? null
  if (atMs === null) return false
  const already = view.timeline.some(
    (e) =>
      e.kind === readyMomentKind &&
      !e.enteredInError &&
      (e.payload as { source?: string }).source === 'charting',
  )
  if (already) return false
  await addEvent(
    scope,
    view.session.id,
    readyMomentKind,
    {
      source: 'charting',
      criteria: view.discharge!.criteria.filter((c) => c.id !== 'observation-time').map((c) => c.id),
    },
    new Date(atMs),
  )
  return true
}

async function addEvent(
  scope: ClinicScope,
  sessionId: string,
  kind: string,
  payload: Record<string, unknown>,
  at?: Date,
): Promise<string> {
  const id = uuidv7(scope.now.getTime())
  await store.insertEvent(scope.tx, {
    id,
    clinicId: scope.clinicId,
    sessionId,
    kind,
    at: at ?? scope.now,
    payload,
    recordedBy: scope.principal.userId,
    now: scope.now,
  })
  return id
}

function staleError(): AppError {
  return new AppError(
    'stale-version',
    'Someone else changed this session a moment ago. The screen has been refreshed; check it and try again.',
  )
}

async function saveSession(
  scope: ClinicScope,
  view: SessionView,
  changes: Parameters<typeof store.updateSession>[4],
): Promise<void> {
  if (
    !(await store.updateSession(
      scope.tx,
      scope.clinicId,
      view.session.id,
      view.session.version,
      changes,
      scope.now,
    ))
  )
    throw staleError()
}

const eventPermission: Record<SessionEvent, Permission> = {
  'check-in': 'scheduling:write',
  cancel: 'scheduling:write',
  'start-pre-checks': 'clinical:write',
  'start-dosing': 'clinical:write',
  'finish-dosing': 'clinical:write',
  'mark-ready': 'clinical:write',
  'resume-monitoring': 'clinical:write',
  discharge: 'clinical:sign',
  abort: 'clinical:write',
}

export function transitionSession(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { event: SessionEvent; version: number; reason?: string | null | undefined },
  idempotencyKey?: string,
) {
  if (input.event === 'discharge')
    throw new AppError(
      'validation-failed',
      'Discharge is signed by a prescriber: use the discharge sign-off.',
      { fieldErrors: [{ field: 'event', message: 'use POST …/discharge' }] },
    )
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: eventPermission[input.event],
      action: `sessions.${input.event}`,
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (view.session.version !== input.version) throw staleError()
      const ctxFacts = { ...factsOf(view), ...(input.reason ? { reason: input.reason } : {}) }
      const result = applyTransition(view.session.state, input.event, ctxFacts)
      if (!result.isAllowed) throw notReadyError(input.event, result.blockedBy, view)
      const changes: Parameters<typeof store.updateSession>[4] = { state: result.state }
      if (input.event === 'check-in') changes.primary_nurse_id = view.session.primaryNurse?.id ?? null
      if (input.event === 'start-pre-checks' && !view.session.primaryNurse)
        changes.primary_nurse_id = scope.principal.userId
      if (input.event === 'cancel' || input.event === 'abort') changes.end_reason = input.reason ?? null
      if (input.event === 'finish-dosing') {
        changes.dose_started_at = view.infusion?.runs[0]
          ? new Date(view.infusion.runs[0].startMs)
          : (view.devices?.given[0]?.at ?? null)
        changes.dose_ended_at = view.infusion?.endedAtMs
          ? new Date(view.infusion.endedAtMs)
          : (view.devices?.given.at(-1)?.at ?? scope.now)
      }
      if (input.event === 'finish-dosing' || input.event === 'abort' || input.event === 'cancel')
        await endDelivery(scope, view)
      await saveSession(scope, view, changes)
      await addEvent(scope, sessionId, 'state', {
        from: view.session.state,
        to: result.state,
        event: input.event,
        reason: input.reason ?? null,
      })
      return { event: input.event, to: result.state }
    },
  )
}

/**
 * A refused transition (409) naming what blocks it; when the discharge criteria do, each unmet
 * criterion is named in `unmetCriteria` and as a field error `discharge.<criterion id>`.
 */
function notReadyError(
  event: SessionEvent,
  blockedBy: { guard: string; reason: string }[],
  view: SessionView,
): AppError {
  const isCriteria = blockedBy.some((b) => b.guard === 'discharge-criteria-met')
  const unmet = isCriteria ? (view.discharge?.criteria.filter((c) => !c.isMet) ?? []) : []
  const reasons = blockedBy
    .filter((b) => !(b.guard === 'discharge-criteria-met' && unmet.length > 0))
    .map((b) => b.reason)
    .concat(
      unmet.length > 0
        ? [`Discharge criteria not met: ${unmet.map((c) => c.id.replace(/-/g, ' ')).join(', ')}.`]
        : [],
    )
  return new AppError(
    'conflict',
    `Cannot ${event === 'discharge' ? 'discharge yet' : event.replace(/-/g, ' ')}: ${reasons.join(' ')}`,
    {
      fieldErrors: unmet.map((c) => ({ field: `discharge.${c.id}`, message: c.reason })),
      extra: {
        blockedBy,
        unmetCriteria: unmet.map((c) => ({ id: c.id, reason: c.reason })),
        ...(event === 'discharge' ? { criteria: view.discharge?.criteria ?? [] } : {}),
      },
    },
  )
}

/** The guard facts of the state machine, as the view computed them. */
function factsOf(view: SessionView) {
  return {
    isConsentCurrent: view.preChecks.items.find((i) => i.id === 'consent')?.status === 'pass',
    isPlanApproved: view.preChecks.items.find((i) => i.id === 'plan')?.status === 'pass',
    preChecks: view.preChecks.status,
    isSupervisingPrescriberPresent: view.session.supervisingPrescriber !== null,
    isDoseAdministered:
      view.transitions.some((t) => t.event === 'finish-dosing' && t.isAllowed) ||
      view.session.state === 'monitoring' ||
      view.session.state === 'ready-for-discharge',
    isDischargeReady: view.discharge?.isReady ?? false,
    hasOpenSuicideAlert: view.safetyAlerts.length > 0,
  }
}

export interface PreCheckForm {
  identityConfirmed: boolean
  fastingConfirmed: boolean
  escortConfirmed: boolean
  escortName?: string | null | undefined
  pregnancyStatus: 'not-applicable' | 'negative' | 'positive' | 'declined'
  urinarySymptoms: boolean
  notes?: string | null | undefined
}

export function submitPreChecks(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  form: PreCheckForm,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.pre-checks', idempotencyKey, body: form },
    async (scope, view) => {
      if (!['checked-in', 'pre-checks'].includes(view.session.state))
        throw new AppError(
          'conflict',
          `Pre-checks are recorded after check-in, not while the session is ${view.session.state}.`,
        )
      await addEvent(scope, sessionId, 'pre-check-form', {
        ...form,
        escortName: form.escortName ?? null,
        notes: form.notes ?? null,
      })
      if (form.escortName && form.escortName !== view.session.escortName)
        await saveSession(scope, view, { escort_name: form.escortName })
      return undefined
    },
  )
}

/** A failed pre-check can be overridden by a prescriber, with a reason and a signature. */
export function overridePreChecks(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { reason: string } & SignerProof,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'override:sign',
      action: 'sessions.pre-check-override',
      idempotencyKey,
      body: { reason: input.reason },
    },
    async (scope, view) => {
      if (view.preChecks.status !== 'failed' && view.preChecks.status !== 'pending')
        throw new AppError('conflict', 'Nothing to override: the pre-checks are not failing.')
      const failing = view.preChecks.items
        .filter((i) => i.status !== 'pass')
        .map((i) => ({ id: i.id, detail: i.detail }))
      const signature = await signContent(scope, scope.principal, input, signatureMeanings.preCheckOverride, {
        sessionId,
        failing,
        reason: input.reason,
      })
      await addEvent(scope, sessionId, 'pre-check-override', {
        reason: input.reason,
        failing,
        contentHash: signature.contentHash,
      })
      return { failing: failing.map((f) => f.id).join(',') }
    },
  )
}

export function declareSupervision(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:sign', action: 'sessions.supervise', idempotencyKey, body: {} },
    async (scope, view) => {
      if (['discharged', 'cancelled', 'aborted'].includes(view.session.state))
        throw new AppError('conflict', 'This session has ended.')
      await saveSession(scope, view, { supervising_prescriber_id: scope.principal.userId })
      await addEvent(scope, sessionId, 'supervision', {
        prescriberId: scope.principal.userId,
        name: scope.principal.displayName,
      })
      return undefined
    },
  )
}

/**
 * The prescriber acknowledges the §3 pre-dose cautions found at intake (label 5.6, 7.1–7.3) for
 * this session; the event names them, so a caution added later needs a new acknowledgement.
 */
export function acknowledgeCautions(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:sign', action: 'sessions.cautions-ack', idempotencyKey, body: {} },
    async (scope, view) => {
      if (!['checked-in', 'pre-checks'].includes(view.session.state))
        throw new AppError('conflict', 'Pre-dose cautions are acknowledged during pre-checks, before dosing.')
      const ids = view.preChecks.cautions.items.map((c) => c.id)
      if (ids.length === 0)
        throw new AppError(
          'conflict',
          'Nothing to acknowledge: the intake screen found no pre-dose cautions.',
        )
      await addEvent(scope, sessionId, 'caution-ack', { cautions: ids, name: scope.principal.displayName })
      return { cautions: ids.join(',') }
    },
  )
}

/**
 * Today's weight → dose, rate and volume from the plan's protocol (domain dosing). The dosing
 * weight is never above actual weight and the ceiling is judged per kg of actual weight (§2); a
 * dose beyond a limit the approved plan's override does not cover is refused unless a prescriber
 * signs an override with a reason here (recorded as a 'dose-override' event and audited).
 */
export function setDose(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: {
    weightKg: number
    vialMgPerMl?: number | null | undefined
    doseBasis?: WeightBasis | undefined
    heightCm?: number | null | undefined
    override?: DoseOverrideInput | undefined
  },
  idempotencyKey?: string,
) {
  // The signer's password or code is not part of the idempotency fingerprint.
  const { override, ...fingerprint } = input
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.dose',
      idempotencyKey,
      body: { ...fingerprint, overrideReason: override?.reason ?? null },
    },
    async (scope, view) => {
      if (!['checked-in', 'pre-checks'].includes(view.session.state))
        throw new AppError('conflict', 'The dose is set during pre-checks, before dosing starts.')
      const protocol = findProtocol(view.plan.protocolId)
      const basis = input.doseBasis ?? view.plan.doseBasis
      const patient = await scope.tx
        .selectFrom('patient')
        .select('sex')
        .where('id', '=', view.patient.id)
        .executeTakeFirstOrThrow()
      let plannedDoseMg: number
      let infusionMin: number | null = null
      let limitCheck: Record<string, unknown> | null = null
      let overrideDetail: Record<string, CanonicalValue> = {}
      if (protocol.route === 'iv-infusion') {
        if (!input.vialMgPerMl)
          throw new AppError(
            'validation-failed',
            'Give the vial concentration to compute the volume and pump rate.',
            { fieldErrors: [{ field: 'vialMgPerMl', message: 'required for an infusion' }] },
          )
        const sex = patient.sex === 'female' ? 'F' : patient.sex === 'male' ? 'M' : undefined
        const approval = await planDoseApproval(scope, view.plan.id)
        // Ideal and adjusted weight need a height: today's if measured, else the latest recorded.
        const heightCm =
          input.heightCm ?? (await store.latestHeightCm(scope.tx, scope.clinicId, view.patient.id))
        const dose = calculateProtocolDose(protocol, {
          body: {
            weightKg: input.weightKg,
            ...(heightCm ? { heightCm } : {}),
            ...(sex ? { sex } : {}),
          },
          basis,
          doseMgPerKg: view.plan.doseMgPerKg ?? protocol.doseMgPerKg,
          vialMgPerMl: input.vialMgPerMl,
          settings: approval.settings,
          isAboveActualAllowed: approval.isAboveActualAllowed,
        })
        const uncovered = uncoveredLimits(dose, approval.override)
        const sessionOverride =
          uncovered.length > 0 ? await signDoseOverride(scope, sessionId, dose, uncovered, override) : null
        const overrideEventId = sessionOverride
          ? await addEvent(scope, sessionId, 'dose-override', {
              reason: sessionOverride.reason,
              limits: sessionOverride.limits,
              findings: sessionOverride.findings.map((f) => f.message),
              signedBy: sessionOverride.signedBy,
              signerName: sessionOverride.signerName,
              contentHash: sessionOverride.contentHash,
            })
          : null
        plannedDoseMg = Math.round(dose.doseMg * 1000) / 1000
        infusionMin = dose.infusionMin
        limitCheck = {
          dosingWeightKg: dose.dosingWeightKg,
          basisWeightKg: dose.basisWeightKg,
          isCappedAtActual: dose.isCappedAtActual,
          doseMgPerKgOfActual: dose.doseMgPerKgOfActual,
          ceilingMgPerKg: dose.ceilingMgPerKg,
          ceilingMg: dose.ceilingMg,
          isAboveCeiling: dose.isAboveCeiling,
          limitsExceeded: dose.limitsExceeded,
          coveredByPlanOverride: dose.limitsExceeded.filter((l) => !uncovered.some((u) => u.limit === l)),
          overrideEventId,
        }
        if (sessionOverride)
          overrideDetail = {
            overrideLimits: sessionOverride.limits.join(','),
            overrideReason: sessionOverride.reason,
          }
      } else {
        // REMS hard stop (clinical-reference §3): the dose is not set without both records.
        await requireRemsRecords(scope.tx, scope.clinicId, view.patient.id, 'dosed')
        plannedDoseMg = view.plan.doseMg ?? protocol.firstDoseMg
      }
      await saveSession(scope, view, {
        weight_kg: input.weightKg.toFixed(2),
        dose_basis: basis,
        planned_dose_mg: String(plannedDoseMg),
        vial_mg_per_ml: input.vialMgPerMl ? String(input.vialMgPerMl) : null,
        infusion_min: infusionMin === null ? null : String(infusionMin),
        dose_checked_by: null,
        dose_checked_at: null,
      })
      await scope.tx
        .insertInto('body_measurement')
        .values({
          id: uuidv7(scope.now.getTime()),
          clinic_id: scope.clinicId,
          patient_id: view.patient.id,
          measured_at: scope.now,
          weight_kg: input.weightKg.toFixed(2),
          height_cm: input.heightCm ? input.heightCm.toFixed(1) : null,
          recorded_by: scope.principal.userId,
          created_at: scope.now,
          entered_in_error_at: null,
          entered_in_error_by: null,
          error_reason: null,
        })
        .execute()
      await addEvent(scope, sessionId, 'dose-set', {
        weightKg: input.weightKg,
        basis,
        plannedDoseMg,
        infusionMin,
        vialMgPerMl: input.vialMgPerMl ?? null,
        ...(limitCheck ? { limits: limitCheck } : {}),
      })
      return { plannedDoseMg, ...overrideDetail }
    },
  )
}

/** The second person checks the calculation and signs it with their own credentials. */
export function checkDose(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: SignerProof & { checker?: WitnessInput | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.dose-check',
      idempotencyKey,
      body: { checker: input.checker?.userId ?? principal.userId },
    },
    async (scope, view) => {
      if (view.dose.plannedDoseMg === null)
        throw new AppError('conflict', 'Set the dose before it is checked.')
      const setBy = [...view.timeline].reverse().find((e) => e.kind === 'dose-set' && !e.enteredInError)
      const checkerId = input.checker?.userId ?? scope.principal.userId
      if (setBy && setBy.recordedById === checkerId) {
        throw new AppError('conflict', 'The dose must be checked by a second person, not by whoever set it.')
      }
      // Either the signed-in user checks on their own device, or a colleague checks on this
      // tablet and proves who they are with their own password or code (as a ledger witness does).
      const contentHash = input.checker
        ? (await signAsWitness(scope, input.checker, signatureMeanings.doseCheck, view.dose)).signatureHash
        : (await signContent(scope, scope.principal, input, signatureMeanings.doseCheck, view.dose))
            .contentHash
      await saveSession(scope, view, { dose_checked_by: checkerId, dose_checked_at: scope.now })
      await addEvent(scope, sessionId, 'dose-check', {
        contentHash,
        plannedDoseMg: view.dose.plannedDoseMg,
        checkedBy: checkerId,
      })
      return undefined
    },
  )
}

/**
 * Drawing the dose: a `dispense` entry against a controlled-substance lot, in the same transaction
 * as the session record (issue 5 item 4; the ledger checks expiry, balance and that the lot's
 * concentration is the one the dose was calculated with). What is given is recorded when delivery
 * ends (endDelivery), from the pump record.
 */
export function drawDose(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { lotId: string },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'ledger:write', action: 'sessions.dose-drawn', idempotencyKey, body: input },
    async (scope, view) => {
      if (view.session.route !== 'iv')
        throw new AppError(
          'conflict',
          'Esketamine devices are drawn one by one: give the lot with each device.',
        )
      if (view.dose.plannedDoseMg === null || !view.dose.checkedBy)
        throw new AppError('conflict', 'Set the dose and have it checked before drawing it.')
      if (view.dose.drawnFromLots.length > 0)
        throw new AppError('conflict', 'The dose for this session is already drawn.')
      if (!['checked-in', 'pre-checks', 'dosing'].includes(view.session.state))
        throw new AppError(
          'conflict',
          `The dose is drawn before or during dosing; this session is ${view.session.state}.`,
        )
      // The lot's concentration must be the one the dose was calculated with (issue 14 B).
      const entry = await dispenseForSession(scope, {
        lotId: input.lotId,
        quantity: String(view.dose.plannedDoseMg),
        sessionId,
        patientId: view.patient.id,
        concentrationMgPerMl: view.dose.vialMgPerMl === null ? null : String(view.dose.vialMgPerMl),
      })
      await addEvent(scope, sessionId, 'dose-drawn', {
        lotId: input.lotId,
        quantityMg: view.dose.plannedDoseMg,
        concentrationMgPerMl: view.dose.vialMgPerMl,
        ledgerEntryId: entry.entryId,
        lotBalanceAfterMg: entry.balanceAfter,
      })
      return { lotId: input.lotId, ledgerEntryId: entry.entryId }
    },
  )
}

/** The ledger records as given what the pump record delivered (issue 14 B); the rest is owed. */
async function settleDelivered(scope: ClinicScope, view: SessionView, summary: InfusionSummary | null) {
  // A no-op when nothing was drawn from a lot for this session.
  if (view.session.route !== 'iv') return
  await settleSessionDose(scope, {
    sessionId: view.session.id,
    patientId: view.patient.id,
    deliveredMg: summary?.doseGivenMg ?? 0,
    at: summary?.endedAtMs ? new Date(summary.endedAtMs) : scope.now,
  })
}

/**
 * Dosing ends (finished, aborted or cancelled): a pump still running or paused is charted as
 * stopped now, so the record and the ledger agree on what was given.
 */
async function endDelivery(scope: ClinicScope, view: SessionView): Promise<void> {
  const infusion = view.infusion
  if (view.session.route !== 'iv' || !infusion) return settleDelivered(scope, view, null)
  if (infusion.status !== 'running' && infusion.status !== 'paused')
    return settleDelivered(scope, view, infusion)
  const marks = view.timeline
    .filter((e) => e.kind === 'infusion' && !e.enteredInError)
    .map((e) => ({ action: (e.payload as { action: InfusionAction }).action, atMs: e.at.getTime() }))
  const summary = summarizeInfusion(
    [...marks, { action: 'stop', atMs: scope.now.getTime() }],
    view.dose.rateMgPerMin!,
    view.dose.plannedDoseMg!,
    scope.now.getTime(),
  )
  await addEvent(scope, view.session.id, 'infusion', { action: 'stop', source: 'session ended' })
  await settleDelivered(scope, view, summary)
}

export function recordInfusion(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { action: InfusionAction; at?: Date | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: `sessions.infusion-${input.action}`,
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (view.session.route !== 'iv')
        throw new AppError('conflict', 'This is an esketamine session: record devices, not an infusion.')
      if (view.session.state !== 'dosing')
        throw new AppError('conflict', 'The infusion is charted while the session is in dosing.')
      if (!view.dose.checkedBy)
        throw new AppError('conflict', 'The dose has not been checked by a second person.')
      const at = input.at ?? scope.now
      checkChairSideTime(input.at, scope.now, 'at', momentsOf(view.timeline), 'pre-checks')
      const marks = view.timeline
        .filter((e) => e.kind === 'infusion' && !e.enteredInError)
        .map((e) => ({ action: (e.payload as { action: InfusionAction }).action, atMs: e.at.getTime() }))
      // Validates the sequence (a pause while paused, a stop before start, …) and names the problem.
      const summary = summarizeInfusion(
        [...marks, { action: input.action, atMs: at.getTime() }],
        view.dose.rateMgPerMin!,
        view.dose.plannedDoseMg!,
        scope.now.getTime(),
      )
      await addEvent(scope, sessionId, 'infusion', { action: input.action }, at)
      // A stopped pump ends delivery: the ledger records what it gave, and the rest is owed as waste.
      if (input.action === 'stop') await settleDelivered(scope, view, summary)
      return { action: input.action }
    },
  )
}

export function recordDevice(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { at?: Date | undefined; lotId?: string | null | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.device', idempotencyKey, body: input },
    async (scope, view) => {
      if (view.session.route !== 'intranasal' || !view.devices)
        throw new AppError('conflict', 'Devices are recorded in esketamine sessions once the dose is set.')
      if (view.session.state !== 'dosing')
        throw new AppError('conflict', 'Devices are recorded while the session is in dosing.')
      // REMS hard stop (clinical-reference §3), checked again at the device: a record can be
      // corrected between the dose being set and given.
      await requireRemsRecords(scope.tx, scope.clinicId, view.patient.id, 'dosed')
      if (view.devices.isComplete)
        throw new AppError(
          'conflict',
          `All ${view.devices.plan.deviceCount} devices of this dose are recorded.`,
        )
      const at = input.at ?? scope.now
      checkChairSideTime(input.at, scope.now, 'at', momentsOf(view.timeline), 'pre-checks')
      if (view.devices.nextAllowedAt && at < view.devices.nextAllowedAt) {
        throw new AppError(
          'conflict',
          `Wait ${minutesBetweenDevices} minutes between devices: the next is due at ${view.devices.nextAllowedAt.toISOString()}.`,
          { extra: { nextAllowedAt: view.devices.nextAllowedAt } },
        )
      }
      let ledgerEntryId: string | null = null
      if (input.lotId) {
        // One device is 28 mg of esketamine (clinical-reference §3), drawn from its lot.
        const entry = await recordAdministration(scope, {
          lotId: input.lotId,
          quantity: '28',
          sessionId,
          patientId: view.patient.id,
          at,
        })
        ledgerEntryId = entry.entryId
      }
      await addEvent(
        scope,
        sessionId,
        'device',
        { number: view.devices.given.length + 1, lotId: input.lotId ?? null, ledgerEntryId },
        at,
      )
      return { device: view.devices.given.length + 1 }
    },
  )
}

export interface SessionVitalsInput {
  context: 'pre' | 'intra' | 'post'
  measuredAt?: Date | undefined
  systolicMmHg?: number | null | undefined
  diastolicMmHg?: number | null | undefined
  heartRateBpm?: number | null | undefined
  spo2Percent?: number | null | undefined
  respiratoryRate?: number | null | undefined
  moaas?: number | null | undefined
}

/** Diastolic below systolic; a 400 naming the field (with a prefix for a nested reading). */
function checkVitalsInput(input: SessionVitalsInput, prefix = ''): void {
  if (input.systolicMmHg != null && input.diastolicMmHg != null && input.diastolicMmHg >= input.systolicMmHg)
    throw new AppError('validation-failed', 'Diastolic pressure must be below systolic.', {
      fieldErrors: [{ field: `${prefix}diastolicMmHg`, message: 'must be below the systolic pressure' }],
    })
}

/** One vital sign row, audited; the caller has checked the session and the input. */
async function insertSessionVital(
  scope: ClinicScope,
  sessionId: string,
  patientId: string,
  input: SessionVitalsInput,
): Promise<string> {
  const id = uuidv7(scope.now.getTime())
  await scope.tx
    .insertInto('vital_sign')
    .values({
      id,
      clinic_id: scope.clinicId,
      patient_id: patientId,
      session_id: sessionId,
      context: input.context,
      measured_at: input.measuredAt ?? scope.now,
      systolic_mmhg: input.systolicMmHg ?? null,
      diastolic_mmhg: input.diastolicMmHg ?? null,
      heart_rate_bpm: input.heartRateBpm ?? null,
      spo2_percent: input.spo2Percent ?? null,
      respiratory_rate: input.respiratoryRate ?? null,
      moaas: input.moaas ?? null,
      recorded_by: scope.principal.userId,
      created_at: scope.now,
      entered_in_error_at: null,
      entered_in_error_by: null,
      error_reason: null,
    })
    .execute()
  await scope.audit({
    action: 'sessions.vitals',
    entity: 'vital_sign',
    entityId: id,
    detail: { patientId, sessionId },
  })
  return id
}

const chartingStates = ['checked-in', 'pre-checks', 'dosing', 'monitoring', 'ready-for-discharge']

/**
 * The hot path of charting (issue 5 performance target): one vital sign, acknowledged with the
 * alerts it raises — through the same alert computation as the session view — without
 * rebuilding the whole view.
 */
export function recordSessionVitals(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: SessionVitalsInput,
  idempotencyKey?: string,
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:write', action: 'sessions.vitals', entity: 'treatment_session' },
    async (scope) => {
      const session = await scope.tx
        .selectFrom('treatment_session')
        .select(['state', 'patient_id', 'route'])
        .where('clinic_id', '=', clinicId)
        .where('id', '=', sessionId)
        .executeTakeFirst()
      if (!session) throw new AppError('not-found', 'No such session in this clinic.')
      if (!chartingStates.includes(session.state))
        throw new AppError(
          'conflict',
          `Vitals are charted between check-in and discharge; this session is ${session.state}.`,
        )
      checkVitalsInput(input)
      checkChairSideTime(
        input.measuredAt,
        scope.now,
        'measuredAt',
        await loadSessionMoments(scope.tx, clinicId, sessionId),
        'check-in',
      )
      let id: string | null = null
      const didRun = await runOnce(
        scope,
        idempotencyKey,
        { action: 'sessions.vitals', sessionId, body: input },
        async () => {
          id = await insertSessionVital(scope, sessionId, session.patient_id, input)
        },
      )
      const [vitals, events] = await Promise.all([
        store.listSessionVitals(scope.tx, clinicId, sessionId),
        scope.tx
          .selectFrom('session_event')
          .select(['kind', 'at', 'payload'])
          .where('clinic_id', '=', clinicId)
          .where('session_id', '=', sessionId)
          .where('kind', 'in', ['infusion', 'device', alertAckKind, alertResolveKind])
          .where('entered_in_error_at', 'is', null)
          .orderBy('at')
          .execute(),
      ])
      const live = vitals.filter((v) => !v.entered_in_error_at)
      const doseStartedAtMs =
        events.find((m) => m.kind === 'infusion' || m.kind === 'device')?.at.getTime() ?? null
      const { vitals: vitalsSettings } = await loadClinicSettings(scope.tx, clinicId)
      const alerts = sessionAlerts({ vitals: live, events, doseStartedAtMs, settings: vitalsSettings })
      // Esketamine: a reading can be the one that makes the REMS "ready" moment (§3).
      if (session.route === 'intranasal' && ['monitoring', 'ready-for-discharge'].includes(session.state)) {
        const recorded = await scope.tx
          .selectFrom('session_event')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .where('session_id', '=', sessionId)
          .where('kind', '=', readyMomentKind)
          .where('entered_in_error_at', 'is', null)
          .where(sql<boolean>`payload->>'source' = 'charting'`)
          .executeTakeFirst()
        if (!recorded)
          await recordReadyMomentIfMet(scope, await loadSessionView(scope.tx, clinicId, sessionId, scope.now))
      }
      const stored = id ? live.find((v) => v.id === id) : live.at(-1)
      return {
        replayed: !didRun,
        vital: stored ? toVitalDto(stored) : null,
        openAlerts: alerts.filter(isOpen).map((a) => ({
          key: a.key,
          code: a.code,
          severity: a.severity,
          message: a.message,
          rule: a.rule,
          recommendedAction: a.recommendedAction,
          atMs: a.atMs,
          recheckByMs: a.recheckByMs,
          isAcknowledged: false,
        })),
      }
    },
  )
}

export function recordSessionResponse(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: {
    instrumentId: string
    answers: Answers
    context: 'pre' | 'post'
    administeredAt?: Date | undefined
  },
  idempotencyKey?: string,
) {
  if (!isInstrumentId(input.instrumentId))
    throw new AppError('validation-failed', `Unknown instrument "${input.instrumentId}".`, {
      fieldErrors: [{ field: 'instrumentId', message: 'is not an instrument of the registry' }],
    })
  const instrumentId = input.instrumentId
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.score', idempotencyKey, body: input },
    async (scope, view) => {
      checkChairSideTime(
        input.administeredAt,
        scope.now,
        'administeredAt',
        momentsOf(view.timeline),
        'check-in',
      )
      const { total } = await insertScoredResponse(scope, {
        patientId: view.patient.id,
        instrumentId,
        answers: input.answers,
        context: input.context,
        sessionId,
        administeredAt: input.administeredAt,
      })
      return { instrumentId, total }
    },
  )
}

export function recordSideEffect(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: {
    term: SideEffectTerm
    grade: number
    onsetAt?: Date | undefined
    actionTaken?: string | null | undefined
    isSerious?: boolean | undefined
  },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.side-effect', idempotencyKey, body: input },
    async (scope, view) => {
      checkChairSideTime(input.onsetAt, scope.now, 'onsetAt', momentsOf(view.timeline), 'check-in')
      const id = uuidv7(scope.now.getTime())
      await scope.tx
        .insertInto('side_effect')
        .values({
          id,
          clinic_id: scope.clinicId,
          session_id: sessionId,
          patient_id: view.patient.id,
          term: input.term,
          grade: input.grade,
          onset_at: input.onsetAt ?? scope.now,
          action_taken: input.actionTaken ?? null,
          resolved_at: null,
          is_serious: input.isSerious ?? input.grade >= seriousFromGrade,
          recorded_by: scope.principal.userId,
          created_at: scope.now,
          entered_in_error_at: null,
          entered_in_error_by: null,
          error_reason: null,
        })
        .execute()
      return { term: input.term, grade: input.grade }
    },
  )
}

export function resolveSideEffect(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  sideEffectId: string,
  input: { resolvedAt?: Date | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.side-effect-resolved',
      idempotencyKey,
      body: { sideEffectId, ...input },
    },
    async (scope, view) => {
      checkChairSideTime(input.resolvedAt, scope.now, 'resolvedAt', momentsOf(view.timeline), 'check-in')
      const result = await scope.tx
        .updateTable('side_effect')
        .set({ resolved_at: input.resolvedAt ?? scope.now })
        .where('clinic_id', '=', scope.clinicId)
        .where('session_id', '=', sessionId)
        .where('id', '=', sideEffectId)
        .where('resolved_at', 'is', null)
        .executeTakeFirst()
      if (result.numUpdatedRows === 0n)
        throw new AppError('not-found', 'No unresolved side effect with that id in this session.')
      return { sideEffectId }
    },
  )
}

export interface AlertAckInput {
  key: string
  actions: AlertAckAction[]
  note?: string | null | undefined
  /** The recheck the alert asks for, entered in the same dialog and charted as a normal vital sign. */
  recheck?:
    | {
        measuredAt?: Date | undefined
        systolicMmHg?: number | null | undefined
        diastolicMmHg?: number | null | undefined
        heartRateBpm?: number | null | undefined
        spo2Percent?: number | null | undefined
      }
    | null
    | undefined
}

/**
 * A structured acknowledgement: what was done (from the list), a note (required for "other"),
 * and optionally the recheck reading, charted in the same transaction as a vital sign. The alert
 * then stays on the screen, dimmed, until a later reading is back within the limit or a
 * clinician resolves it.
 */
export function acknowledgeSessionAlert(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: AlertAckInput,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.alert-ack', idempotencyKey, body: input },
    async (scope, view) => {
      const alert = view.alerts.find((a) => a.key === input.key)
      if (!alert)
        throw new AppError('not-found', 'No such alert in this session.', {
          fieldErrors: [{ field: 'key', message: 'is not an alert of this session' }],
        })
      if (alert.acknowledged) throw new AppError('conflict', 'This alert was already acknowledged.')
      const note = input.note?.trim() ?? ''
      if (input.actions.includes('other') && note.length < 3)
        throw new AppError('validation-failed', 'Say what was done when choosing "Other".', {
          fieldErrors: [{ field: 'note', message: 'is required with "other" (at least 3 characters)' }],
        })
      let recheckVitalId: string | null = null
      const r = input.recheck
      if (r && [r.systolicMmHg, r.diastolicMmHg, r.heartRateBpm, r.spo2Percent].some((x) => x != null)) {
        if (!chartingStates.includes(view.session.state))
          throw new AppError(
            'conflict',
            `Vitals are charted between check-in and discharge; this session is ${view.session.state}.`,
          )
        if ((r.systolicMmHg == null) !== (r.diastolicMmHg == null))
          throw new AppError('validation-failed', 'Give both pressures of the recheck.', {
            fieldErrors: [
              {
                field: r.systolicMmHg == null ? 'recheck.systolicMmHg' : 'recheck.diastolicMmHg',
                message: 'give both pressures',
              },
            ],
          })
        const vital: SessionVitalsInput = {
          context:
            view.session.state === 'dosing'
              ? 'intra'
              : ['checked-in', 'pre-checks'].includes(view.session.state)
                ? 'pre'
                : 'post',
          measuredAt: r.measuredAt,
          systolicMmHg: r.systolicMmHg,
          diastolicMmHg: r.diastolicMmHg,
          heartRateBpm: r.heartRateBpm,
          spo2Percent: r.spo2Percent,
        }
        checkVitalsInput(vital, 'recheck.')
        checkChairSideTime(
          r.measuredAt,
          scope.now,
          'recheck.measuredAt',
          momentsOf(view.timeline),
          'check-in',
        )
        if (r.measuredAt && r.measuredAt.getTime() < alert.atMs)
          throw new AppError(
            'validation-failed',
            'The recheck is before the reading that raised the alert.',
            {
              fieldErrors: [{ field: 'recheck.measuredAt', message: 'is before the alert' }],
            },
          )
        recheckVitalId = await insertSessionVital(scope, sessionId, view.patient.id, vital)
      }
      await addEvent(scope, sessionId, alertAckKind, {
        key: input.key,
        code: alert.code,
        actions: input.actions,
        note,
        recheckVitalId,
      })
      return { code: alert.code, actions: input.actions, recheckVitalId }
    },
  )
}

/** A clinician closes an alert that no later reading has (e.g. a reading entered in error). */
export function resolveSessionAlert(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { key: string; note: string },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.alert-resolve',
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      const alert = view.alerts.find((a) => a.key === input.key)
      if (!alert)
        throw new AppError('not-found', 'No such alert in this session.', {
          fieldErrors: [{ field: 'key', message: 'is not an alert of this session' }],
        })
      if (alert.resolved) throw new AppError('conflict', 'This alert is already resolved.')
      await addEvent(scope, sessionId, alertResolveKind, {
        key: input.key,
        code: alert.code,
        note: input.note,
      })
      return { code: alert.code }
    },
  )
}

export function setEscort(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { isPresent: boolean; name?: string | null | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    { sessionId, permission: 'clinical:write', action: 'sessions.escort', idempotencyKey, body: input },
    async (scope, view) => {
      await saveSession(scope, view, {
        is_escort_present: input.isPresent,
        ...(input.name ? { escort_name: input.name } : {}),
      })
      await addEvent(scope, sessionId, 'escort', {
        isPresent: input.isPresent,
        name: input.name ?? view.session.escortName,
      })
      return { isPresent: input.isPresent }
    },
  )
}

/** The dose's first device or infusion start, or a 409 when nothing has been given yet. */
function doseStartOf(view: SessionView): Date {
  const first =
    view.devices?.given[0]?.at ?? (view.infusion?.runs[0] ? new Date(view.infusion.runs[0].startMs) : null)
  if (!first) throw new AppError('conflict', 'Nothing has been given yet in this session.')
  return first
}

/** A clinical time after the dose started and not in the future; a 400 naming `at` otherwise. */
function checkClinicalTime(at: Date, view: SessionView, now: Date, until?: Date | null): void {
  const start = doseStartOf(view)
  if (at.getTime() > now.getTime() + minuteMs)
    throw new AppError('validation-failed', 'A charted time cannot be in the future.', {
      fieldErrors: [{ field: 'at', message: 'is in the future' }],
    })
  if (at < start)
    throw new AppError('validation-failed', 'This time is before the dose started.', {
      fieldErrors: [{ field: 'at', message: `must be at or after the first dose (${start.toISOString()})` }],
    })
  if (until && at > until)
    throw new AppError('validation-failed', 'This time is after the end of monitoring.', {
      fieldErrors: [{ field: 'at', message: `must be at or before discharge (${until.toISOString()})` }],
    })
}

/**
 * §3 ✅: the nurse's dissociation check during esketamine monitoring — resolved yes or no, at the
 * time observed. A charted observation (see DissociationCheck in the domain for why not a CADSS
 * cut-off); the latest check since the first device decides the discharge criterion.
 */
export function recordDissociationCheck(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { isResolved: boolean; at?: Date | undefined; note?: string | null | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.dissociation-check',
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (view.session.route !== 'intranasal')
        throw new AppError('conflict', 'The dissociation check is part of esketamine monitoring.')
      if (!['dosing', 'monitoring', 'ready-for-discharge'].includes(view.session.state))
        throw new AppError(
          'conflict',
          `The dissociation check is charted after the first device and before discharge; this session is ${view.session.state}.`,
        )
      const at = input.at ?? scope.now
      checkClinicalTime(at, view, scope.now)
      await addEvent(
        scope,
        sessionId,
        dissociationCheckKind,
        { isResolved: input.isResolved, note: input.note ?? null },
        at,
      )
      return { isResolved: input.isResolved }
    },
  )
}

/**
 * The nurse's own entry (or correction) of when the patient would have been ready to leave
 * without the 2-hour rule (REMS monitoring form, §3). The latest entry is the one on the form.
 */
export function recordReadyMoment(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { at: Date; note?: string | null | undefined },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.ready-without-time-rule',
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (view.session.route !== 'intranasal')
        throw new AppError('conflict', 'This time is recorded for the esketamine REMS monitoring form.')
      if (!['monitoring', 'ready-for-discharge', 'discharged'].includes(view.session.state))
        throw new AppError(
          'conflict',
          `Record it during or after monitoring; this session is ${view.session.state}.`,
        )
      checkClinicalTime(input.at, view, scope.now, view.session.dischargedAt)
      await addEvent(
        scope,
        sessionId,
        readyMomentKind,
        { source: 'nurse', note: input.note ?? null },
        input.at,
      )
      return { at: input.at.toISOString() }
    },
  )
}

/** Prescriber sign-off: readiness is re-checked at the moment of signing (design.md §6). */
export function signDischarge(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: SignerProof & { version: number },
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:sign',
      action: 'sessions.discharge',
      idempotencyKey,
      body: { version: input.version },
    },
    async (scope, view) => {
      if (view.session.version !== input.version) throw staleError()
      const result = applyTransition(view.session.state, 'discharge', factsOf(view))
      if (!result.isAllowed) throw notReadyError('discharge', result.blockedBy, view)
      // Issue 14 B: what was drawn and not given is wasted, witnessed, before the patient leaves.
      await requireNoWasteOwed(scope, sessionId, 'discharge')
      const signature = await signContent(scope, scope.principal, input, signatureMeanings.discharge, {
        session: view.session,
        dose: view.dose,
        discharge: view.discharge,
        vitals: view.vitals,
      })
      await saveSession(scope, view, {
        state: 'discharged',
        discharged_at: scope.now,
        discharge_signed_by: signature.signedBy,
        discharge_signer_name: signature.signerName,
        discharge_content_hash: signature.contentHash,
      })
      await addEvent(scope, sessionId, 'state', {
        from: view.session.state,
        to: 'discharged',
        event: 'discharge',
        contentHash: signature.contentHash,
      })
      return { contentHash: signature.contentHash }
    },
  )
}

export interface RemsSubmission {
  isEnrolled: boolean
  concomitant: {
    benzodiazepines: boolean
    nonBenzodiazepineHypnotics: boolean
    psychostimulants: boolean
    maois: boolean
    opioids: boolean
  }
}

/** Records the fields the chart does not hold and that the form was sent to the REMS program. */
export function markRemsSubmitted(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: RemsSubmission,
  idempotencyKey?: string,
) {
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: 'sessions.rems-submitted',
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (view.session.route !== 'intranasal' || view.session.state !== 'discharged')
        throw new AppError('conflict', 'The REMS monitoring form is for discharged esketamine sessions.')
      if (view.session.remsSubmittedAt) throw new AppError('conflict', 'Already recorded as submitted.')
      await addEvent(scope, sessionId, 'rems-details', {
        enrolled: input.isEnrolled,
        concomitant: input.concomitant,
      })
      await saveSession(scope, view, {
        rems_submitted_at: scope.now,
        rems_submitted_by: scope.principal.userId,
      })
      return undefined
    },
  )
}

const correctable: Record<string, CorrectableTable | 'session_event' | 'side_effect'> = {
  vitals: 'vital_sign',
  responses: 'instrument_response',
  events: 'session_event',
  'side-effects': 'side_effect',
}

/** Any charted value can be marked entered-in-error with a reason; the record keeps it, struck through. */
export function markSessionEntryInError(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  input: { kind: string; entryId: string; reason: string },
  idempotencyKey?: string,
) {
  const table = correctable[input.kind]
  if (!table)
    throw new AppError('validation-failed', 'Unknown kind of entry.', {
      fieldErrors: [{ field: 'kind', message: `must be one of ${Object.keys(correctable).join(', ')}` }],
    })
  return act(
    ctx,
    principal,
    clinicId,
    {
      sessionId,
      permission: 'clinical:write',
      action: `${table}.entered-in-error`,
      idempotencyKey,
      body: input,
    },
    async (scope, view) => {
      if (table === 'session_event' || table === 'side_effect') {
        const result = await scope.tx
          .updateTable(table)
          .set({
            entered_in_error_at: scope.now,
            entered_in_error_by: scope.principal.userId,
            error_reason: input.reason,
          })
          .where('clinic_id', '=', scope.clinicId)
          .where('session_id', '=', sessionId)
          .where('id', '=', input.entryId)
          .where('entered_in_error_at', 'is', null)
          .executeTakeFirst()
        if (result.numUpdatedRows === 0n)
          throw new AppError('not-found', 'No such entry in this session, or it is already marked.')
      } else {
        await markEnteredInError(scope, table, view.patient.id, input.entryId, input.reason)
      }
      return { kind: input.kind, entryId: input.entryId }
    },
  )
}
