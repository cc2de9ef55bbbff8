import { findProtocol } from '../../../domain/dosing'
import { effectBandsNgPerMl, getPkModel, simulatePk } from '../../../domain/pharmacology'
import {
  type DischargeReadiness,
  evaluateDischarge,
  evaluatePreChecks,
  listTransitions,
  nextInfusionActions,
  type PreCheckForm,
  type SessionContext,
} from '../../../domain/session'
import { ageInYearsAt } from '../../../domain/time'
import type { Tx } from '../../context'
import { errorInfo } from '../../corrections'
import { toAlertDto, toResponseDto, toVitalDto } from '../assessments/service'
import { planDoseOf } from '../plans/service'
import { cautionPreCheck } from './cautions'
import { type Delivery, deliveryOf, intraReadingsOf, nextVitalsDueOf } from './delivery-record'
import { doseLimitsOf } from './dose-limits-view'
import { loadSessionRecord, type SessionRecord } from './view-load'
import { abnormalVitalsOf, sessionAlerts, toReading } from './vitals-alerts'

export { toReading }

const minuteMs = 60_000
const dayMs = 86_400_000

/**
 * Session event kinds of esketamine monitoring (§3). `dissociation-check`: the nurse's yes/no
 * observation (see DissociationCheck in src/domain/session/discharge.ts for why not a CADSS cut-off).
 * `ready-without-time-rule`: the REMS form's "ready to leave without the 2-hour rule" moment, written
 * once by the first charting write that makes every other criterion met (source `charting`), or
 * entered and corrected by the nurse (source `nurse`, the latest entry wins).
 */
export const dissociationCheckKind = 'dissociation-check'
export const readyMomentKind = 'ready-without-time-rule'

/** REMS Patient Monitoring Form is due within 7 days of an esketamine session (clinical-reference §3). */
export const remsDueDays = 7

type LiveEvent = SessionRecord['events'][number]
type LiveVital = SessionRecord['vitals'][number]

/** Everything the chair-side screen shows, computed from the stored record at `now`. */
export async function loadSessionView(tx: Tx, clinicId: string, sessionId: string, now: Date) {
  return shapeSessionView(await loadSessionRecord(tx, clinicId, sessionId), now)
}

export type SessionView = ReturnType<typeof shapeSessionView>

/** The view from the loaded record: pure but for the clock passed in. */
export function shapeSessionView(record: SessionRecord, now: Date) {
  const { session, plan, settings } = record
  const nowMs = now.getTime()
  const live = record.events.filter((e) => !e.entered_in_error_at)
  const vitals = record.vitals.filter((v) => !v.entered_in_error_at)
  const responses = record.responses.filter((r) => !r.entered_in_error_at)
  const preChecks = preChecksOf(record, live, vitals, responses, now)
  const delivery = deliveryOf(session, live, nowMs)
  // Monitoring: every reading of the session (any phase) through the one alert computation, with
  // the clinicians' acknowledgements; the timer takes the earlier of routine and recheck (§2 ⚠️).
  const { doseStartedAtMs } = delivery
  const alerts = sessionAlerts({ vitals, events: live, doseStartedAtMs, settings: settings.vitals })
  const discharge = dischargeOf(record, live, vitals, responses, delivery, nowMs)
  const dissociation = dissociationOf(live, doseStartedAtMs)
  const context: SessionContext = {
    isConsentCurrent: preChecks.isConsentCurrent,
    isPlanApproved: plan.status === 'approved',
    preChecks: preChecks.status,
    isSupervisingPrescriberPresent: session.supervising_prescriber_id !== null,
    isDoseAdministered: delivery.isDoseAdministered,
    isDischargeReady: discharge?.isReady ?? false,
    hasOpenSuicideAlert: record.suicideAlerts.length > 0,
  }
  return {
    /** The server's clock for this view: countdowns on a tablet with a drifting clock use it. */
    generatedAt: now,
    session: sessionPartOf(record),
    patient: patientPartOf(record, now),
    plan: planPartOf(record),
    dose: dosePartOf(record, live, delivery),
    preChecks: {
      status: preChecks.status,
      items: preChecks.items,
      cautions: record.cautions,
      override: preChecks.override,
    },
    infusion: delivery.infusion
      ? { ...delivery.infusion, nextActions: nextInfusionActions(delivery.infusion.status) }
      : null,
    devices: delivery.devices,
    alerts,
    /** The patient's open suicidal-ideation safety alerts (acknowledged on the chart's banner). */
    safetyAlerts: record.suicideAlerts.map(toAlertDto),
    nextVitalsDue: nextVitalsDueOf({ session, delivery, vitals, alerts, settings: settings.vitals }),
    discharge,
    dissociation:
      session.route === 'intranasal' ? { latest: dissociation.latest, checks: dissociation.checks } : null,
    readyWithoutTimeRule: readyMomentOf(live, doseStartedAtMs),
    transitions: listTransitions(session.state, context),
    pk: pkOf(record, delivery, nowMs),
    vitals: record.vitals.map(toVitalDto),
    /** Per live reading, the measures outside the clinic's alert limits (highlighted where listed). */
    abnormalVitals: abnormalVitalsOf(vitals, settings.vitals),
    responses: record.responses.map(toResponseDto),
    sideEffects: record.sideEffects.map((s) => ({
      id: s.id,
      term: s.term,
      grade: s.grade,
      onsetAt: s.onset_at,
      actionTaken: s.action_taken,
      resolvedAt: s.resolved_at,
      isSerious: s.is_serious,
      enteredInError: errorInfo(s),
    })),
    timeline: record.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      payload: e.payload,
      recordedBy: e.recorded_by_name,
      recordedById: e.recorded_by,
      enteredInError: errorInfo(e),
    })),
  }
}

