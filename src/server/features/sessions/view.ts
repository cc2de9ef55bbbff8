import { devicesForDose, findProtocol, minutesBetweenDevices } from '../../../domain/dosing'
import { effectBandsNgPerMl, getPkModel, simulatePk } from '../../../domain/pharmacology'
import {
  type DischargeReadiness,
  evaluateDischarge,
  evaluatePreDoseVitals,
  type InfusionMark,
  listTransitions,
  nextInfusionActions,
  nextVitalsDue,
  type PreCheckStatus,
  type SessionContext,
  summarizeInfusion,
  withAlertRecheck,
} from '../../../domain/session'
import { ageInYearsAt } from '../../../domain/time'
import { loadClinicSettings } from '../../clinic-settings'
import type { Tx } from '../../context'
import { errorInfo } from '../../corrections'
import { AppError } from '../../errors'
import { toAlertDto, toResponseDto, toVitalDto } from '../assessments/service'
import { loadConsents } from '../consent/service'
import { cautionPreCheck, loadSessionCautions } from './cautions'
import { doseLimitsOf } from './dose-limits-view'
import * as store from './store'
import { abnormalVitalsOf, isUnresolved, sessionAlerts, toReading } from './vitals-alerts'

export { toReading }

const minuteMs = 60_000

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

export interface PreCheckItem {
  id: string
  label: string
  status: 'pass' | 'fail' | 'pending'
  detail: string
}

