import type { Selectable } from 'kysely'
import type {
  InstrumentResponseTable,
  ResponseContext,
  SafetyAlertTable,
  VitalContext,
  VitalSignTable,
} from '../../../db'
import { type Answers, getInstrument, type InstrumentId, isInstrumentId } from '../../../domain/instruments'
import { type ClinicScope, clinicService, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext, Tx } from '../../context'
import { errorInfo, markPatientRowOnce } from '../../corrections'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import type { Principal } from '../../principal'
import { insertClinicRow } from '../clinics/clinic-rows'
import { patientRecordReader, recordCorrection } from '../patients/record'
import { listPatientRows, requirePatient } from '../patients/store'
import { insertVitalSign } from '../sessions/store'

export function toResponseDto(row: Selectable<InstrumentResponseTable>) {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    answers: row.answers,
    total: Number(row.total),
    band: row.band ? { id: row.band, label: row.band_label ?? row.band } : null,
    subscales: row.subscales,
    flags: row.flags,
    context: row.context,
    sessionId: row.session_id,
    respondent: row.respondent,
    administeredAt: row.administered_at,
    recordedBy: row.recorded_by,
    enteredInError: errorInfo(row),
  }
}

export function toAlertDto(row: Selectable<SafetyAlertTable>) {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    message: row.message,
    instrumentResponseId: row.instrument_response_id,
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgementNote: row.acknowledgement_note,
  }
}

export function toVitalDto(row: Selectable<VitalSignTable>) {
  return {
    id: row.id,
    context: row.context,
    sessionId: row.session_id,
    measuredAt: row.measured_at,
    systolicMmHg: row.systolic_mmhg,
    diastolicMmHg: row.diastolic_mmhg,
    heartRateBpm: row.heart_rate_bpm,
    spo2Percent: row.spo2_percent,
    respiratoryRate: row.respiratory_rate,
    moaas: row.moaas,
    recordedBy: row.recorded_by,
    enteredInError: errorInfo(row),
  }
}

export function listResponsesOf(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'instrument_response', clinicId, patientId, 'administered_at')
}

export function listAlertsOf(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'safety_alert', clinicId, patientId, 'raised_at')
}

export function listVitalsOf(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'vital_sign', clinicId, patientId, 'measured_at')
}

export const listAssessments = patientRecordReader(
  { action: 'assessments.read', entity: 'instrument_response', isPatientChecked: true },
  async (tx, clinicId, patientId) => {
    const [responses, alerts, vitals] = await Promise.all([
      listResponsesOf(tx, clinicId, patientId),
      listAlertsOf(tx, clinicId, patientId),
      listVitalsOf(tx, clinicId, patientId),
    ])
    return {
      responses: responses.map(toResponseDto),
      alerts: alerts.map(toAlertDto),
      vitals: vitals.map(toVitalDto),
    }
  },
)

/**
 * Scores an instrument with the domain registry and stores answers and result together. A
 * suicide-risk flag at warning or urgent level raises a safety alert that a clinician must
 * acknowledge; the reply carries it so the screen can show the banner at once.
 */
export function recordResponse(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
  input: {
    instrumentId: string
    answers: Answers
    context: ResponseContext
    administeredAt?: Date | undefined
  },
) {
  if (!isInstrumentId(input.instrumentId)) {
    throw new AppError('validation-failed', `Unknown instrument "${input.instrumentId}".`, {
      fieldErrors: [{ field: 'instrumentId', message: 'is not an instrument of the registry' }],
    })
  }
  const instrumentId = input.instrumentId
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:write', action: 'responses.add', entity: 'instrument_response' },
    async (scope) => {
      await requirePatient(scope.tx, clinicId, patientId)
      const { id, alertIds: alerts } = await insertScoredResponse(scope, {
        patientId,
        instrumentId,
        answers: input.answers,
        context: input.context,
        sessionId: null,
        administeredAt: input.administeredAt,
      })
      const row = await scope.tx
        .selectFrom('instrument_response')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const alertRows = alerts.length
        ? await scope.tx.selectFrom('safety_alert').selectAll().where('id', 'in', alerts).execute()
        : []
      return { response: toResponseDto(row), alerts: alertRows.map(toAlertDto) }
    },
  )
}

/**
 * Which flags open a safety alert: warning and urgent ones (suicidal-ideation items of every
 * depression instrument, C-SSRS moderate and high; clinical-reference §4). Info flags (C-SSRS low)
 * are shown with the score only.
 */
const alertSeverities = ['warning', 'urgent'] as const
type AlertSeverity = (typeof alertSeverities)[number]
const opensAlert = (severity: string): severity is AlertSeverity =>
  (alertSeverities as readonly string[]).includes(severity)

/**
 * Scores answers with the domain instrument, built with the clinic's thresholds, and stores
 * answers and result together; a warning or urgent flag raises a safety alert a clinician must
 * acknowledge with a note. Shared by intake assessments, in-session scores and portal surveys.
 * Invalid answers throw a DomainValidationError naming the item (a 400), before anything is written.
 */