const latestOf = <T>(rows: readonly T[], isIt: (row: T) => boolean): T | undefined =>
  [...rows].reverse().find(isIt)

/** Pre-checks (issue 5 item 3; rules in src/domain/session/pre-checks.ts) and any override. */
function preChecksOf(
  record: SessionRecord,
  live: readonly LiveEvent[],
  vitals: readonly LiveVital[],
  responses: SessionRecord['responses'],
  now: Date,
) {
  const { patient, plan } = record
  const form = latestOf(live, (e) => e.kind === 'pre-check-form')?.payload as PreCheckForm | undefined
  const override = latestOf(live, (e) => e.kind === 'pre-check-override')
  const latestPre = vitals.filter((v) => v.context === 'pre').at(-1)
  const cssrs = latestOf(responses, (r) => r.instrument_id === 'cssrs-screen')
  const isConsentCurrent = record.consents.some((c) => c.isCurrent)
  const { status, items } = evaluatePreChecks(
    {
      form,
      isOverridden: override !== undefined,
      isConsentCurrent,
      plan: { status: plan.status, protocolName: findProtocol(plan.protocol_id).name },
      latestPreVitals: latestPre ? toReading(latestPre) : undefined,
      cssrs: cssrs ? { band: cssrs.band, bandLabel: cssrs.band_label } : undefined,
      lastPhq9AtMs: record.lastPhq9At?.getTime() ?? null,
      hasPhq9ThisSession: responses.some((r) => r.instrument_id === 'phq9'),
      patient: {
        sex: patient.sex,
        ageYears: ageInYearsAt(record.patient.date_of_birth, now, record.patient.clinic_time_zone),
      },
      cautions: cautionPreCheck(record.cautions),
      nowMs: now.getTime(),
    },
    record.settings.vitals,
  )
  return {
    status,
    items,
    isConsentCurrent,
    override: override
      ? {
          by: override.recorded_by_name,
          at: override.at,
          reason: (override.payload as { reason: string }).reason,
        }
      : null,
  }
}

/** The esketamine dissociation checks since the first device (§3); the latest decides. */
function dissociationOf(live: readonly LiveEvent[], doseStartedAtMs: number | null) {
  const checks = live.filter(
    (e) => e.kind === dissociationCheckKind && doseStartedAtMs !== null && e.at.getTime() >= doseStartedAtMs,
  )
  const last = checks.at(-1)
  const payload = last?.payload as { isResolved: boolean; note?: string | null } | undefined
  return {
    lastCheck: last && payload ? { isResolved: payload.isResolved, atMs: last.at.getTime() } : null,
    latest:
      last && payload
        ? {
            isResolved: payload.isResolved,
            at: last.at,
            by: last.recorded_by_name,
            note: payload.note ?? null,
          }
        : null,
    checks: checks.length,
  }
}