/** Everything the chair-side screen shows, computed from the stored record at `now`. */
export async function loadSessionView(tx: Tx, clinicId: string, sessionId: string, now: Date) {
  const session = await store.findSession(tx, clinicId, sessionId)
  if (!session) throw new AppError('not-found', 'No such session in this clinic.')
  const [
    patient,
    plan,
    chair,
    events,
    vitalRows,
    responseRows,
    effectRows,
    consents,
    people,
    priorPhq9,
    openSuicideAlerts,
  ] = await Promise.all([
    tx
      .selectFrom('patient')
      .innerJoin('clinic', 'clinic.id', 'patient.clinic_id')
      .selectAll('patient')
      .select('clinic.time_zone as clinic_time_zone')
      .where('patient.id', '=', session.patient_id)
      .executeTakeFirstOrThrow(),
    tx.selectFrom('treatment_plan').selectAll().where('id', '=', session.plan_id).executeTakeFirstOrThrow(),
    session.chair_id
      ? tx.selectFrom('chair').select(['id', 'name']).where('id', '=', session.chair_id).executeTakeFirst()
      : undefined,
    store.listEvents(tx, clinicId, sessionId),
    store.listSessionVitals(tx, clinicId, sessionId),
    store.listSessionResponses(tx, clinicId, sessionId),
    store.listSideEffects(tx, clinicId, sessionId),
    loadConsents(tx, clinicId, session.patient_id),
    tx
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where(
        'id',
        'in',
        [
          session.supervising_prescriber_id,
          session.primary_nurse_id,
          session.dose_checked_by,
          session.discharge_signed_by,
        ]
          .filter((x): x is string => x !== null)
          .concat(['00000000-0000-0000-0000-000000000000']),
      )
      .execute(),
    tx
      .selectFrom('instrument_response')
      .select('administered_at')
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', session.patient_id)
      .where('instrument_id', '=', 'phq9')
      .where('entered_in_error_at', 'is', null)
      .orderBy('administered_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // Any open suicidal-ideation alert of the patient, from any instrument or the portal, holds
    // discharge until a clinician acknowledges it (clinical-reference §4).
    tx
      .selectFrom('safety_alert')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', session.patient_id)
      .where('kind', '=', 'suicide-risk')
      .where('acknowledged_at', 'is', null)
      .orderBy('raised_at', 'desc')
      .execute(),
  ])
  // The clinic's thresholds (⚠️ settings, clinical-reference §2/§3), not the built-in defaults.
  const settings = await loadClinicSettings(tx, clinicId)
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.display_name ?? null) : null)
  const live = events.filter((e) => !e.entered_in_error_at)
  const vitals = vitalRows.filter((v) => !v.entered_in_error_at)
  const responses = responseRows.filter((r) => !r.entered_in_error_at)
  const protocol = findProtocol(plan.protocol_id)
  const nowMs = now.getTime()
  const cautions = await loadSessionCautions(tx, clinicId, session.patient_id, live)

  // Pre-checks (issue 5 item 3): the nurse's form plus what the record already knows.
  const form = [...live].reverse().find((e) => e.kind === 'pre-check-form')?.payload as
    | {
        identityConfirmed: boolean
        fastingConfirmed: boolean
        escortConfirmed: boolean
        escortName: string | null
        pregnancyStatus: string
        urinarySymptoms: boolean
        notes: string | null
      }
    | undefined
  const override = [...live].reverse().find((e) => e.kind === 'pre-check-override')
  const doseLimits = doseLimitsOf(live)
  const preVitals = vitals.filter((v) => v.context === 'pre')
  const latestPre = preVitals[preVitals.length - 1]
  const preAlerts = latestPre ? evaluatePreDoseVitals(toReading(latestPre), settings.vitals) : []
  const cssrs = [...responses].reverse().find((r) => r.instrument_id === 'cssrs-screen')
  const isConsentCurrent = consents.some((c) => c.isCurrent)
  const isPlanApproved = plan.status === 'approved'
  const age = ageInYearsAt(patient.date_of_birth, now, patient.clinic_time_zone)
  const needsPregnancyCheck = patient.sex === 'female' && age >= 12 && age <= 55
  const phq9Due = !priorPhq9 || nowMs - priorPhq9.administered_at.getTime() > 7 * 86_400_000
  const item = (id: string, label: string, status: PreCheckItem['status'], detail: string): PreCheckItem => ({
    id,
    label,
    status,
    detail,
  })
  const fromForm = (value: boolean | undefined): PreCheckItem['status'] =>
    form === undefined ? 'pending' : value ? 'pass' : 'fail'
  const preCheckItems: PreCheckItem[] = [
    item(
      'identity',
      'Identity confirmed (two identifiers)',
      fromForm(form?.identityConfirmed),
      form ? (form.identityConfirmed ? 'Confirmed' : 'Not confirmed') : 'Not asked yet',
    ),
    item(
      'consent',
      'Consent current',
      isConsentCurrent ? 'pass' : 'fail',
      isConsentCurrent ? 'Signed on the current version' : 'No current signed consent',
    ),
    item(
      'plan',
      'Treatment plan approved',
      isPlanApproved ? 'pass' : 'fail',
      isPlanApproved ? `${protocol.name}` : `Plan is ${plan.status}`,
    ),
    item(
      'fasting',
      'Fasting as instructed',
      fromForm(form?.fastingConfirmed),
      form ? (form.fastingConfirmed ? 'Confirmed' : 'Not fasting') : 'Not asked yet',
    ),
    item(
      'escort',
      'Escort home confirmed',
      fromForm(form?.escortConfirmed),
      form
        ? form.escortConfirmed
          ? `Escort: ${form.escortName ?? 'named on arrival'}`
          : 'No escort'
        : 'Not asked yet',
    ),
    item(
      'vitals',
      'Pre-dose vital signs within limits',
      !latestPre ? 'pending' : preAlerts.length === 0 ? 'pass' : 'fail',
      !latestPre
        ? 'Record pre-dose vitals'
        : preAlerts.length === 0
          ? `BP ${latestPre.systolic_mmhg}/${latestPre.diastolic_mmhg}, HR ${latestPre.heart_rate_bpm}`
          : preAlerts.map((a) => `${a.message} ${a.recommendedAction}`).join(' '),
    ),
    item(
      'cssrs',
      'C-SSRS screen this visit',
      !cssrs ? 'pending' : cssrs.band === 'high' ? 'fail' : 'pass',
      !cssrs ? 'Screen before dosing' : `${cssrs.band_label ?? cssrs.band}`,
    ),
    item(
      'phq9',
      'PHQ-9 (due weekly)',
      phq9Due ? (responses.some((r) => r.instrument_id === 'phq9') ? 'pass' : 'pending') : 'pass',
      phq9Due ? 'Due this visit' : 'Done within the last 7 days',
    ),
    item(
      'urinary',
      'Urinary symptoms asked',
      form === undefined ? 'pending' : form.urinarySymptoms ? 'fail' : 'pass',
      form === undefined
        ? 'Not asked yet'
        : form.urinarySymptoms
          ? 'Reports urinary symptoms: prescriber review'
          : 'None',
    ),
    ...(needsPregnancyCheck
      ? [
          item(
            'pregnancy',
            'Pregnancy status',
            form === undefined
              ? 'pending'
              : form.pregnancyStatus === 'negative' || form.pregnancyStatus === 'not-applicable'
                ? 'pass'
                : 'fail',
            form ? `Recorded: ${form.pregnancyStatus}` : 'Not asked yet',
          ),
        ]
      : []),
    cautionPreCheck(cautions),
  ]
  const preChecks: PreCheckStatus = override
    ? 'overridden'
    : preCheckItems.every((i) => i.status === 'pass')
      ? 'passed'
      : preCheckItems.some((i) => i.status === 'fail')
        ? 'failed'
        : 'pending'

  // Dose delivery.
  const plannedDoseMg = session.planned_dose_mg === null ? null : Number(session.planned_dose_mg)
  const infusionMin = session.infusion_min === null ? null : Number(session.infusion_min)
  const rateMgPerMin = plannedDoseMg !== null && infusionMin ? plannedDoseMg / infusionMin : null
  const marks: InfusionMark[] = live
    .filter((e) => e.kind === 'infusion')
    .map((e) => ({ action: (e.payload as { action: InfusionMark['action'] }).action, atMs: e.at.getTime() }))
  const infusion =
    session.route === 'iv' && plannedDoseMg !== null && rateMgPerMin !== null
      ? summarizeInfusion(marks, rateMgPerMin, plannedDoseMg, nowMs)
      : null
  const deviceEvents = live.filter((e) => e.kind === 'device')
  const devicePlan =
    session.route === 'intranasal' && plannedDoseMg !== null ? devicesForDose(plannedDoseMg) : null
  const lastDevice = deviceEvents[deviceEvents.length - 1]
  const devices = devicePlan
    ? {
        plan: devicePlan,
        given: deviceEvents.map((e, i) => ({
          number: i + 1,
          at: e.at,
          lotId: (e.payload as { lotId?: string }).lotId ?? null,
        })),
        nextAllowedAt: lastDevice
          ? new Date(lastDevice.at.getTime() + minutesBetweenDevices * minuteMs)
          : null,
        isComplete: deviceEvents.length >= devicePlan.deviceCount,
      }
    : null
  const doseStartedAtMs =
    session.route === 'iv' ? (infusion?.runs[0]?.startMs ?? null) : (deviceEvents[0]?.at.getTime() ?? null)
  const doseEndedAtMs =
    session.route === 'iv'
      ? (infusion?.endedAtMs ?? null)
      : devices?.isComplete
        ? lastDevice!.at.getTime()
        : null
  const isDoseAdministered =
    session.route === 'iv'
      ? infusion !== null &&
        (infusion.status === 'completed' || (infusion.status === 'stopped' && infusion.doseGivenMg > 0))
      : Boolean(devices?.isComplete)
  const doseGivenMg = session.route === 'iv' ? (infusion?.doseGivenMg ?? 0) : deviceEvents.length * 28

  // Monitoring: every reading of the session (any phase) through the one alert computation, with
  // the clinicians' acknowledgements; the timer takes the earlier of routine and recheck (§2 ⚠️).
  const readings = vitals.filter((v) => v.context !== 'intake').map(toReading)
  const intraReadings = doseStartedAtMs === null ? [] : readings.filter((r) => r.takenAtMs >= doseStartedAtMs)
  const alerts = sessionAlerts({ vitals, events: live, doseStartedAtMs, settings: settings.vitals })
  const isCharting = !['scheduled', 'discharged', 'cancelled', 'aborted'].includes(session.state)
  const routineDue =
    doseStartedAtMs !== null && isCharting
      ? nextVitalsDue(
          {
            route: session.route,
            doseStartedAtMs,
            ...(session.route === 'iv' && doseEndedAtMs !== null ? { infusionEndedAtMs: doseEndedAtMs } : {}),
            readings: intraReadings,
          },
          settings.vitals,
        )
      : null
  const due = isCharting ? withAlertRecheck(routineDue, alerts.filter(isUnresolved)) : null

  // Discharge readiness (issue 5 item 6; esketamine §3 adds sedation, dissociation and SpO2).
  const aldrete = [...responses].reverse().find((r) => r.instrument_id === 'aldrete')
  const dissociationChecks = live.filter(
    (e) => e.kind === dissociationCheckKind && doseStartedAtMs !== null && e.at.getTime() >= doseStartedAtMs,
  )
  const lastCheck = dissociationChecks.at(-1)
  const escortSince = [...live].reverse().find((e) => e.kind === 'escort')
  const baselineMoaas = preVitals.filter((v) => v.moaas !== null).at(-1)?.moaas ?? undefined
  let discharge: DischargeReadiness | null = null
  if (doseStartedAtMs !== null && latestPre?.systolic_mmhg) {
    // The BP criterion reads the latest reading with a BP: SpO2-only readings come between them.
    const latestBp = intraReadings.filter((r) => r.systolicMmHg !== undefined).at(-1)
    discharge = evaluateDischarge(
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
              ...(lastCheck
                ? {
                    dissociationCheck: {
                      isResolved: (lastCheck.payload as { isResolved: boolean }).isResolved,
                      atMs: lastCheck.at.getTime(),
                    },
                  }
                : {}),
            }
          : {}),
      },
      settings.discharge,
      settings.vitals,
    )
  }
  // The REMS "ready without the 2-hour rule" moment as recorded during the session (§3), never
  // the live value above: the nurse's latest entry, else the first one charting wrote.
  const readyEvents = live.filter((e) => e.kind === readyMomentKind)
  const sourceOf = (e: (typeof live)[number]) => (e.payload as { source?: string }).source
  const byCharting = readyEvents.find((e) => sourceOf(e) === 'charting')
  const byNurse = readyEvents
    .filter((e) => sourceOf(e) === 'nurse')
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
    .at(-1)
  const readyMoment = byNurse ?? byCharting
  const readyWithoutTimeRule = readyMoment
    ? {
        at: readyMoment.at,
        source: sourceOf(readyMoment) as 'charting' | 'nurse',
        recordedBy: readyMoment.recorded_by_name,
        note: (readyMoment.payload as { note?: string | null }).note ?? null,
        minutesFromFirstDevice:
          doseStartedAtMs === null
            ? null
            : Math.round((readyMoment.at.getTime() - doseStartedAtMs) / minuteMs),
        firstMetByChartingAt: byCharting?.at ?? null,
      }
    : null

  const context: SessionContext = {
    isConsentCurrent,
    isPlanApproved,
    preChecks,
    isSupervisingPrescriberPresent: session.supervising_prescriber_id !== null,
    isDoseAdministered,
    isDischargeReady: discharge?.isReady ?? false,
    hasOpenSuicideAlert: openSuicideAlerts.length > 0,
  }

  // Predicted plasma and effect-site concentration from the actual pump record (issue 5 item 5).
  let pk = null
  const pkRuns = infusion?.runs.filter((r) => r.endMs > r.startMs) ?? []
  if (session.route === 'iv' && infusion && pkRuns.length > 0 && rateMgPerMin !== null && session.weight_kg) {
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
    pk = {
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

  const remsDueAt =
    session.route === 'intranasal' && session.state === 'discharged' && session.discharged_at
      ? new Date(session.discharged_at.getTime() + remsDueDays * 86_400_000)
      : null
  return {
    /** The server's clock for this view: countdowns on a tablet with a drifting clock use it. */
    generatedAt: now,
    session: {
      id: session.id,
      state: session.state,
      route: session.route,
      sessionNumber: session.session_number,
      plannedSessions: plan.planned_sessions,
      scheduledAt: session.scheduled_at,
      plannedDurationMin: session.planned_duration_min,
      chair: chair ?? null,
      spacingOverrideReason: session.spacing_override_reason,
      supervisingPrescriber: session.supervising_prescriber_id
        ? { id: session.supervising_prescriber_id, name: nameOf(session.supervising_prescriber_id) }
        : null,
      primaryNurse: session.primary_nurse_id
        ? { id: session.primary_nurse_id, name: nameOf(session.primary_nurse_id) }
        : null,
      escortName: session.escort_name,
      isEscortPresent: session.is_escort_present,
      endReason: session.end_reason,
      dischargedAt: session.discharged_at,
      dischargeSignerName: session.discharge_signer_name,
      dischargeContentHash: session.discharge_content_hash,
      remsDueAt,
      remsSubmittedAt: session.rems_submitted_at,
      version: session.version,
    },
    patient: {
      id: patient.id,
      name: `${patient.given_name} ${patient.family_name}`,
      mrn: patient.mrn,
      dateOfBirth: patient.date_of_birth,
      age,
      sex: patient.sex,
    },
    plan: {
      id: plan.id,
      protocolId: plan.protocol_id,
      protocolName: protocol.name,
      doseMgPerKg: plan.dose_mg_per_kg === null ? null : Number(plan.dose_mg_per_kg),
      doseMg: plan.dose_mg === null ? null : Number(plan.dose_mg),
      doseBasis: plan.dose_basis,
      maxDoseMgPerKg: plan.max_dose_mg_per_kg === null ? null : Number(plan.max_dose_mg_per_kg),
      doseAboveActualWeight: plan.dose_above_actual_weight,
      doseOverride:
        plan.dose_override_limits && plan.dose_override_reason
          ? { limits: plan.dose_override_limits, reason: plan.dose_override_reason }
          : null,
      cadence: plan.cadence,
    },
    dose: {
      weightKg: session.weight_kg === null ? null : Number(session.weight_kg),
      doseBasis: session.dose_basis,
      plannedDoseMg,
      vialMgPerMl: session.vial_mg_per_ml === null ? null : Number(session.vial_mg_per_ml),
      infusionMin,
      rateMgPerMin,
      rateMlPerHour:
        rateMgPerMin !== null && session.vial_mg_per_ml
          ? Math.round((rateMgPerMin / Number(session.vial_mg_per_ml)) * 60 * 100) / 100
          : null,
      volumeMl:
        plannedDoseMg !== null && session.vial_mg_per_ml
          ? Math.round((plannedDoseMg / Number(session.vial_mg_per_ml)) * 100) / 100
          : null,
      checkedBy: nameOf(session.dose_checked_by),
      checkedAt: session.dose_checked_at,
      doseGivenMg,
      drawnFromLots: live.filter((e) => e.kind === 'dose-drawn').map((e) => e.payload),
      // §2: the ceiling judged per kg of actual weight, and any signed override, as set.
      limits: doseLimits,
    },
    preChecks: {
      status: preChecks,
      items: preCheckItems,
      cautions,
      override: override
        ? {
            by: override.recorded_by_name,
            at: override.at,
            reason: (override.payload as { reason: string }).reason,
          }
        : null,
    },
    infusion: infusion ? { ...infusion, nextActions: nextInfusionActions(infusion.status) } : null,
    devices,
    alerts,
    /** The patient's open suicidal-ideation safety alerts (acknowledged on the chart's banner). */
    safetyAlerts: openSuicideAlerts.map(toAlertDto),
    nextVitalsDue: due
      ? {
          dueAt: due.dueAtMs === null ? null : new Date(due.dueAtMs),
          reason: due.reason,
          prompts: due.prompts ?? [],
          /** Set when the time is an alert's recheck (the timer says "BP recheck"). */
          recheck: due.recheck ?? null,
        }
      : null,
    discharge,
    dissociation:
      session.route === 'intranasal'
        ? {
            latest: lastCheck
              ? {
                  isResolved: (lastCheck.payload as { isResolved: boolean }).isResolved,
                  at: lastCheck.at,
                  by: lastCheck.recorded_by_name,
                  note: (lastCheck.payload as { note?: string | null }).note ?? null,
                }
              : null,
            checks: dissociationChecks.length,
          }
        : null,
    readyWithoutTimeRule,
    transitions: listTransitions(session.state, context),
    pk,
    vitals: vitalRows.map(toVitalDto),
    /** Per live reading, the measures outside the clinic's alert limits (highlighted where listed). */
    abnormalVitals: abnormalVitalsOf(vitals, settings.vitals),
    responses: responseRows.map(toResponseDto),
    sideEffects: effectRows.map((s) => ({
      id: s.id,
      term: s.term,
      grade: s.grade,
      onsetAt: s.onset_at,
      actionTaken: s.action_taken,
      resolvedAt: s.resolved_at,
      isSerious: s.is_serious,
      enteredInError: errorInfo(s),
    })),
    timeline: events.map((e) => ({
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

export type SessionView = Awaited<ReturnType<typeof loadSessionView>>