export async function insertScoredResponse(
  scope: ClinicScope,
  input: {
    patientId: string
    instrumentId: InstrumentId
    answers: Answers
    context: ResponseContext
    sessionId: string | null
    administeredAt?: Date | undefined
    /** Staff who recorded it; null when the patient answered in the portal. */
    recordedBy?: string | null
  },
): Promise<{ id: string; total: number; alertIds: string[] }> {
  const { patientId } = input
  const settings = await loadClinicSettings(scope.tx, scope.clinicId)
  const instrument = getInstrument(input.instrumentId, { suicidalIdeation: settings.suicidalIdeation })
  const score = instrument.score(input.answers)
  const id = await insertClinicRow(scope, 'instrument_response', {
    patient_id: patientId,
    instrument_id: instrument.id,
    answers: JSON.stringify(input.answers),
    total: String(score.total),
    band: score.band?.id ?? null,
    band_label: score.band?.label ?? null,
    subscales: JSON.stringify(score.subscales),
    flags: JSON.stringify(score.flags),
    context: input.context,
    session_id: input.sessionId,
    respondent: input.recordedBy === null ? 'patient' : instrument.respondent,
    administered_at: input.administeredAt ?? scope.now,
    recorded_by: input.recordedBy === undefined ? scope.principal.userId : input.recordedBy,
    created_at: scope.now,
  })
  const alertIds: string[] = []
  for (const flag of score.flags) {
    if (!opensAlert(flag.severity)) continue
    const alertId = await insertClinicRow(scope, 'safety_alert', {
      patient_id: patientId,
      instrument_response_id: id,
      kind: flag.id,
      severity: flag.severity,
      message: `${instrument.name}: ${flag.message}`,
      raised_at: scope.now,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledgement_note: null,
    })
    await scope.audit({
      action: 'safety-alert.raise',
      entity: 'safety_alert',
      entityId: alertId,
      detail: { patientId, kind: flag.id, severity: flag.severity },
    })
    alertIds.push(alertId)
  }
  await scope.audit({
    action: 'responses.add',
    entity: 'instrument_response',
    entityId: id,
    detail: { patientId, instrumentId: instrument.id, total: score.total, sessionId: input.sessionId },
  })
  return { id, total: score.total, alertIds }
}

export const markResponseInError = recordCorrection('instrument_response')

export const acknowledgeAlert = clinicService(
  { permission: 'clinical:write', action: 'safety-alert.acknowledge', entity: 'safety_alert' },
  async (scope, patientId: string, alertId: string, note: string) => {
    await markPatientRowOnce(scope, 'safety_alert', patientId, alertId, {
      set: {
        acknowledged_at: scope.now,
        acknowledged_by: scope.principal.userId,
        acknowledgement_note: note,
      },
      marked: 'acknowledged_at',
      alreadyMarked: 'This alert was already acknowledged.',
      missing: 'No such alert for this patient.',
    })
    await scope.audit({
      action: 'safety-alert.acknowledge',
      entity: 'safety_alert',
      entityId: alertId,
      detail: { patientId, note },
    })
    return toAlertDto(
      await scope.tx
        .selectFrom('safety_alert')
        .selectAll()
        .where('id', '=', alertId)
        .executeTakeFirstOrThrow(),
    )
  },
)

export interface VitalsInput {
  context: VitalContext
  measuredAt?: Date | undefined
  systolicMmHg: number
  diastolicMmHg: number
  heartRateBpm: number
  spo2Percent?: number | null | undefined
  respiratoryRate?: number | null | undefined
}

export const recordVitals = clinicService(
  { permission: 'clinical:write', action: 'vitals.add', entity: 'vital_sign' },
  async (scope, patientId: string, input: VitalsInput) => {
    await requirePatient(scope.tx, scope.clinicId, patientId)
    if (input.diastolicMmHg >= input.systolicMmHg) {
      throw new AppError('validation-failed', 'Diastolic pressure must be below systolic.', {
        fieldErrors: [{ field: 'diastolicMmHg', message: 'must be below the systolic pressure' }],
      })
    }
    const id = uuidv7(scope.now.getTime())
    await insertVitalSign(scope.tx, {
      id,
      clinicId: scope.clinicId,
      patientId,
      sessionId: null,
      context: input.context,
      measuredAt: input.measuredAt ?? scope.now,
      systolicMmHg: input.systolicMmHg,
      diastolicMmHg: input.diastolicMmHg,
      heartRateBpm: input.heartRateBpm,
      spo2Percent: input.spo2Percent,
      respiratoryRate: input.respiratoryRate,
      recordedBy: scope.principal.userId,
      now: scope.now,
    })
    await scope.audit({
      action: 'vitals.add',
      entity: 'vital_sign',
      entityId: id,
      detail: { patientId, context: input.context },
    })
    return toVitalDto(
      await scope.tx.selectFrom('vital_sign').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    )
  },
)

export const markVitalsInError = recordCorrection('vital_sign')