/** Discharge readiness (issue 5 item 6; esketamine §3 adds sedation, dissociation and SpO2). */
function dischargeOf(
  record: SessionRecord,
  live: readonly LiveEvent[],
  vitals: readonly LiveVital[],
  responses: SessionRecord['responses'],
  delivery: Delivery,
  nowMs: number,
): DischargeReadiness | null {
  const { session, settings } = record
  const { doseStartedAtMs, doseEndedAtMs } = delivery
  const preVitals = vitals.filter((v) => v.context === 'pre')
  const latestPre = preVitals.at(-1)
  if (doseStartedAtMs === null || !latestPre?.systolic_mmhg) return null
  const intraReadings = intraReadingsOf(vitals, doseStartedAtMs)
  const aldrete = latestOf(responses, (r) => r.instrument_id === 'aldrete')
  const escortSince = latestOf(live, (e) => e.kind === 'escort')
  const baselineMoaas = preVitals.filter((v) => v.moaas !== null).at(-1)?.moaas ?? undefined
  const { lastCheck } = dissociationOf(live, doseStartedAtMs)
  // The BP criterion reads the latest reading with a BP: SpO2-only readings come between them.
  const latestBp = intraReadings.filter((r) => r.systolicMmHg !== undefined).at(-1)
  return evaluateDischarge(
    {
      nowMs,
      route: session.route,
      ...(session.route === 'iv' && doseEndedAtMs !== null ? { infusionEndedAtMs: doseEndedAtMs } : {}),
      ...(session.route === 'intranasal' ? { firstDeviceAtMs: doseStartedAtMs } : {}),
      ...(aldrete
        ? { aldreteScore: Number(aldrete.total), aldreteAtMs: aldrete.administered_at.getTime() }
        : {}),
      baseline: {
        systolicMmHg: latestPre.systolic_mmhg,
        ...(latestPre.diastolic_mmhg ? { diastolicMmHg: latestPre.diastolic_mmhg } : {}),
      },
      ...(latestBp ? { latestVitals: latestBp } : {}),
      isEscortPresent: session.is_escort_present,
      ...(escortSince && (escortSince.payload as { isPresent?: boolean }).isPresent
        ? { escortPresentSinceMs: escortSince.at.getTime() }
        : {}),
      ...(session.route === 'intranasal'
        ? {
            postDoseReadings: intraReadings,
            ...(baselineMoaas !== undefined ? { baselineMoaas } : {}),
            ...(lastCheck ? { dissociationCheck: lastCheck } : {}),
          }
        : {}),
    },
    settings.discharge,
    settings.vitals,
  )
}

/**
 * The REMS "ready without the 2-hour rule" moment as recorded during the session (§3), never the
 * live value: the nurse's latest entry, else the first one charting wrote.
 */
function readyMomentOf(live: readonly LiveEvent[], doseStartedAtMs: number | null) {
  const readyEvents = live.filter((e) => e.kind === readyMomentKind)
  const sourceOf = (e: LiveEvent) => (e.payload as { source?: string }).source
  const byCharting = readyEvents.find((e) => sourceOf(e) === 'charting')
  const byNurse = readyEvents
    .filter((e) => sourceOf(e) === 'nurse')
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
    .at(-1)
  const moment = byNurse ?? byCharting
  if (!moment) return null
  return {
    at: moment.at,
    source: sourceOf(moment) as 'charting' | 'nurse',
    recordedBy: moment.recorded_by_name,
    note: (moment.payload as { note?: string | null }).note ?? null,
    minutesFromFirstDevice:
      doseStartedAtMs === null ? null : Math.round((moment.at.getTime() - doseStartedAtMs) / minuteMs),
    firstMetByChartingAt: byCharting?.at ?? null,
  }
}

/** Predicted plasma and effect-site concentration from the actual pump record (issue 5 item 5). */
function pkOf(record: SessionRecord, delivery: Delivery, nowMs: number) {
  const { session } = record
  const { infusion, rateMgPerMin } = delivery
  const pkRuns = infusion?.runs.filter((r) => r.endMs > r.startMs) ?? []
  if (
    session.route !== 'iv' ||
    !infusion ||
    pkRuns.length === 0 ||
    rateMgPerMin === null ||
    !session.weight_kg
  )
    return null
  const startMs = infusion.runs[0]!.startMs
  const untilMin =
    Math.max(
      (nowMs - startMs) / minuteMs,
      (infusion.expectedEndMs ?? infusion.endedAtMs ?? nowMs) / minuteMs - startMs / minuteMs,
    ) + 120
  const curve = simulatePk({
    model: getPkModel('domino'),
    weightKg: Number(session.weight_kg),
    events: pkRuns.map((r) => ({
      kind: 'infusion' as const,
      startMin: (r.startMs - startMs) / minuteMs,
      durationMin: (r.endMs - r.startMs) / minuteMs,
      doseMg: ((r.endMs - r.startMs) / minuteMs) * rateMgPerMin,
    })),
    grid: { untilMin: Math.ceil(untilMin), stepMin: 1 },
  })
  return {
    model: 'domino',
    startedAt: new Date(startMs),
    nowMin: (nowMs - startMs) / minuteMs,
    tMin: Array.from(curve.tMin),
    plasmaNgPerMl: Array.from(curve.plasmaNgPerMl, (x) => Math.round(x * 10) / 10),
    effectNgPerMl: Array.from(curve.effectNgPerMl, (x) => Math.round(x * 10) / 10),
    effectBands: effectBandsNgPerMl,
    note: 'Model prediction (Domino), not a measurement; runs after the pump record ends are assumed stopped.',
  }
}

function sessionPartOf(record: SessionRecord) {
  const { session, plan, people } = record
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.display_name ?? null) : null)
  const person = (id: string | null) => (id ? { id, name: nameOf(id) } : null)
  return {
    id: session.id,
    state: session.state,
    route: session.route,
    sessionNumber: session.session_number,
    plannedSessions: plan.planned_sessions,
    scheduledAt: session.scheduled_at,
    plannedDurationMin: session.planned_duration_min,
    chair: record.chair,
    spacingOverrideReason: session.spacing_override_reason,
    supervisingPrescriber: person(session.supervising_prescriber_id),
    primaryNurse: person(session.primary_nurse_id),
    escortName: session.escort_name,
    isEscortPresent: session.is_escort_present,
    endReason: session.end_reason,
    dischargedAt: session.discharged_at,
    dischargeSignerName: session.discharge_signer_name,
    dischargeContentHash: session.discharge_content_hash,
    remsDueAt:
      session.route === 'intranasal' && session.state === 'discharged' && session.discharged_at
        ? new Date(session.discharged_at.getTime() + remsDueDays * dayMs)
        : null,
    remsSubmittedAt: session.rems_submitted_at,
    version: session.version,
  }
}

function patientPartOf({ patient }: SessionRecord, now: Date) {
  return {
    id: patient.id,
    name: `${patient.given_name} ${patient.family_name}`,
    mrn: patient.mrn,
    dateOfBirth: patient.date_of_birth,
    age: ageInYearsAt(patient.date_of_birth, now, patient.clinic_time_zone),
    sex: patient.sex,
  }
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value))

function planPartOf({ plan }: SessionRecord) {
  return {
    id: plan.id,
    protocolId: plan.protocol_id,
    protocolName: findProtocol(plan.protocol_id).name,
    ...planDoseOf(plan),
    cadence: plan.cadence,
  }
}

function dosePartOf(record: SessionRecord, live: readonly LiveEvent[], delivery: Delivery) {
  const { session, people } = record
  const { plannedDoseMg, rateMgPerMin } = delivery
  const vialMgPerMl = numberOrNull(session.vial_mg_per_ml)
  return {
    weightKg: numberOrNull(session.weight_kg),
    doseBasis: session.dose_basis,
    plannedDoseMg,
    vialMgPerMl,
    infusionMin: delivery.infusionMin,
    rateMgPerMin,
    rateMlPerHour:
      rateMgPerMin !== null && vialMgPerMl ? Math.round((rateMgPerMin / vialMgPerMl) * 60 * 100) / 100 : null,
    volumeMl:
      plannedDoseMg !== null && vialMgPerMl ? Math.round((plannedDoseMg / vialMgPerMl) * 100) / 100 : null,
    checkedBy: session.dose_checked_by
      ? (people.find((p) => p.id === session.dose_checked_by)?.display_name ?? null)
      : null,
    checkedAt: session.dose_checked_at,
    doseGivenMg: delivery.doseGivenMg,
    drawnFromLots: live.filter((e) => e.kind === 'dose-drawn').map((e) => e.payload),
    // §2: the ceiling judged per kg of actual weight, and any signed override, as set.
    limits: doseLimitsOf(live),
  }
}
